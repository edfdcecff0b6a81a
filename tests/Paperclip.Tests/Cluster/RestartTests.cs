using System.Diagnostics;
using System.Net;
using Paperclip.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Paperclip.Tests.Cluster;

/// <summary>
/// A silo process stopped (gracefully or with kill -9) and started again on the same database and
/// ports, as an operator's restart of <c>deploy/up.sh</c> does: what was acknowledged is still
/// there, and issue identifiers go on without ever repeating.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class RestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task GracefulRestartKeepsEverythingAndTheNextIdentifierHasNoGap()
    {
        var database = await TestDatabase.CreateAsync();
        await using var first = await StartAsync(database, ports: null);
        var api = ApiClient.For(first);
        var company = await api.PostAsync("/api/companies", new { name = "Restart Works" });
        var agent = await Setup.AgentAsync(api, company.Id);
        await api.PatchAsync($"/api/agents/{agent}", new { title = "Lead" });
        var issues = new List<Guid>
        {
            (await Setup.IssueAsync(api, company.Id)).Id,
            (await Setup.IssueAsync(api, company.Id, new { assigneeAgentId = agent, priority = "high" })).Id,
        };
        issues.Add((await Setup.IssueAsync(api, company.Id, new { parentId = issues[0] })).Id);
        var before = await SnapshotAsync(api, company.Id, agent, issues);

        var exitCode = await first.StopAsync();
        var restart = Stopwatch.StartNew();
        await using var second = await StartAsync(database, first.Ports);
        output.WriteLine($"graceful restart: API answered {restart.Elapsed.TotalSeconds:F2} s after the new process started");
        api = ApiClient.For(second);
        var after = await SnapshotAsync(api, company.Id, agent, issues);
        var next = await Setup.IssueAsync(api, company.Id);

        Assert.True(exitCode == 0, $"graceful stop exited with {exitCode}:\n{first.Output}");
        Assert.Equal("RES", company.Str("issuePrefix"));
        Assert.Equal(before, after);
        Assert.Equal("RES-4", next.Str("identifier"));
        Assert.Equal(4, (await api.GetAsync($"/api/companies/{company.Id}")).Body.GetProperty("issueCounter").GetInt32());
        Assert.Equal(issues[1].ToString(), (await api.GetAsync("/api/issues/res-2")).Str("id"));
    }

    [Fact]
    public async Task AfterKillNineEveryAcknowledgedWriteSurvivesAndIdentifiersNeverRepeat()
    {
        var database = await TestDatabase.CreateAsync();
        await using var first = await StartAsync(database, ports: null);
        var api = ApiClient.For(first);
        var company = await api.PostAsync("/api/companies", new { name = "Crash Test" });
        var agent = await Setup.AgentAsync(api, company.Id);
        var paused = await api.PatchAsync($"/api/agents/{agent}", new { status = "paused" });
        var acknowledged = new List<ApiResponse>();
        for (var i = 0; i < 5; i++)
        {
            acknowledged.Add(await Setup.IssueAsync(api, company.Id, new { title = $"before crash {i}" }));
        }

        // Ten more creates race the kill: each one is acknowledged, refused, or cut off.
        var inFlight = Enumerable.Range(0, 10).Select(i => TryPostAsync(api, $"/api/companies/{company.Id}/issues", new { title = $"racing {i}" })).ToList();
        await Task.WhenAny(inFlight);
        await first.KillAsync();
        var raced = await Task.WhenAll(inFlight);
        acknowledged.AddRange(raced.OfType<ApiResponse>().Where(response => response.Status == HttpStatusCode.Created));

        var restart = Stopwatch.StartNew();
        await using var second = await StartAsync(database, first.Ports);
        output.WriteLine($"restart after kill -9: API answered {restart.Elapsed.TotalSeconds:F2} s after the new process started");
        api = ApiClient.For(second);
        var listed = (await api.GetAsync($"/api/companies/{company.Id}/issues")).Body.EnumerateArray()
            .Select(issue => issue.GetProperty("identifier").GetString()!).ToList();
        var next = await Setup.IssueAsync(api, company.Id, new { title = "after crash" });
        output.WriteLine($"racing creates: {raced.Count(r => r?.Status == HttpStatusCode.Created)} acknowledged, " +
            $"{raced.Count(r => r is null)} cut off; identifiers after restart: {string.Join(", ", listed)}; next: {next.Str("identifier")}");

        Assert.Equal("paused", paused.Str("status"));
        Assert.Equal("paused", (await api.GetAsync($"/api/agents/{agent}")).Str("status"));
        foreach (var issue in acknowledged)
        {
            var stored = await api.GetAsync($"/api/issues/{issue.Id}");
            Assert.True(stored.Status == HttpStatusCode.OK, $"acknowledged {issue.Str("identifier")} is gone: {stored}");
            Assert.Equal((issue.Str("identifier"), issue.Str("title")), (stored.Str("identifier"), stored.Str("title")));
        }
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.True(Number(next.Str("identifier")) > listed.Max(Number),
            $"next identifier {next.Str("identifier")} does not follow {string.Join(", ", listed)}");
    }

    private static async Task<SiloProcess> StartAsync(TestDatabase database, SiloPorts? ports)
    {
        var silo = SiloProcess.Start(database.Url, "paperclip", "silo-0", withHttp: true, ports: ports);
        try
        {
            await silo.WaitForHttpAsync(StartTimeout);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    /// <summary>The API's answers for everything the test created, as text: equal text means nothing changed.</summary>
    private static async Task<List<string>> SnapshotAsync(ApiClient api, Guid companyId, Guid agentId, IEnumerable<Guid> issueIds)
    {
        var paths = new List<string> { $"/api/companies/{companyId}", $"/api/agents/{agentId}", $"/api/companies/{companyId}/issues" };
        paths.AddRange(issueIds.Select(id => $"/api/issues/{id}"));
        var snapshot = new List<string>();
        foreach (var path in paths)
        {
            snapshot.Add((await api.GetAsync(path)).ToString());
        }
        return snapshot;
    }

    /// <summary>The response, or <c>null</c> when the process died under the request.</summary>
    private static async Task<ApiResponse?> TryPostAsync(ApiClient api, string path, object body)
    {
        try
        {
            return await api.PostAsync(path, body);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static int Number(string identifier) => int.Parse(identifier[(identifier.LastIndexOf('-') + 1)..]);
}
