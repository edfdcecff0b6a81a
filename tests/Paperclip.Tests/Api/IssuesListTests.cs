using System.Net;
using System.Text.Json;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>GET /api/companies/{id}/issues (CONTRACT §3, reference §4.1): order, pages, limits, visibility.</summary>
[Collection(ApiCollection.Name)]
public sealed class IssuesListTests(ApiCluster cluster)
{
    private static readonly string[] Priorities = ["low", "critical", "medium", "high"];

    private ApiClient Api => cluster.Api;

    private ApiClient[] Gateways => [cluster.Api, cluster.ApiB];

    [Fact]
    public async Task IssuesAreOrderedByPriorityThenNewestUpdateThenId()
    {
        var company = await Setup.CompanyAsync(Api);
        var created = await Setup.IssuesAsync(Gateways, company, 24, i => new { priority = Priorities[i % 4] }, parallel: 12);
        // Touch an old medium issue: it moves to the front of the medium ones.
        var touched = created.First(issue => issue.Body.Text("priority") == "medium");
        await Api.PatchAsync($"/api/issues/{touched.Id}", new { description = "bumped" });

        var listed = await cluster.ApiB.GetAsync($"/api/companies/{company}/issues");

        Assert.Equal(HttpStatusCode.OK, listed.Status);
        var rows = listed.Body.EnumerateArray().ToList();
        Assert.Equal(24, rows.Count);
        Assert.Equal(IssueOrder.Expected(rows), listed.Body.Ids());
        Assert.Equal(["critical", "high", "medium", "low"], rows.Select(row => row.Text("priority")).Distinct());
        Assert.Equal(touched.Id, rows.First(row => row.Text("priority") == "medium").GuidOrNull("id"));
    }

    [Fact]
    public async Task EveryRowIsAFullIssueWithLabelsAndANullActiveRun()
    {
        var company = await Setup.CompanyAsync(Api);
        var label = await Setup.LabelAsync(Api, company);
        var created = await Setup.IssueAsync(Api, company, new { labelIds = new[] { label } });

        var row = (await Api.GetAsync($"/api/companies/{company}/issues")).Body[0];

        foreach (var property in created.Body.EnumerateObject())
        {
            Assert.Equal(property.Value.GetRawText(), row.GetProperty(property.Name).GetRawText());
        }
        Assert.Equal([label], row.GetProperty("labels").Ids());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("activeRun").ValueKind);
    }

    [Fact]
    public async Task PagesConcatenateToTheFullOrderedListWithoutDuplicates()
    {
        var company = await Setup.CompanyAsync(Api);
        await Setup.IssuesAsync(Gateways, company, 23, i => new { priority = Priorities[i % 4] });
        var full = (await Api.GetAsync($"/api/companies/{company}/issues")).Body.Ids();

        var paged = new List<Guid>();
        for (var offset = 0; offset < 30; offset += 5)
        {
            var page = await Gateways[offset / 5 % 2].GetAsync($"/api/companies/{company}/issues?limit=5&offset={offset}");
            Assert.Equal(Math.Clamp(23 - offset, 0, 5), page.Body.GetArrayLength());
            paged.AddRange(page.Body.Ids());
        }

        Assert.Equal(23, full.Count);
        Assert.Equal(full, paged);
    }

    [Fact]
    public async Task TheLimitDefaultsTo500AndIsClampedTo1000()
    {
        var company = await Setup.CompanyAsync(Api);
        await Setup.IssuesAsync(Gateways, company, 1001, i => new { title = $"bulk {i}", priority = Priorities[i % 4] }, parallel: 16);
        async Task<List<Guid>> PageAsync(string query) =>
            (await Api.GetAsync($"/api/companies/{company}/issues{query}")).Body.Ids();

        var all = await PageAsync("?limit=1000");
        var rest = await PageAsync("?limit=1000&offset=1000");

        Assert.Equal(all[..500], await PageAsync(""));
        Assert.Equal(all, await PageAsync("?limit=5000"));
        Assert.Single(rest);
        Assert.Equal(1001, all.Concat(rest).Distinct().Count());
        Assert.Equal(all[998..], await PageAsync("?offset=998&limit=2"));
        Assert.Empty(await PageAsync("?offset=5000"));
    }

    [Fact]
    public async Task HiddenIssuesAreLeftOut()
    {
        var company = await Setup.CompanyAsync(Api);
        var shown = await Setup.IssueAsync(Api, company);
        var hidden = await Setup.IssueAsync(Api, company);
        await Api.PatchAsync($"/api/issues/{hidden.Id}", new { hiddenAt = "2026-01-01T00:00:00.000Z" });

        foreach (var query in new[] { "", "?status=backlog", $"?q={Uri.EscapeDataString(hidden.Body.Text("title")!)}" })
        {
            Assert.DoesNotContain(hidden.Id, (await Api.GetAsync($"/api/companies/{company}/issues{query}")).Body.Ids());
        }
        Assert.Equal([shown.Id], (await Api.GetAsync($"/api/companies/{company}/issues")).Body.Ids());
    }

    [Fact]
    public async Task AListRightAfterAWriteThroughTheOtherGatewaySeesIt()
    {
        var company = await Setup.CompanyAsync(Api);
        for (var round = 0; round < 10; round++)
        {
            var (writer, reader) = round % 2 == 0 ? (Api, cluster.ApiB) : (cluster.ApiB, Api);
            var created = await Setup.IssueAsync(writer, company, new { title = $"ryw {round}" });
            Assert.Contains(created.Id, (await reader.GetAsync($"/api/companies/{company}/issues")).Body.Ids());

            await writer.PatchAsync($"/api/issues/{created.Id}", new { title = $"ryw {round} patched", status = "todo" });
            var rows = (await reader.GetAsync($"/api/companies/{company}/issues?status=todo")).Body;
            Assert.Contains(rows.EnumerateArray(), row => row.Text("id") == created.Id.ToString() && row.Text("title") == $"ryw {round} patched");

            await reader.DeleteAsync($"/api/issues/{created.Id}");
            Assert.DoesNotContain(created.Id, (await writer.GetAsync($"/api/companies/{company}/issues")).Body.Ids());
        }
    }

    [Fact]
    public async Task AnUnknownCompanyHasAnEmptyListAndAMalformedOneIsNotFound()
    {
        var unknown = await Api.GetAsync($"/api/companies/{Guid.NewGuid()}/issues");
        var malformed = await Api.GetAsync("/api/companies/nope/issues");

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal(0, unknown.Body.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, malformed.Status);
        Assert.Equal("Company not found", malformed.Error);
    }

    [Fact]
    public async Task AnotherCompanysIssuesNeverAppear()
    {
        var company = await Setup.CompanyAsync(Api);
        var other = await Setup.CompanyAsync(Api);
        var ours = await Setup.IssueAsync(Api, company);
        await Setup.IssueAsync(Api, other);

        Assert.Equal([ours.Id], (await Api.GetAsync($"/api/companies/{company}/issues")).Body.Ids());
    }
}
