using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>Agents, projects, goals and labels (CONTRACT §8) with the reference's fields and errors.</summary>
[Collection(ApiCollection.Name)]
public sealed class SetupResourcesApiTests(ApiCluster cluster)
{
    private ApiClient Api => cluster.Api;

    [Fact]
    public async Task AgentIsCreatedIdleWithDefaultsAndUrlKey()
    {
        var company = await Setup.CompanyAsync(Api);
        var response = await Api.PostAsync($"/api/companies/{company}/agents",
            new { name = "Code Monkey", adapterConfig = new { url = "http://x" }, permissions = new { canCreateAgents = true } });
        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("idle", response.Str("status"));
        Assert.Equal("general", response.Str("role"));
        Assert.Equal("code-monkey", response.Str("urlKey"));
        Assert.Equal("http://x", response.Body.GetProperty("adapterConfig").GetProperty("url").GetString());
        Assert.True(response.Body.GetProperty("permissions").GetProperty("canCreateAgents").GetBoolean());
        Assert.Equal(company.ToString(), response.Str("companyId"));
    }

    [Fact]
    public async Task AgentWithUnknownRoleOrWrongTypesIsAValidationError()
    {
        var company = await Setup.CompanyAsync(Api);
        var response = await Api.PostAsync($"/api/companies/{company}/agents", new { name = "x", role = "wizard", adapterConfig = "nope" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(2, response.Body.GetProperty("details").GetArrayLength());
    }

    [Fact]
    public async Task AgentInUnknownCompanyIsNotFound()
    {
        var response = await Api.PostAsync($"/api/companies/{Guid.NewGuid()}/agents", new { name = "x" });
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("Company not found", response.Error);
    }

    [Fact]
    public async Task BoardCanPauseAndTerminateAnAgent()
    {
        var company = await Setup.CompanyAsync(Api);
        var agent = await Setup.AgentAsync(Api, company);
        var paused = await Api.PatchAsync($"/api/agents/{agent}", new { status = "paused", title = "Lead" });
        Assert.Equal("paused", paused.Str("status"));
        Assert.Equal("Lead", paused.Str("title"));
        Assert.NotNull(paused.Body.GetProperty("pausedAt").GetString());

        var terminated = await cluster.ApiB.PatchAsync($"/api/agents/{agent}", new { status = "terminated" });
        Assert.Equal("terminated", terminated.Str("status"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, terminated.Body.GetProperty("pausedAt").ValueKind);
        var listed = await Api.GetAsync($"/api/companies/{company}/agents");
        Assert.Equal("terminated", listed.Body[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task ProjectIsCreatedWithGoalsAndUrlKey()
    {
        var company = await Setup.CompanyAsync(Api);
        var goal = await Api.PostAsync($"/api/companies/{company}/goals", new { title = "Ship it" });
        var response = await Api.PostAsync($"/api/companies/{company}/projects",
            new { name = "Big Launch!", goalIds = new[] { goal.Id }, targetDate = "2026-12-31" });
        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("backlog", response.Str("status"));
        Assert.Equal("big-launch", response.Str("urlKey"));
        Assert.Equal("2026-12-31", response.Str("targetDate"));
        Assert.Equal(goal.Id.ToString(), response.Str("goalId"));
        Assert.Equal("Ship it", response.Body.GetProperty("goals")[0].GetProperty("title").GetString());
        Assert.Equal(0, response.Body.GetProperty("workspaces").GetArrayLength());

        var patched = await Api.PatchAsync($"/api/projects/{response.Id}", new { status = "in_progress", pausedAt = "2026-11-01T00:00:00.000Z" });
        Assert.Equal("in_progress", patched.Str("status"));
        Assert.Equal("2026-11-01T00:00:00.000Z", patched.Str("pausedAt"));
    }

    [Fact]
    public async Task ProjectWithBadDateIsAValidationError()
    {
        var company = await Setup.CompanyAsync(Api);
        var response = await Api.PostAsync($"/api/companies/{company}/projects", new { name = "x", targetDate = "tomorrow" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task GoalDefaultsToPlannedTaskAndRejectsForeignParent()
    {
        var company = await Setup.CompanyAsync(Api);
        var other = await Setup.CompanyAsync(Api);
        var foreign = await Api.PostAsync($"/api/companies/{other}/goals", new { title = "Theirs" });
        var goal = await Api.PostAsync($"/api/companies/{company}/goals", new { title = "Ours" });
        Assert.Equal("task", goal.Str("level"));
        Assert.Equal("planned", goal.Str("status"));

        var response = await Api.PostAsync($"/api/companies/{company}/goals", new { title = "Child", parentId = foreign.Id });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("Parent goal not found", response.Error);

        var patched = await Api.PatchAsync($"/api/goals/{goal.Id}", new { status = "achieved", level = "company" });
        Assert.Equal("achieved", patched.Str("status"));
        Assert.Equal("company", (await Api.GetAsync($"/api/goals/{goal.Id}")).Str("level"));
    }

    [Fact]
    public async Task LabelsAreUniquePerCompanySortedByNameAndDeletable()
    {
        var company = await Setup.CompanyAsync(Api);
        var zebra = await Api.PostAsync($"/api/companies/{company}/labels", new { name = "zebra", color = "#00ff00" });
        var apple = await Api.PostAsync($"/api/companies/{company}/labels", new { name = " apple ", color = "#FF0000" });
        Assert.Equal(HttpStatusCode.Created, zebra.Status);
        Assert.Equal("apple", apple.Str("name"));

        var duplicate = await cluster.ApiB.PostAsync($"/api/companies/{company}/labels", new { name = "Zebra", color = "#000000" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);

        var names = (await Api.GetAsync($"/api/companies/{company}/labels")).Body.EnumerateArray().Select(l => l.GetProperty("name").GetString());
        Assert.Equal(["apple", "zebra"], names);

        Assert.Equal(HttpStatusCode.OK, (await Api.DeleteAsync($"/api/labels/{zebra.Id}")).Status);
        Assert.Equal("Label not found", (await Api.DeleteAsync($"/api/labels/{zebra.Id}")).Error);
        // The name is free again.
        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync($"/api/companies/{company}/labels", new { name = "zebra", color = "#000000" })).Status);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#12345")]
    [InlineData("#GGGGGG")]
    public async Task LabelColorMustBeSixHexDigits(string color)
    {
        var company = await Setup.CompanyAsync(Api);
        var response = await Api.PostAsync($"/api/companies/{company}/labels", new { name = "x", color });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Color must be a 6-digit hex value", response.Body.GetProperty("details")[0].GetProperty("message").GetString());
    }
}
