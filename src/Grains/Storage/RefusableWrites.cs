using Npgsql;

namespace Paperclip.Grains.Storage;

/// <summary>
/// Grain state writes that PostgreSQL may refuse by one of the <see cref="StateRules"/>. A refused
/// write changed nothing in storage, and the grain's state (and its ETag) stays what it was, so
/// the grain answers the refusal and carries on. Any other failure is thrown as before.
/// </summary>
public static class RefusableWrites
{
    /// <summary>Stores <paramref name="next"/> as the state; or, refused, returns the broken rule.</summary>
    public static async Task<string?> TryWriteStateAsync<T>(this IPersistentState<T> state, T next, params IReadOnlyCollection<string> rules)
    {
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
            return null;
        }
        catch (OrleansException exception) when (BrokenRule(exception, rules) is { } rule)
        {
            state.State = previous;
            return rule;
        }
    }

    /// <summary>Clears the state; or, refused, returns the broken rule.</summary>
    public static async Task<string?> TryClearStateAsync<T>(this IPersistentState<T> state, params IReadOnlyCollection<string> rules)
    {
        try
        {
            await state.ClearStateAsync();
            return null;
        }
        catch (OrleansException exception) when (BrokenRule(exception, rules) is { } rule)
        {
            return rule;
        }
    }

    // Orleans wraps what the storage provider threw: the PostgreSQL error is the inner exception.
    private static string? BrokenRule(OrleansException exception, IReadOnlyCollection<string> rules) =>
        exception.InnerException is PostgresException { ConstraintName: { } name } && rules.Contains(name) ? name : null;
}
