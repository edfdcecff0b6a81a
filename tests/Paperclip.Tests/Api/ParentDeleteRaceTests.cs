using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// A parent deleted while a child is created under it and another issue is moved under it, the
/// three requests fired together through both HTTP processes (two silos). An issue with children
/// cannot be deleted (CONTRACT §3), so either the delete wins and both attachments are refused, or
/// the parent stays and both succeed; never a stored issue whose parent is gone.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ParentDeleteRaceTests(ApiCluster cluster)
{
    private const int Rounds = 40;

    [Fact]
    public async Task ADeleteNeverSucceedsBesideAChildAttachedToTheSameParent()
    {
        var company = await Setup.CompanyAsync(cluster.Api);
        for (var round = 0; round < Rounds; round++)
        {
            var parent = (await Setup.IssueAsync(cluster.Api, company)).Id;
            var moved = (await Setup.IssueAsync(cluster.ApiB, company)).Id;
            var deleter = round % 2 == 0 ? cluster.Api : cluster.ApiB;
            var responses = await Simultaneous.RunAsync(
                () => cluster.ApiB.PostAsync($"/api/companies/{company}/issues", new { title = $"child {round}", parentId = parent }),
                () => cluster.Api.PatchAsync($"/api/issues/{moved}", new { parentId = parent }),
                () => deleter.DeleteAsync($"/api/issues/{parent}"));
            var (created, adopted, deleted) = (responses[0], responses[1], responses[2]);

            if (deleted.Status == HttpStatusCode.OK)
            {
                Assert.Equal((HttpStatusCode.UnprocessableEntity, "Parent issue not found"), (created.Status, created.Error));
                Assert.Equal((HttpStatusCode.UnprocessableEntity, "Parent issue not found"), (adopted.Status, adopted.Error));
            }
            else
            {
                Assert.Equal((HttpStatusCode.Conflict, "Issue has child issues"), (deleted.Status, deleted.Error));
                Assert.Equal(HttpStatusCode.Created, created.Status);
                Assert.Equal(HttpStatusCode.OK, adopted.Status);
            }
            Assert.Equal(0, await IssueTreeAudit.CountDanglingParentsAsync(cluster.Database, company));
        }
    }
}
