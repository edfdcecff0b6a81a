using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Cluster;

/// <summary>
/// A comment acknowledged with 201 survives a kill -9 of the silo that acknowledged it: its row,
/// its activity entry, the reopen it made and the wakeups it caused were committed before the reply.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class CommentDurabilityTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan FailoverDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CommentsAndTheirWakeupsAcknowledgedJustBeforeAKillAreAllStillThere()
    {
        var database = await TestDatabase.CreateAsync();
        var clusterId = $"comments-{Guid.NewGuid():N}";
        await using var victim = SiloProcess.Start(database.Url, clusterId, "silo-a", withHttp: true);
        await using var survivor = SiloProcess.Start(database.Url, clusterId, "silo-b", withHttp: true);
        await Task.WhenAll(victim.WaitForHttpAsync(StartTimeout), survivor.WaitForHttpAsync(StartTimeout));
        var api = ApiClient.For(victim);
        var company = await Setup.CompanyAsync(api);
        var issue = (await Setup.IssueAsync(api, company, new { status = "done" })).Id;
        var reviewer = await Setup.AgentAsync(api, company, new { name = "Reviewer" });
        var acknowledged = new List<string?>();
        for (var i = 0; i < 20; i++)
        {
            var created = await api.PostAsync($"/api/issues/{issue}/comments", new { body = $"note {i} for @Reviewer", reopen = i == 19 });
            Assert.Equal(HttpStatusCode.Created, created.Status);
            acknowledged.Add(created.Str("id"));
        }

        victim.Kill();

        var comments = await AfterFailoverAsync(ApiClient.For(survivor), $"/api/issues/{issue}/comments?order=asc");
        Assert.Equal(acknowledged, comments.Body.Column("id"));
        var logged = await AfterFailoverAsync(ApiClient.For(survivor), $"/api/companies/{company}/activity?entityType=issue&entityId={issue}");
        Assert.Equal(20, logged.Body.Column("action").Count(action => action == "issue.comment_added"));
        var woken = await AfterFailoverAsync(ApiClient.For(survivor), $"/api/agents/{reviewer}/wakeups?limit=100");
        Assert.Equal(acknowledged.AsEnumerable().Reverse(), woken.Body.Column("commentId"));
        Assert.Equal("todo", await database.ScalarAsync(
            "SELECT payload->>'status' FROM grain_state WHERE state_name = 'issue' AND payload->>'id' = @id", ("id", issue.ToString())));
    }

    /// <summary>
    /// The first 200 answer: until the killed silo is declared dead, calls to the grains it hosted
    /// (the issue's, the company's, the agent's) fail (503), as the failure model allows; then
    /// they answer from the survivor.
    /// </summary>
    private static async Task<ApiResponse> AfterFailoverAsync(ApiClient api, string path)
    {
        var deadline = DateTime.UtcNow + FailoverDeadline;
        var response = await api.GetAsync(path);
        while (response.Status != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            response = await api.GetAsync(path);
        }
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        return response;
    }
}
