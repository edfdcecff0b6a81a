namespace Paperclip.Grains;

/// <summary>
/// Tells the grain storage, through the request context of one call, that its caller has just
/// made up the target grain's key (a new issue's id): the activation that call causes need not ask
/// PostgreSQL for state nobody can have stored, one round trip less per create. Names the whole
/// grain id, so grains that call activates on the way are read as usual. Only a hint: were a row
/// there after all, the first write (no ETag) would be refused, never overwrite it.
/// </summary>
public static class NewGrainHint
{
    private const string Key = "paperclip.new-grain";

    /// <summary>Marks <paramref name="grainId"/> as new for the calls made until the result is disposed.</summary>
    public static IDisposable For(GrainId grainId)
    {
        RequestContext.Set(Key, grainId.ToString());
        return new Scope();
    }

    /// <summary>Whether the current call's caller made up <paramref name="grainId"/> just now.</summary>
    public static bool IsNew(GrainId grainId) =>
        RequestContext.Get(Key) is string id && id == grainId.ToString();

    private sealed class Scope : IDisposable
    {
        public void Dispose() => RequestContext.Remove(Key);
    }
}
