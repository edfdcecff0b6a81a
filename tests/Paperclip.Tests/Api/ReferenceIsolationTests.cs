using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// Every id a record keeps of another record must name one of its own company. An agent of
/// company A sends company B's ids in every body field that stores one: each is refused with the
/// very answer a random UUID gets, so B's ids can be neither used nor probed; and rows that
/// already point into B (stored before these checks) show nothing of B when read.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReferenceIsolationTests(ApiCluster cluster)
{
    private ApiClient Board => cluster.Api;

    /// <summary>Resource with the field, what the field names, and the one answer for foreign and unknown ids.</summary>
    public static TheoryData<string, string, string, string> Fields => new()
    {
        { "projects", "goalIds", "goal", "Goal not found" },
        { "projects", "goalId", "goal", "Goal not found" },
        { "projects", "leadAgentId", "agent", "Lead agent not found" },
        { "goals", "parentId", "goal", "Parent goal not found" },
        { "goals", "ownerAgentId", "agent", "Owner agent not found" },
        { "agents", "reportsTo", "agent", "Reports-to agent not found" },
        { "issues", "projectId", "project", "Project not found" },
        { "issues", "goalId", "goal", "Goal not found" },
        { "issues", "parentId", "issue", "Parent issue not found" },
        { "issues", "labelIds", "label", "One or more labels are invalid for this company" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task CreatingWithAnotherCompanysIdIsRefusedLikeAnUnknownId(string resource, string field, string target, string error)
    {
        var (companyA, caller) = await CallerAsync(resource);
        var foreign = await CreateAsync(target, await Setup.CompanyAsync(Board));
        var name = $"intruder-{Guid.NewGuid():N}"[..20];

        var withForeign = await caller.PostAsync($"/api/companies/{companyA}/{resource}", Body(resource, name, field, foreign));
        var withUnknown = await caller.PostAsync($"/api/companies/{companyA}/{resource}", Body(resource, name, field, Guid.NewGuid()));

        AssertRefusedAlike(error, withForeign, withUnknown);
        Assert.DoesNotContain(name, (await Board.GetAsync($"/api/companies/{companyA}/{resource}")).Text);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task PatchingInAnotherCompanysIdIsRefusedLikeAnUnknownIdAndChangesNothing(string resource, string field, string target, string error)
    {
        var (companyA, caller) = await CallerAsync(resource);
        var record = await CreateAsync(resource[..^1], companyA);
        var foreign = await CreateAsync(target, await Setup.CompanyAsync(Board));
        var before = await Board.GetAsync($"/api/{resource}/{record}");

        var withForeign = await caller.PatchAsync($"/api/{resource}/{record}", Body(resource, "renamed", field, foreign));
        var withUnknown = await caller.PatchAsync($"/api/{resource}/{record}", Body(resource, "renamed", field, Guid.NewGuid()));

        AssertRefusedAlike(error, withForeign, withUnknown);
        Assert.Equal(before.Text, (await Board.GetAsync($"/api/{resource}/{record}")).Text);
    }

    [Fact]
    public async Task ProjectWithAnotherCompanysGoalIsRefusedLikeAnUnknownGoal()
    {
        var secret = $"secret-{Guid.NewGuid():N}";
        var (companyA, agent) = await CallerAsync("projects");
        var goalB = await Setup.GoalAsync(Board, await Setup.CompanyAsync(Board), new { title = secret, description = secret });

        var withForeign = await agent.PostAsync($"/api/companies/{companyA}/projects", new { name = "probe", goalIds = new[] { goalB } });
        var withUnknown = await agent.PostAsync($"/api/companies/{companyA}/projects", new { name = "probe", goalIds = new[] { Guid.NewGuid() } });

        AssertRefusedAlike("Goal not found", withForeign, withUnknown);
        Assert.DoesNotContain(secret, withForeign.Text);
        Assert.Equal(0, (await Board.GetAsync($"/api/companies/{companyA}/projects")).Body.GetArrayLength());
    }

    [Fact]
    public async Task AnyProjectWorkspaceIdIsRefusedBecauseNoWorkspaceBelongsToTheCompany()
    {
        var (companyA, agent) = await CallerAsync("issues");
        var issue = await Setup.IssueAsync(Board, companyA);

        var created = await agent.PostAsync($"/api/companies/{companyA}/issues", new { title = "x", projectWorkspaceId = Guid.NewGuid() });
        var patched = await agent.PatchAsync($"/api/issues/{issue.Id}", new { title = "renamed", projectWorkspaceId = Guid.NewGuid() });

        AssertRefusedAlike("Project workspace not found", created, patched);
        await IssueAssert.UnchangedAsync(Board, issue);
    }

    [Fact]
    public async Task RowsThatAlreadyPointIntoAnotherCompanyShowNothingOfIt()
    {
        var secret = $"secret-{Guid.NewGuid():N}"[..20];
        var (companyA, agent) = await CallerAsync("issues");
        var companyB = await Setup.CompanyAsync(Board);
        var goalB = await Setup.GoalAsync(Board, companyB, new { title = secret, description = secret });
        var projectB = await Setup.ProjectAsync(Board, companyB, new { name = secret, goalIds = new[] { goalB } });
        var labelB = await Setup.LabelAsync(Board, companyB, secret);
        var grandparent = await Setup.IssueAsync(Board, companyA);
        var parent = await Setup.IssueAsync(Board, companyA, new { parentId = grandparent.Id });
        var child = await Setup.IssueAsync(Board, companyA, new { parentId = parent.Id });
        // As a server without these checks would have stored them (ancestors and lists read storage directly).
        await StoreAsync(grandparent.Id, "goalId", $"\"{goalB}\"");
        await StoreAsync(parent.Id, "projectId", $"\"{projectB}\"");
        await StoreAsync(parent.Id, "goalId", "null");
        await StoreAsync(parent.Id, "labelIds", $"[\"{labelB}\"]");

        var detail = await agent.GetAsync($"/api/issues/{child.Id}");
        var list = await agent.GetAsync($"/api/companies/{companyA}/issues");

        Assert.Equal(HttpStatusCode.OK, detail.Status);
        var ancestors = detail.Body.GetProperty("ancestors");
        Assert.Equal([parent.Id, grandparent.Id], ancestors.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        Assert.All(ancestors.EnumerateArray(), ancestor =>
        {
            Assert.True(ancestor.IsNull("project"));
            Assert.True(ancestor.IsNull("goal"));
        });
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.DoesNotContain(secret, detail.Text + list.Text);
    }

    /// <summary>Company A and a caller acting in it: an agent of A, or the board where only the board may write.</summary>
    private async Task<(Guid Company, ApiClient Caller)> CallerAsync(string resource)
    {
        var company = await Setup.CompanyAsync(Board);
        return resource == "agents" ? (company, Board) : (company, Board.As(await AgentKeys.CreateAsync(Board, await Setup.AgentAsync(Board, company))));
    }

    private async Task<Guid> CreateAsync(string kind, Guid company) => kind switch
    {
        "goal" => await Setup.GoalAsync(Board, company),
        "agent" => await Setup.AgentAsync(Board, company),
        "project" => await Setup.ProjectAsync(Board, company),
        "issue" => (await Setup.IssueAsync(Board, company)).Id,
        "label" => await Setup.LabelAsync(Board, company),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static Dictionary<string, object> Body(string resource, string name, string field, Guid id) => new()
    {
        [resource is "goals" or "issues" ? "title" : "name"] = name,
        [field] = field.EndsWith("Ids", StringComparison.Ordinal) ? new[] { id } : id,
    };

    private static void AssertRefusedAlike(string error, ApiResponse first, ApiResponse second)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.Status);
        Assert.Equal(error, first.Error);
        Assert.Equal((first.Status, first.Text), (second.Status, second.Text));
    }

    /// <summary>Overwrites one field of a stored issue with a JSON value, bypassing every check.</summary>
    private Task StoreAsync(Guid issueId, string field, string json) =>
        cluster.Database.ScalarAsync(
            "UPDATE grain_state SET payload = jsonb_set(payload, ARRAY[@field], @json::jsonb) WHERE state_name = 'issue' AND payload->>'id' = @id",
            ("field", field), ("json", json), ("id", issueId.ToString()));
}
