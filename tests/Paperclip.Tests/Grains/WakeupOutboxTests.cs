using Microsoft.Extensions.DependencyInjection;
using Paperclip.Grains;
using Paperclip.Grains.Wakeups;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Grains;

/// <summary>
/// The outbox's claim rules on the real database (no deliverer runs in this cluster): a claim keeps
/// other deliverers away until its lease ends, then the row is taken over, and only the current
/// claim can finish it. This is what makes delivery survive a silo dying mid-delivery.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class WakeupOutboxTests(GrainCluster cluster)
{
    private WakeupStore Store => cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<WakeupStore>();

    [Fact]
    public async Task AnExpiredClaimIsTakenOverAndOnlyTheNewClaimFinishesTheRow()
    {
        var (id, agentId) = await QueueWebhookWakeupAsync();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var lease = TimeSpan.FromMilliseconds(100);

        var claimed = Assert.Single(await Store.ClaimDueAsync(first, lease, 10, CancellationToken.None));
        Assert.Equal((id, 1), (claimed.Id, claimed.Attempts));
        Assert.Empty(await Store.ClaimDueAsync(second, lease, 10, CancellationToken.None));

        // The first deliverer "died": nothing renews its claim, which runs out.
        await Task.Delay(lease * 3);
        var takenOver = Assert.Single(await Store.ClaimDueAsync(second, TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        Assert.Equal((id, 2), (takenOver.Id, takenOver.Attempts));

        await Store.FinishAsync(id, first, WakeupStatuses.Failed, "stale claim");
        Assert.Equal(WakeupStatuses.Queued, (await GetAsync(agentId)).Status);
        await Store.FinishAsync(id, second, WakeupStatuses.Delivered, null);
        Assert.Equal(WakeupStatuses.Delivered, (await GetAsync(agentId)).Status);
        Assert.Empty(await Store.ClaimDueAsync(Guid.NewGuid(), lease, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ARescheduledRowIsNotDueBeforeItsDelay()
    {
        var (id, agentId) = await QueueWebhookWakeupAsync();
        var token = Guid.NewGuid();
        Assert.Single(await Store.ClaimDueAsync(token, TimeSpan.FromMinutes(1), 10, CancellationToken.None));

        await Store.RescheduleAsync(id, token, TimeSpan.FromMinutes(5), "HTTP 500");

        Assert.Empty(await Store.ClaimDueAsync(Guid.NewGuid(), TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        var row = await GetAsync(agentId);
        Assert.Equal(("HTTP 500", WakeupStatuses.Queued), (row.LastError, row.Status));
        Assert.True(row.NextAttemptAt > DateTime.UtcNow.AddMinutes(4));
        // Leave nothing due for the other tests of this database.
        await Store.FinishAsync(id, token, WakeupStatuses.Failed, "test over");
    }

    /// <summary>A due wakeup of a fresh agent with a webhook (nobody listens there: no deliverer runs here).</summary>
    private async Task<(Guid Id, Guid AgentId)> QueueWebhookWakeupAsync()
    {
        var now = Clock.Truncate(DateTimeOffset.UtcNow);
        var request = new WakeupRequest
        {
            Id = Guid.NewGuid(), CompanyId = Guid.NewGuid(), AgentId = Guid.NewGuid(), Reason = "test",
            WebhookUrl = "http://127.0.0.1:9/hook", RequestedAt = now, UpdatedAt = now,
        };
        await Store.InsertAsync([request]);
        return (request.Id, request.AgentId);
    }

    private async Task<WakeupRequest> GetAsync(Guid agentId) =>
        Assert.Single(await cluster.Grains.GetGrain<IQueryGrain>(0).ListWakeupsAsync(agentId, 10));
}
