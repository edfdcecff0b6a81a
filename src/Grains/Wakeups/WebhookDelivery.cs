using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Paperclip.Grains.Telemetry;

namespace Paperclip.Grains.Wakeups;

/// <summary>
/// Delivers wakeups to agents' webhooks from the outbox, off every request path. Each silo claims
/// due rows with a lease, POSTs each one, and marks it delivered, reschedules it with exponential
/// backoff, or after the last attempt marks it failed. A silo that dies mid-delivery leaves claims
/// that expire and are taken over: delivery is at least once (the <c>X-Paperclip-Wakeup-Id</c>
/// header lets a receiver drop repeats), and no row is left waiting forever.
/// </summary>
public sealed class WebhookDelivery(WakeupStore store, IOptions<WebhookOptions> options, ILogger<WebhookDelivery> logger)
    : BackgroundService
{
    private readonly WebhookOptions _options = options.Value;

    // Redirects are not followed (a webhook cannot bounce the silo to another address), and the
    // response body is never read: only the status line counts.
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = options.Value.Timeout })
    {
        Timeout = options.Value.Timeout,
        MaxResponseContentBufferSize = 64 * 1024,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                var token = Guid.NewGuid();
                var batch = await store.ClaimDueAsync(token, _options.ClaimLease, _options.BatchSize, stoppingToken);
                claimed = batch.Count;
                await Task.WhenAll(batch.Select(request => DeliverAsync(request, token, stoppingToken)));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away (start-up, failover): claims expire, try again later.
                logger.LogWarning(exception, "Webhook outbox pass failed");
            }
            // A full batch suggests more are due: claim again at once.
            if (claimed < _options.BatchSize)
            {
                await Task.Delay(_options.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    private async Task DeliverAsync(WakeupRequest request, Guid token, CancellationToken stoppingToken)
    {
        if (request.Attempts > _options.MaxAttempts)
        {
            // Claimed again after a silo died during its last attempt.
            await FailAsync(request, token, request.LastError ?? "Delivery attempts exhausted");
            return;
        }
        var error = await PostAsync(request, stoppingToken);
        if (error is null)
        {
            if (await store.FinishAsync(request.Id, token, WakeupStatuses.Delivered, null))
            {
                PaperclipMetrics.WakeupDelivered();
            }
        }
        else if (request.Attempts >= _options.MaxAttempts)
        {
            await FailAsync(request, token, error);
        }
        else
        {
            await store.RescheduleAsync(request.Id, token, _options.DelayAfter(request.Attempts), error);
        }
    }

    private async Task FailAsync(WakeupRequest request, Guid token, string error)
    {
        if (await store.FinishAsync(request.Id, token, WakeupStatuses.Failed, error))
        {
            PaperclipMetrics.WakeupFailed();
        }
    }

    /// <summary>One attempt: <c>null</c> on a 2xx answer, else what went wrong.</summary>
    private async Task<string?> PostAsync(WakeupRequest request, CancellationToken stoppingToken)
    {
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, request.WebhookUrl)
            {
                Content = JsonContent.Create(WebhookBody.From(request)),
            };
            message.Headers.Add("X-Paperclip-Wakeup-Id", request.Id.ToString());
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, stoppingToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // Whatever went wrong (refused, reset, timed out, a malformed answer) costs one attempt.
            return exception is TaskCanceledException ? $"Timed out after {_options.Timeout.TotalSeconds:0.###} s" : exception.Message;
        }
    }
}
