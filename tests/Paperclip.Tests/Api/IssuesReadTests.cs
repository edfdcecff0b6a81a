using System.Net;
using System.Text.Json;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>GET /api/issues/{id} (reference §4.3): by UUID or identifier, with ancestors, project and goal.</summary>
[Collection(ApiCollection.Name)]
public sealed class IssuesReadTests(ApiCluster cluster)
{
    private ApiClient Api => cluster.Api;

    [Fact]
    public async Task AnIssueIsFoundByUuidAndByIdentifierInAnyCaseThroughEitherGateway()
    {
        var company = await Setup.CompanyAsync(Api);
        var created = await Setup.IssueAsync(Api, company);
        var identifier = created.Body.Text("identifier")!;

        foreach (var reference in new[] { created.Id.ToString(), created.Id.ToString().ToUpperInvariant(), identifier, identifier.ToLowerInvariant() })
        {
            foreach (var api in new[] { Api, cluster.ApiB })
            {
                var response = await api.GetAsync($"/api/issues/{reference}");
                Assert.Equal(HttpStatusCode.OK, response.Status);
                Assert.Equal(created.Id, response.Id);
                Assert.Equal(identifier, response.Body.Text("identifier"));
            }
        }
    }

    [Fact]
    public async Task TheDetailCarriesEveryIssueFieldAndItsContext()
    {
        var company = await Setup.CompanyAsync(Api);
        var created = await Setup.IssueAsync(Api, company, new { description = "plain" });

        var detail = await Api.GetAsync($"/api/issues/{created.Id}");

        foreach (var property in created.Body.EnumerateObject())
        {
            Assert.Equal(property.Value.GetRawText(), detail.Body.GetProperty(property.Name).GetRawText());
        }
        Assert.Equal(0, detail.Body.GetProperty("ancestors").GetArrayLength());
        Assert.True(detail.Body.IsNull("project"));
        Assert.True(detail.Body.IsNull("goal"));
        Assert.True(detail.Body.IsNull("planDocument"));
        Assert.Equal(0, detail.Body.GetProperty("documentSummaries").GetArrayLength());
        Assert.True(detail.Body.IsNull("legacyPlanDocument"));
        Assert.Equal(0, detail.Body.GetProperty("mentionedProjects").GetArrayLength());
        Assert.Equal(0, detail.Body.GetProperty("workProducts").GetArrayLength());
        Assert.True(detail.Body.IsNull("currentExecutionWorkspace"));
        Assert.False(detail.Body.TryGetProperty("activeRun", out _));
    }

    [Fact]
    public async Task AncestorsComeNearestFirstWithTheirProjectAndGoal()
    {
        var company = await Setup.CompanyAsync(Api);
        var projectGoal = await Setup.GoalAsync(Api, company, new { title = "Project goal", level = "team", status = "active" });
        var project = await Setup.ProjectAsync(Api, company, new { name = "Launch", description = "Big", goalIds = new[] { projectGoal } });
        var ownGoal = await Setup.GoalAsync(Api, company, new { title = "Own goal", description = "why" });
        var root = await Setup.IssueAsync(Api, company, new { title = "Root", projectId = project });
        var middle = await Setup.IssueAsync(Api, company, new { title = "Middle", parentId = root.Id, goalId = ownGoal, priority = "high" });
        var leaf = await Setup.IssueAsync(Api, company, new { title = "Leaf", parentId = middle.Id, projectId = project });

        var detail = (await cluster.ApiB.GetAsync($"/api/issues/{leaf.Body.Text("identifier")}")).Body;

        var ancestors = detail.GetProperty("ancestors");
        Assert.Equal([middle.Id, root.Id], ancestors.Ids());

        var nearest = ancestors[0];
        Assert.Equal(middle.Body.Text("identifier"), nearest.Text("identifier"));
        Assert.Equal("Middle", nearest.Text("title"));
        Assert.Equal("high", nearest.Text("priority"));
        Assert.Equal("backlog", nearest.Text("status"));
        Assert.True(nearest.IsNull("projectId"));
        Assert.True(nearest.IsNull("project"));
        Assert.Equal(ownGoal, nearest.GuidOrNull("goalId"));
        var goal = nearest.GetProperty("goal");
        Assert.Equal(["id", "title", "description", "level", "status"], goal.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Own goal", goal.Text("title"));
        Assert.Equal("why", goal.Text("description"));

        var top = ancestors[1];
        Assert.Equal(project, top.GuidOrNull("projectId"));
        Assert.True(top.IsNull("goalId"));
        var topProject = top.GetProperty("project");
        Assert.Equal("Launch", topProject.Text("name"));
        Assert.Equal("Big", topProject.Text("description"));
        Assert.Equal(projectGoal, topProject.GuidOrNull("goalId"));
        Assert.Equal(0, topProject.GetProperty("workspaces").GetArrayLength());
        Assert.True(topProject.IsNull("primaryWorkspace"));
        // An ancestor without its own goal shows its project's goal.
        Assert.Equal("Project goal", top.GetProperty("goal").Text("title"));

        Assert.Equal(project, detail.GetProperty("project").GuidOrNull("id"));
        Assert.Equal("launch", detail.GetProperty("project").Text("urlKey"));
        Assert.True(detail.IsNull("goal"));
    }

    [Fact]
    public async Task TheDetailResolvesTheDefaultGoalOfAnIssueWithoutProjectOrGoal()
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company);
        var goal = await Setup.GoalAsync(Api, company, new { level = "company", status = "active", title = "North star" });

        var detail = (await Api.GetAsync($"/api/issues/{issue.Id}")).Body;

        Assert.True(issue.Body.IsNull("goalId"));
        Assert.Equal(goal, detail.GuidOrNull("goalId"));
        Assert.Equal("North star", detail.GetProperty("goal").Text("title"));
    }

    [Fact]
    public async Task APlanBlockInTheDescriptionIsTheLegacyPlanDocument()
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company, new { description = "Intro\n<PLAN>\n  1. do it  \n</plan> tail" });

        var legacy = (await Api.GetAsync($"/api/issues/{issue.Id}")).Body.GetProperty("legacyPlanDocument");

        Assert.Equal("plan", legacy.Text("key"));
        Assert.Equal("1. do it", legacy.Text("body"));
        Assert.Equal("issue_description", legacy.Text("source"));
    }

    [Theory]
    [InlineData("/api/issues/00000000-0000-4000-8000-0000000000aa")]
    [InlineData("/api/issues/not-an-id")]
    [InlineData("/api/issues/ZZZQ-1")]
    [InlineData("/api/issues/PAP-0x1")]
    [InlineData("/api/issues/%20")]
    public async Task UnknownOrMalformedIssueReferencesAreNotFoundOnEveryIssueRoute(string path)
    {
        var responses = new[]
        {
            await Api.GetAsync(path),
            await Api.PatchAsync(path, new { title = "x" }),
            await Api.DeleteAsync(path),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.Status);
            Assert.Equal("Issue not found", response.Error);
        }
    }

    [Fact]
    public async Task AnIssueOfAnotherCompanyIsNotReachableThroughItsIdentifierAsAnotherCompanysNumber()
    {
        var (first, firstPrefix) = await Setup.CompanyWithPrefixAsync(Api);
        var (second, secondPrefix) = await Setup.CompanyWithPrefixAsync(Api);
        var ours = await Setup.IssueAsync(Api, first);
        await Setup.IssueAsync(Api, second);

        Assert.Equal($"{firstPrefix}-1", ours.Body.Text("identifier"));
        Assert.Equal(ours.Id, (await Api.GetAsync($"/api/issues/{firstPrefix}-1")).Id);
        Assert.NotEqual(ours.Id, (await Api.GetAsync($"/api/issues/{secondPrefix}-1")).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"/api/issues/{firstPrefix}-2")).Status);
    }

    [Fact]
    public async Task TheListRouteWithoutACompanyExplainsWhereToGo()
    {
        var response = await Api.GetAsync("/api/issues");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Missing companyId in path. Use /api/companies/{companyId}/issues.", response.Error);
        Assert.Equal(JsonValueKind.Object, response.Body.ValueKind);
    }
}
