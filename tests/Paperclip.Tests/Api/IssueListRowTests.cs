using System.Net;
using System.Text.Json;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// List rows are written from the stored rows, not from issue records (IssueListPage): they must
/// be the same objects the issue's other responses are, whatever the issue holds.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IssueListRowTests(ApiCluster cluster)
{
    private ApiClient Api => cluster.Api;

    [Fact]
    public async Task ARowOfAFullyFilledIssueIsTheIssuesOwnResponseWithItsActiveRun()
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await AgentSession.CreateAsync(Api, company);
        var parent = (await Setup.IssueAsync(Api, company)).Id;
        var labels = new[] { await Setup.LabelAsync(Api, company, "zeta"), await Setup.LabelAsync(Api, company, "alpha") };
        var created = await Setup.IssueAsync(Api, company, new
        {
            title = "Ünïcødé \"quoted\" <b>tag</b> & back\\slash",
            description = "line one\nline two\ttabbed \u0001 control, emoji \U0001F680",
            status = "todo",
            priority = "critical",
            parentId = parent,
            projectId = await Setup.ProjectAsync(Api, company),
            goalId = await Setup.GoalAsync(Api, company),
            assigneeAgentId = agent.AgentId,
            labelIds = labels,
            billingCode = "BC-7",
            assigneeAdapterOverrides = new { adapterConfig = new { model = "x", limits = new[] { 1, 2 } }, useProjectWorkspace = true },
        });
        var checkout = await agent.CheckoutAsync(created.Id, "todo");
        Assert.Equal(HttpStatusCode.OK, checkout.Status);

        var listed = await cluster.ApiB.GetAsync($"/api/companies/{company}/issues?parentId={parent}");

        var row = Assert.Single(listed.Body.EnumerateArray());
        // Same properties in the same order: activeRun first, then the issue response's.
        Assert.Equal(["activeRun", .. checkout.Body.EnumerateObject().Select(property => property.Name)],
            row.EnumerateObject().Select(property => property.Name));
        foreach (var property in checkout.Body.EnumerateObject())
        {
            Assert.True(JsonElement.DeepEquals(property.Value, row.GetProperty(property.Name)), $"{property.Name}: {row.GetProperty(property.Name)}");
        }
        Assert.Equal(["alpha", "zeta"], row.GetProperty("labels").EnumerateArray().Select(label => label.Text("name")));
        Assert.Equal(agent.RunId, row.GetProperty("activeRun").Text("id"));
    }

    [Fact]
    public async Task AStoredRowWrittenBeforeAPropertyExistedIsListedWithThatPropertysDefault()
    {
        var company = await Setup.CompanyAsync(Api);
        var created = await Setup.IssueAsync(Api, company, new { title = "older row", originKind = "manual" });
        await cluster.Database.ScalarAsync(
            "UPDATE grain_state SET payload = payload - 'originKind' WHERE state_name = 'issue' AND payload->>'id' = @id",
            ("id", created.Id.ToString()));

        var row = Assert.Single((await Api.GetAsync($"/api/companies/{company}/issues")).Body.EnumerateArray());

        Assert.Equal("manual", row.Text("originKind"));
        Assert.Equal(["activeRun", .. created.Body.EnumerateObject().Select(property => property.Name)],
            row.EnumerateObject().Select(property => property.Name));
        Assert.Equal("older row", row.Text("title"));
    }
}
