namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// Three-letter company name stems that no other test of this process uses. Issue prefixes are
/// unique per database and derived from a name's first three letters, so a test that asserts an
/// exact prefix needs a stem nobody else has claimed (random stems would collide now and then).
/// </summary>
public static class UniqueStems
{
    private static int _next;

    public static string Next()
    {
        var n = Interlocked.Increment(ref _next);
        return new string([(char)('A' + (n / 676 % 26)), (char)('A' + (n / 26 % 26)), (char)('A' + (n % 26))]);
    }
}
