using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// What an issue points at: project, goal, parent and labels must be the company's (CONTRACT §3:
/// unknown or foreign → 422, never a 500), and the company default goal fills in (reference §4.2, §10).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IssuesReferencesTests(ApiCluster cluster)
{
    private ApiClient Api => cluster.Api;

    public static TheoryData<string, string> References => new()
    {
        { "projectId", "Project not found" },
        { "goalId", "Goal not found" },
        { "parentId", "Parent issue not found" },
        { "labelIds", "One or more labels are invalid for this company" },
    };

    [Theory]
    [MemberData(nameof(References))]
    public async Task CreatingWithAnUnknownReferenceIsUnprocessable(string field, string error)
    {
        var company = await Setup.CompanyAsync(Api);
        object id = field == "labelIds" ? new[] { Guid.NewGuid() } : Guid.NewGuid();

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new Dictionary<string, object> { ["title"] = "x", [field] = id });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal(error, response.Error);
        Assert.Equal(0, (await Api.GetAsync($"/api/companies/{company}/issues")).Body.GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(References))]
    public async Task CreatingWithAnotherCompanysReferenceIsUnprocessable(string field, string error)
    {
        var company = await Setup.CompanyAsync(Api);
        var other = await Setup.CompanyAsync(Api);
        object id = await ForeignReferenceAsync(field, other);

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new Dictionary<string, object> { ["title"] = "x", [field] = id });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal(error, response.Error);
    }

    [Theory]
    [MemberData(nameof(References))]
    public async Task PatchingInAnotherCompanysReferenceIsUnprocessableAndChangesNothing(string field, string error)
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company);
        object id = await ForeignReferenceAsync(field, await Setup.CompanyAsync(Api));

        var response = await Api.PatchAsync($"/api/issues/{issue.Id}", new Dictionary<string, object> { ["title"] = "changed", [field] = id });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal(error, response.Error);
        await IssueAssert.UnchangedAsync(Api, issue);
    }

    [Fact]
    public async Task OneForeignLabelAmongValidOnesRefusesTheWholeSet()
    {
        var company = await Setup.CompanyAsync(Api);
        var ours = await Setup.LabelAsync(Api, company);
        var theirs = await Setup.LabelAsync(Api, await Setup.CompanyAsync(Api));

        var response = await Api.PostAsync($"/api/companies/{company}/issues", new { title = "x", labelIds = new[] { ours, theirs } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("One or more labels are invalid for this company", response.Error);
    }

    [Fact]
    public async Task ValidReferencesAreStoredAndLabelsAreDeduplicatedAndSortedByName()
    {
        var company = await Setup.CompanyAsync(Api);
        var project = await Setup.ProjectAsync(Api, company);
        var goal = await Setup.GoalAsync(Api, company);
        var parent = await Setup.IssueAsync(Api, company);
        var zeta = await Setup.LabelAsync(Api, company, $"zeta-{Guid.NewGuid():N}"[..12]);
        var alpha = await Setup.LabelAsync(Api, company, $"alpha-{Guid.NewGuid():N}"[..12]);

        var issue = (await Setup.IssueAsync(Api, company, new
        {
            projectId = project,
            goalId = goal,
            parentId = parent.Id,
            labelIds = new[] { zeta, alpha, zeta },
        })).Body;

        Assert.Equal(project, issue.GuidOrNull("projectId"));
        Assert.Equal(goal, issue.GuidOrNull("goalId"));
        Assert.Equal(parent.Id, issue.GuidOrNull("parentId"));
        Assert.Equal([zeta, alpha], issue.GetProperty("labelIds").EnumerateArray().Select(id => id.GetGuid()));
        Assert.Equal([alpha, zeta], issue.GetProperty("labels").Ids());
        var label = issue.GetProperty("labels")[0];
        Assert.Equal("#336699", label.Text("color"));
        Assert.Equal(company, label.GuidOrNull("companyId"));
        Assert.NotNull(label.Text("createdAt"));
    }

    [Fact]
    public async Task WithoutGoalsTheIssueHasNoGoal()
    {
        var company = await Setup.CompanyAsync(Api);

        var issue = await Setup.IssueAsync(Api, company);

        Assert.True(issue.Body.IsNull("goalId"));
    }

    [Fact]
    public async Task WithoutProjectAndGoalTheCompanyDefaultGoalIsUsedByTheReferenceRule()
    {
        var company = await Setup.CompanyAsync(Api);
        async Task<Guid?> DefaultGoalAsync() => (await Setup.IssueAsync(Api, company)).Body.GuidOrNull("goalId");

        var task = await Setup.GoalAsync(Api, company, new { level = "task", status = "active" });
        Assert.Null(await DefaultGoalAsync());

        // Tier 3: any company-level goal, even one with a parent.
        var child = await Setup.GoalAsync(Api, company, new { level = "company", status = "active", parentId = task });
        Assert.Equal(child, await DefaultGoalAsync());

        // Tier 2: a root company-level goal beats it, whatever its status.
        var planned = await Setup.GoalAsync(Api, company, new { level = "company", status = "planned" });
        Assert.Equal(planned, await DefaultGoalAsync());

        // Tier 1: an active root company-level goal beats that.
        var active = await Setup.GoalAsync(Api, company, new { level = "company", status = "active" });
        Assert.Equal(active, await DefaultGoalAsync());

        // Within a tier the earliest wins.
        await Setup.GoalAsync(Api, company, new { level = "company", status = "active" });
        Assert.Equal(active, await DefaultGoalAsync());
    }

    [Fact]
    public async Task ChangingAGoalThroughEitherGatewayMovesTheDefaultForTheNextIssue()
    {
        var company = await Setup.CompanyAsync(Api);
        var first = await Setup.GoalAsync(Api, company, new { level = "company", status = "active" });
        var second = await Setup.GoalAsync(Api, company, new { level = "company", status = "active" });
        async Task<Guid?> DefaultGoalAsync(ApiClient api) => (await Setup.IssueAsync(api, company)).Body.GuidOrNull("goalId");
        Assert.Equal(first, await DefaultGoalAsync(Api));

        Assert.Equal(HttpStatusCode.OK, (await cluster.ApiB.PatchAsync($"/api/goals/{first}", new { status = "achieved" })).Status);
        Assert.Equal(second, await DefaultGoalAsync(Api));

        Assert.Equal(HttpStatusCode.OK, (await Api.PatchAsync($"/api/goals/{second}", new { level = "team" })).Status);
        Assert.Equal(first, await DefaultGoalAsync(cluster.ApiB));
        Assert.Equal(first, (await cluster.ApiB.GetAsync($"/api/issues/{(await Setup.IssueAsync(Api, company)).Id}")).Body.GuidOrNull("goalId"));
    }

    [Fact]
    public async Task AnExplicitGoalIsKeptAndAProjectWithoutGoalMeansNoGoal()
    {
        var company = await Setup.CompanyAsync(Api);
        await Setup.GoalAsync(Api, company, new { level = "company", status = "active" });
        var chosen = await Setup.GoalAsync(Api, company);
        var project = await Setup.ProjectAsync(Api, company);

        var withGoal = await Setup.IssueAsync(Api, company, new { goalId = chosen });
        var withProject = await Setup.IssueAsync(Api, company, new { projectId = project });

        Assert.Equal(chosen, withGoal.Body.GuidOrNull("goalId"));
        Assert.True(withProject.Body.IsNull("goalId"));
        Assert.True((await Api.GetAsync($"/api/issues/{withProject.Id}")).Body.IsNull("goal"));
    }

    [Fact]
    public async Task PatchRecomputesTheGoalFromTheMergedProjectAndGoal()
    {
        var company = await Setup.CompanyAsync(Api);
        var project = await Setup.ProjectAsync(Api, company);
        var issue = await Setup.IssueAsync(Api, company, new { projectId = project });
        var fallback = await Setup.GoalAsync(Api, company, new { level = "company", status = "active" });
        var other = await Setup.GoalAsync(Api, company);

        // A PATCH of anything leaves a project issue without a goal ...
        Assert.True((await Api.PatchAsync($"/api/issues/{issue.Id}", new { title = "t" })).Body.IsNull("goalId"));
        // ... leaving the project falls back to the default goal ...
        Assert.Equal(fallback, (await Api.PatchAsync($"/api/issues/{issue.Id}", new { projectId = (Guid?)null })).Body.GuidOrNull("goalId"));
        // ... clearing the goal without a project falls back again ...
        Assert.Equal(other, (await Api.PatchAsync($"/api/issues/{issue.Id}", new { goalId = other })).Body.GuidOrNull("goalId"));
        Assert.Equal(fallback, (await Api.PatchAsync($"/api/issues/{issue.Id}", new { goalId = (Guid?)null })).Body.GuidOrNull("goalId"));
        // ... and a project with an explicit null goal clears it.
        Assert.True((await Api.PatchAsync($"/api/issues/{issue.Id}", new { projectId = project, goalId = (Guid?)null })).Body.IsNull("goalId"));
    }

    [Fact]
    public async Task AnyPatchBackfillsTheDefaultGoalOfAnIssueCreatedBeforeIt()
    {
        var company = await Setup.CompanyAsync(Api);
        var issue = await Setup.IssueAsync(Api, company);
        var goal = await Setup.GoalAsync(Api, company, new { level = "company", status = "active" });

        var patched = await Api.PatchAsync($"/api/issues/{issue.Id}", new { priority = "low" });

        Assert.True(issue.Body.IsNull("goalId"));
        Assert.Equal(goal, patched.Body.GuidOrNull("goalId"));
    }

    private async Task<object> ForeignReferenceAsync(string field, Guid otherCompany) => field switch
    {
        "projectId" => await Setup.ProjectAsync(Api, otherCompany),
        "goalId" => await Setup.GoalAsync(Api, otherCompany),
        "parentId" => (await Setup.IssueAsync(Api, otherCompany)).Id,
        _ => new[] { await Setup.LabelAsync(Api, otherCompany) },
    };
}
