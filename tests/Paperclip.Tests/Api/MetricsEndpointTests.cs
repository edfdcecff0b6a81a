using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// <c>GET /metrics</c> on every HTTP process: the frameworks' series and our own counters, which
/// count in the silo where the grain decided (so a cluster's count is the sum over its silos).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MetricsEndpointTests(ApiCluster cluster)
{
    private ApiClient Board => cluster.Api;

    [Fact]
    public async Task MetricsShowHttpServerOrleansNpgsqlAndRuntimeSeries()
    {
        Assert.Equal(HttpStatusCode.OK, (await Board.GetAsync("/api/companies")).Status);

        var scrape = await Scrape.OfAsync(cluster.Silos[0]);
        Assert.True(scrape.Sum("http_server_request_duration_seconds_count", "http_route=\"/api/companies/\"", "http_response_status_code=\"200\"") >= 1, scrape.Text);
        Assert.Equal(2, scrape.Sum("orleans_consistent_ring_size"));
        Assert.True(scrape.Sum("db_client_operation_duration_seconds_count", "db_system_name=\"postgresql\"") >= 1, scrape.Text);
        Assert.True(scrape.Sum("dotnet_process_cpu_count") >= 1, scrape.Text);
    }

    [Fact]
    public async Task MetricsNameNeitherTheDatabaseHostNorItsUser()
    {
        var scrape = await Scrape.OfAsync(cluster.Silos[0]);
        Assert.DoesNotContain("db_client_connection_pool_name", scrape.Text);
        Assert.DoesNotContain("Host=", scrape.Text);
        Assert.DoesNotContain("Username=", scrape.Text);
    }

    [Fact]
    public async Task ACheckoutWonAndACheckoutLostAreCounted()
    {
        var company = await Setup.CompanyAsync(Board);
        var owner = await AgentSession.CreateAsync(Board, company);
        var rival = await AgentSession.CreateAsync(Board, company, cluster.ApiB);
        var issue = await Setup.IssueAsync(Board, company, new { status = "todo" });
        var before = await Scrape.OfAsync([.. cluster.Silos]);

        Assert.Equal(HttpStatusCode.OK, (await owner.CheckoutAsync(issue.Id, "todo")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await rival.CheckoutAsync(issue.Id, "todo")).Status);

        var after = await Scrape.OfAsync([.. cluster.Silos]);
        Assert.Equal(1, after.IncreaseSince(before, "paperclip_checkouts_total", "outcome=\"won\""));
        Assert.Equal(1, after.IncreaseSince(before, "paperclip_checkouts_total", "outcome=\"lost\"", "reason=\"held_by_other_agent\""));
    }

    [Fact]
    public async Task AssigningAnIssueToAnAgentCountsAQueuedWakeup()
    {
        var company = await Setup.CompanyAsync(Board);
        var agent = await Setup.AgentAsync(Board, company);
        var before = await Scrape.OfAsync([.. cluster.Silos]);

        await Setup.IssueAsync(Board, company, new { status = "todo", assigneeAgentId = agent });

        var after = await Scrape.OfAsync([.. cluster.Silos]);
        Assert.Equal(1, after.IncreaseSince(before, "paperclip_wakeups_queued_total"));
    }
}
