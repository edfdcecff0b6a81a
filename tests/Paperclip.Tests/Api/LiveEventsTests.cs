using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// Live events (CONTRACT §5): the activity log as Server-Sent Events, from any silo's writes to a
/// subscriber on any HTTP process, with <c>Last-Event-ID</c> replay.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LiveEventsTests(ApiCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ApiClient Board => cluster.Api;

    [Fact]
    public async Task SubscriberOnOneProcessReceivesAMutationMadeThroughTheOther()
    {
        var company = await Setup.CompanyAsync(Board);
        await using var stream = await EventStream.OpenAsync(cluster.ApiB.Http, $"/api/companies/{company}/events");

        var issue = await Setup.IssueAsync(Board, company);

        var received = await stream.NextAsync(Patience);
        Assert.Equal("activity.logged", received.Name);
        Assert.Equal("issue.created", received.Data.Text("action"));
        Assert.Equal(issue.Id.ToString(), received.Data.Text("entityId"));
        Assert.Equal(received.Id, received.Data.GetProperty("seq").GetInt64().ToString());
    }

    [Fact]
    public async Task ReconnectWithLastEventIdReplaysWhatWasMissedInOrder()
    {
        var company = await Setup.CompanyAsync(Board);
        var issue = await Setup.IssueAsync(Board, company);
        string lastSeen;
        await using (var first = await EventStream.OpenAsync(cluster.ApiB.Http, $"/api/companies/{company}/events"))
        {
            await Board.PatchAsync($"/api/issues/{issue.Id}", new { priority = "high" });
            lastSeen = (await first.NextAsync(Patience)).Id!;
        }

        var comment = await Board.PostAsync($"/api/issues/{issue.Id}/comments", new { body = "while you were away" });
        await Board.PatchAsync($"/api/issues/{issue.Id}", new { status = "done" });
        await using var second = await EventStream.OpenAsync(cluster.ApiB.Http, $"/api/companies/{company}/events", lastSeen);

        var missed = new[] { await second.NextAsync(Patience), await second.NextAsync(Patience) };
        Assert.Equal(["issue.comment_added", "issue.updated"], missed.Select(e => e.Data.Text("action")));
        Assert.Equal(comment.Str("id"), missed[0].Data.GetProperty("details").Text("commentId"));
        Assert.True(long.Parse(missed[0].Id!) > long.Parse(lastSeen));
        Assert.True(long.Parse(missed[1].Id!) > long.Parse(missed[0].Id!));
    }

    [Fact]
    public async Task SubscriberSeesOnlyItsOwnCompany()
    {
        var company = await Setup.CompanyAsync(Board);
        var other = await Setup.CompanyAsync(Board);
        await using var stream = await EventStream.OpenAsync(cluster.ApiB.Http, $"/api/companies/{company}/events");

        await Setup.IssueAsync(Board, other);
        var mine = await Setup.IssueAsync(Board, company);

        Assert.Equal(mine.Id.ToString(), (await stream.NextAsync(Patience)).Data.Text("entityId"));
    }

    [Fact]
    public async Task SubscribersShareOneListenConnectionPerProcess()
    {
        var company = await Setup.CompanyAsync(Board);
        var streams = new List<EventStream>();
        for (var i = 0; i < 5; i++)
        {
            streams.Add(await EventStream.OpenAsync((i % 2 == 0 ? cluster.Api : cluster.ApiB).Http, $"/api/companies/{company}/events"));
        }

        var issue = await Setup.IssueAsync(Board, company);

        foreach (var stream in streams)
        {
            Assert.Equal(issue.Id.ToString(), (await stream.NextAsync(Patience)).Data.Text("entityId"));
            await stream.DisposeAsync();
        }
        Assert.Equal(2L, await cluster.Database.ScalarAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN paperclip_activity'"));
    }

    [Fact]
    public async Task AgentOfAnotherCompanyCannotSubscribe()
    {
        var company = await Setup.CompanyAsync(Board);
        var stranger = await AgentSession.CreateAsync(Board, await Setup.CompanyAsync(Board));

        var response = await stranger.Api.GetAsync($"/api/companies/{company}/events");

        Assert.Equal((HttpStatusCode.Forbidden, "Agent key cannot access another company"), (response.Status, response.Error));
    }
}
