using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// Concurrent writers of one document from the same base revision, through both HTTP processes
/// (two silos): the revision check is one turn of the issue grain (CONTRACT §6).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentRaceTests(ApiCluster cluster)
{
    private const int Writers = 8;
    private const int Rounds = 20;

    [Fact]
    public async Task EightWritersFromTheSameBaseGetOneSuccessAndSevenConflictsEveryRound()
    {
        var company = await Setup.CompanyAsync(cluster.Api);
        var issue = (await Setup.IssueAsync(cluster.Api, company)).Id;
        var path = $"/api/issues/{issue}/documents/plan";
        var current = (await cluster.Api.PutAsync(path, new { format = "markdown", body = "start" })).Str("latestRevisionId");

        for (var round = 1; round <= Rounds; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer =>
                (writer % 2 == 0 ? cluster.Api : cluster.ApiB).PutAsync(path,
                    new { format = "markdown", body = $"round {round} writer {writer}", baseRevisionId = current })));

            var winner = Assert.Single(responses, response => response.Status == HttpStatusCode.OK);
            var losers = responses.Where(response => response != winner).ToList();
            Assert.Equal(Writers - 1, losers.Count);
            Assert.All(losers, loser =>
            {
                Assert.Equal((HttpStatusCode.Conflict, "Document was updated by someone else"), (loser.Status, loser.Error));
                Assert.Equal(winner.Str("latestRevisionId"), loser.Body.GetProperty("details").Text("currentRevisionId"));
            });
            Assert.Equal(round + 1, winner.Body.GetProperty("latestRevisionNumber").GetInt32());
            current = winner.Str("latestRevisionId");
        }

        var revisions = await cluster.ApiB.GetAsync($"{path}/revisions");
        Assert.Equal(Enumerable.Range(1, Rounds + 1).Reverse(),
            revisions.Body.EnumerateArray().Select(revision => revision.GetProperty("revisionNumber").GetInt32()));
        Assert.Equal(current, revisions.Body[0].Text("id"));
    }
}
