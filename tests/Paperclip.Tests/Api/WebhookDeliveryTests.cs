using System.Diagnostics;
using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// Wakeups of <c>http</c> agents are POSTed to <c>adapterConfig.url</c> from the outbox, off the
/// request path: at least once, with bounded retries (CONTRACT §5, ARCHITECTURE "Wakeup delivery is an outbox").
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private ApiClient Board => cluster.Api;

    [Fact]
    public async Task AWebhookAgentIsSentEachWakeupAsJson()
    {
        await using var receiver = new WebhookReceiver(_ => 200);
        var (company, agent) = await WebhookAgentAsync(receiver);
        var issue = await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent });

        var received = await receiver.NextAsync(Patience);
        var wakeup = await Wakeups.WaitForStatusAsync(Board, agent, "delivered", Patience);
        Assert.Equal(wakeup.Text("id"), received.WakeupId);
        Assert.Equal(wakeup.Text("id"), received.Body.Text("id"));
        Assert.Equal(agent.ToString(), received.Body.Text("agentId"));
        Assert.Equal("issue_assigned", received.Body.Text("reason"));
        Assert.Equal(issue.Id.ToString(), received.Body.Text("issueId"));
        Assert.Equal("create", received.Body.GetProperty("payload").Text("mutation"));
        Assert.Equal(1, wakeup.GetProperty("delivery").GetProperty("attempts").GetInt32());
        Assert.False(wakeup.IsNull("finishedAt"));
    }

    [Fact]
    public async Task AWebhookThatFailsTwiceIsRetriedUntilItTakesTheWakeup()
    {
        await using var receiver = new WebhookReceiver(attempt => attempt <= 2 ? 503 : 204);
        var (company, agent) = await WebhookAgentAsync(receiver);
        await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent });

        var wakeup = await Wakeups.WaitForStatusAsync(Board, agent, "delivered", Patience);
        var delivery = wakeup.GetProperty("delivery");
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal("HTTP 503", delivery.Text("lastError"));
        Assert.True(wakeup.IsNull("error"));
    }

    [Fact]
    public async Task AWebhookThatNeverAnswersIsGivenUpAfterTheLastAttempt()
    {
        await using var receiver = new WebhookReceiver(_ => null);
        var (company, agent) = await WebhookAgentAsync(receiver);
        await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent });

        var wakeup = await Wakeups.WaitForStatusAsync(Board, agent, "failed", Patience);
        var delivery = wakeup.GetProperty("delivery");
        Assert.Equal(WebhookCluster.Attempts, delivery.GetProperty("attempts").GetInt32());
        Assert.StartsWith("Timed out", delivery.Text("lastError"));
        Assert.Equal(delivery.Text("lastError"), wakeup.Text("error"));
        Assert.True(delivery.IsNull("nextAttemptAt"));
    }

    [Fact]
    public async Task TheRequestThatWakesASilentWebhookAnswersWithoutWaitingForIt()
    {
        await using var receiver = new WebhookReceiver(_ => null);
        var (company, agent) = await WebhookAgentAsync(receiver);

        var clock = Stopwatch.StartNew();
        var created = await Board.PostAsync($"/api/companies/{company}/issues", new { title = "Wake a silent agent", assigneeAgentId = agent });
        clock.Stop();

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.True(clock.Elapsed < WebhookCluster.AttemptTimeout, $"create took {clock.Elapsed}");
        // The wakeup was on its way all the same.
        Assert.Equal(created.Id.ToString(), (await receiver.NextAsync(Patience)).Body.Text("issueId"));
    }

    [Fact]
    public async Task AnAgentWithoutAnHttpUrlGetsNoDelivery()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await Setup.AgentAsync(Board, company, new { adapterType = "http", adapterConfig = new { url = "file:///etc/passwd" } });
        await Setup.IssueAsync(Board, company, new { assigneeAgentId = agent });

        var wakeup = Assert.Single(await Wakeups.ListAsync(Board, agent));
        Assert.Equal("queued", wakeup.Text("status"));
        Assert.True(wakeup.IsNull("delivery"));
    }

    private async Task<(Guid Company, Guid Agent)> WebhookAgentAsync(WebhookReceiver receiver)
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await Setup.AgentAsync(Board, company, new { adapterType = "http", adapterConfig = new { url = receiver.Url } });
        return (company, agent);
    }
}
