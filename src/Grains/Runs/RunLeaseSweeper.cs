using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Paperclip.Grains.Runs;

/// <summary>
/// Ends runs whose lease ran out while no activation was watching them (their silo crashed, or
/// they were never re-activated): finds them with SQL and lets each run grain expire itself.
/// Every silo sweeps; the grain's single activation makes concurrent sweeps harmless.
/// </summary>
public sealed class RunLeaseSweeper(IGrainFactory grains, IOptions<RunLeaseOptions> options, ILogger<RunLeaseSweeper> logger)
    : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var expired = await grains.GetGrain<IQueryGrain>(0).FindExpiredRunIdsAsync(BatchSize);
                await Task.WhenAll(expired.Select(id => grains.GetGrain<IHeartbeatRunGrain>(id).GetAsync()));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The cluster or the database may be briefly away (start-up, failover): try next tick.
                logger.LogWarning(exception, "Run lease sweep failed");
            }
        }
    }
}
