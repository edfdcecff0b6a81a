using System.Net;
using System.Text.Json;
using System.Threading.Channels;

namespace Paperclip.Tests.Infrastructure;

/// <summary>One webhook request as the receiver saw it.</summary>
public sealed record ReceivedWakeup(JsonElement Body, string? WakeupId);

/// <summary>
/// A loopback HTTP endpoint standing in for an agent's webhook. <paramref name="answer"/> gives the
/// status code of the n-th request (1-based), or <c>null</c> to never answer it.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, int?> _answer;
    private readonly Channel<ReceivedWakeup> _received = Channel.CreateUnbounded<ReceivedWakeup>();
    private readonly List<HttpListenerContext> _held = [];
    private readonly Task _loop;
    private int _count;

    public WebhookReceiver(Func<int, int?> answer)
    {
        _answer = answer;
        Url = $"http://127.0.0.1:{FreePorts.Next()}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = ServeAsync();
    }

    public string Url { get; }

    /// <summary>The next request to arrive, or a failed test after <paramref name="timeout"/>.</summary>
    public async Task<ReceivedWakeup> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await _received.Reader.ReadAsync(cancel.Token);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
            await _received.Writer.WriteAsync(new ReceivedWakeup(body.RootElement.Clone(), context.Request.Headers["X-Paperclip-Wakeup-Id"]));
            if (_answer(Interlocked.Increment(ref _count)) is { } status)
            {
                context.Response.StatusCode = status;
                context.Response.Close();
            }
            else
            {
                lock (_held)
                {
                    _held.Add(context);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_held)
        {
            _held.ForEach(context => context.Response.Abort());
        }
        _listener.Close();
        await _loop;
    }
}
