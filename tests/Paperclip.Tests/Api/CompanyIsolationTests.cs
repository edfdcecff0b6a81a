using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// An agent of company A walks every route with company B's ids: company-scoped routes answer
/// 403, B's resources are simply not found, and not one byte of B's data comes back.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CompanyIsolationTests(ApiCluster cluster)
{
    private ApiClient Board => cluster.Api;

    [Fact]
    public async Task AgentOfOneCompanyLearnsNothingAboutAnother()
    {
        var secret = $"secret-{Guid.NewGuid():N}";
        var companyA = await Setup.CompanyAsync(Board);
        var agentA = await Setup.AgentAsync(Board, companyA);
        var companyB = await Setup.CompanyAsync(Board, $"B {secret}");
        var agentB = await Setup.AgentAsync(Board, companyB, new { title = secret });
        var projectB = (await Board.PostAsync($"/api/companies/{companyB}/projects", new { name = secret })).Id;
        var goalB = (await Board.PostAsync($"/api/companies/{companyB}/goals", new { title = secret })).Id;
        var labelB = (await Board.PostAsync($"/api/companies/{companyB}/labels", new { name = secret[..20], color = "#123456" })).Id;
        var issueB = await Setup.IssueAsync(Board, companyB, new { title = secret, description = secret });
        var identifierB = issueB.Str("identifier");
        var agent = Board.As(await AgentKeys.CreateAsync(Board, agentA));

        var companyScoped = new[]
        {
            await agent.GetAsync($"/api/companies/{companyB}"),
            await agent.GetAsync($"/api/companies/{companyB}/issues"),
            await agent.GetAsync($"/api/companies/{companyB}/issues?q={secret}"),
            await agent.PostAsync($"/api/companies/{companyB}/issues", new { title = "intruder" }),
            await agent.GetAsync($"/api/companies/{companyB}/agents"),
            await agent.GetAsync($"/api/companies/{companyB}/projects"),
            await agent.PostAsync($"/api/companies/{companyB}/projects", new { name = "intruder" }),
            await agent.GetAsync($"/api/companies/{companyB}/goals"),
            await agent.PostAsync($"/api/companies/{companyB}/goals", new { title = "intruder" }),
            await agent.GetAsync($"/api/companies/{companyB}/labels"),
            await agent.PostAsync($"/api/companies/{companyB}/labels", new { name = "intruder", color = "#000000" }),
        };
        Assert.All(companyScoped, response =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.Status);
            Assert.Equal("Agent key cannot access another company", response.Error);
        });

        var resources = new[]
        {
            await agent.GetAsync($"/api/issues/{issueB.Id}"),
            await agent.GetAsync($"/api/issues/{identifierB}"),
            await agent.GetAsync($"/api/issues/{identifierB.ToLowerInvariant()}"),
            await agent.PatchAsync($"/api/issues/{issueB.Id}", new { title = "hijacked" }),
            await agent.DeleteAsync($"/api/issues/{issueB.Id}"),
            await agent.GetAsync($"/api/agents/{agentB}"),
            await agent.GetAsync($"/api/projects/{projectB}"),
            await agent.PatchAsync($"/api/projects/{projectB}", new { name = "hijacked" }),
            await agent.GetAsync($"/api/goals/{goalB}"),
            await agent.PatchAsync($"/api/goals/{goalB}", new { title = "hijacked" }),
            await agent.DeleteAsync($"/api/labels/{labelB}"),
            await agent.GetAsync($"/api/agents/{agentB}/keys"),
        };
        Assert.All(resources, response => Assert.Equal(HttpStatusCode.NotFound, response.Status));

        var everything = string.Join("\n", companyScoped.Concat(resources).Select(r => r.Text))
            + (await agent.GetAsync("/api/companies")).Text
            + (await agent.GetAsync($"/api/companies/{companyA}/issues?q={secret}")).Text;
        Assert.DoesNotContain(secret, everything);
        Assert.DoesNotContain(companyB.ToString(), everything);
        Assert.DoesNotContain(issueB.Id.ToString(), everything);

        // Nothing of B was changed by the attempts.
        var after = await Board.GetAsync($"/api/issues/{issueB.Id}");
        Assert.Equal(secret, after.Str("title"));
        Assert.Equal(HttpStatusCode.OK, (await Board.GetAsync($"/api/companies/{companyB}/labels")).Status);
        Assert.Equal(0, (await Board.GetAsync($"/api/companies/{companyB}/issues?q=intruder")).Body.GetArrayLength());
    }

    [Fact]
    public async Task AgentCannotAssignWorkToAnAgentOfAnotherCompany()
    {
        var companyA = await Setup.CompanyAsync(Board);
        var agentA = await Setup.AgentAsync(Board, companyA);
        var companyB = await Setup.CompanyAsync(Board);
        var agentB = await Setup.AgentAsync(Board, companyB);
        var agent = Board.As(await AgentKeys.CreateAsync(Board, agentA));
        var response = await agent.PostAsync($"/api/companies/{companyA}/issues", new { title = "x", assigneeAgentId = agentB });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("Assignee must belong to same company", response.Error);
    }
}
