using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>Webhook outcomes are counted by the silo that delivered or gave up.</summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookMetricsTests(WebhookCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private ApiClient Board => cluster.Api;

    [Fact]
    public async Task ADeliveredWakeupAndAGivenUpOneAreCounted()
    {
        await using var accepting = new WebhookReceiver(_ => 200);
        await using var silent = new WebhookReceiver(_ => null);
        var company = await Setup.CompanyAsync(Board);
        var taker = await Setup.AgentAsync(Board, company, new { adapterType = "http", adapterConfig = new { url = accepting.Url } });
        var sleeper = await Setup.AgentAsync(Board, company, new { adapterType = "http", adapterConfig = new { url = silent.Url } });
        var before = await Scrape.OfAsync([.. cluster.Silos]);

        await Setup.IssueAsync(Board, company, new { assigneeAgentId = taker });
        await Setup.IssueAsync(Board, company, new { assigneeAgentId = sleeper });
        await Wakeups.WaitForStatusAsync(Board, taker, "delivered", Patience);
        await Wakeups.WaitForStatusAsync(Board, sleeper, "failed", Patience);

        var after = await Scrape.OfAsync([.. cluster.Silos]);
        Assert.Equal(2, after.IncreaseSince(before, "paperclip_wakeups_queued_total"));
        Assert.Equal(1, after.IncreaseSince(before, "paperclip_wakeups_delivered_total"));
        // At least: another test's silent webhook may be given up meanwhile.
        Assert.True(after.IncreaseSince(before, "paperclip_wakeups_failed_total") >= 1, after.Text);
    }
}
