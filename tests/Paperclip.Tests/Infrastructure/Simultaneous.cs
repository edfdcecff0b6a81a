namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// Requests released in the same instant: each waits at the start line until all are set up, so
/// they race inside the servers instead of leaving the client one after another.
/// </summary>
public static class Simultaneous
{
    public static async Task<T[]> RunAsync<T>(params Func<Task<T>>[] requests)
    {
        using var start = new SemaphoreSlim(0);
        var running = requests.Select(async request =>
        {
            await start.WaitAsync();
            return await request();
        }).ToList();
        start.Release(requests.Length);
        return await Task.WhenAll(running);
    }
}
