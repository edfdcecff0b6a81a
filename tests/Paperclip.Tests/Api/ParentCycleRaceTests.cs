using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// Two issues each made the other's parent in the same instant, through both HTTP processes (two
/// silos). Each request alone is valid; together they would make a loop, so exactly one wins and
/// the other is refused as a cycle (CONTRACT §3), every round.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ParentCycleRaceTests(ApiCluster cluster)
{
    private const int Rounds = 40;

    [Fact]
    public async Task OppositeParentChangesHaveExactlyOneWinnerEveryRound()
    {
        var company = await Setup.CompanyAsync(cluster.Api);
        for (var round = 0; round < Rounds; round++)
        {
            var first = (await Setup.IssueAsync(cluster.Api, company)).Id;
            var second = (await Setup.IssueAsync(cluster.ApiB, company)).Id;
            var responses = await Simultaneous.RunAsync(
                () => cluster.Api.PatchAsync($"/api/issues/{first}", new { parentId = second }),
                () => cluster.ApiB.PatchAsync($"/api/issues/{second}", new { parentId = first }));

            var winner = Assert.Single(responses, response => response.Status == HttpStatusCode.OK);
            var loser = Assert.Single(responses, response => response != winner);
            Assert.Equal((HttpStatusCode.UnprocessableEntity, "Issue cannot be its own ancestor"), (loser.Status, loser.Error));
            var (child, parent) = winner == responses[0] ? (first, second) : (second, first);
            Assert.Equal(parent, (await cluster.ApiB.GetAsync($"/api/issues/{child}")).Body.GuidOrNull("parentId"));
            Assert.Null((await cluster.Api.GetAsync($"/api/issues/{parent}")).Body.GuidOrNull("parentId"));
            Assert.Equal(0, await IssueTreeAudit.CountIssuesInCyclesAsync(cluster.Database, company));
        }
    }
}
