using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Cluster;

/// <summary>
/// The writes agents really make — create, PATCH, comment, document PUT, and two agents racing to
/// check the issue out — run by several workers, each on its own connections to the shared port,
/// while something is done to the cluster. Every answer is recorded with its time, and every
/// acknowledged write is kept so <see cref="VerifyAsync"/> can prove it survived.
/// </summary>
public sealed class MixedWriteLoad
{
    private readonly ConcurrentBag<Outcome> _outcomes = [];
    private readonly ConcurrentBag<WrittenIssue> _issues = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>One request: when it ended (since the load started), how long it took, its status (null: no answer).</summary>
    public sealed record Outcome(TimeSpan EndedAt, TimeSpan Took, HttpStatusCode? Status, string Text);

    /// <summary>What was acknowledged for one issue; null fields were not acknowledged.</summary>
    public sealed class WrittenIssue(ApiResponse created)
    {
        public ApiResponse Created { get; } = created;
        public string? Description { get; set; }
        public string? Comment { get; set; }
        public string? Plan { get; set; }
        public List<Guid> CheckoutWinners { get; } = [];
    }

    public IReadOnlyCollection<Outcome> Outcomes => _outcomes;
    public IReadOnlyCollection<WrittenIssue> Issues => _issues;

    /// <summary>When the disturbance happened, since the load started.</summary>
    public TimeSpan DisturbedAt { get; private set; }

    public static async Task<MixedWriteLoad> RunAsync(
        UpScript system, Guid company, AgentSession first, AgentSession second,
        TimeSpan duration, TimeSpan disturbAfter, Func<Task> disturb, int workers = 6)
    {
        var load = new MixedWriteLoad();
        var end = load._clock.Elapsed + duration;
        var running = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var api = system.NewClient();
            var agents = new[] { first with { Api = api.As(first.Token) }, second with { Api = api.As(second.Token) } };
            for (var round = 0; load._clock.Elapsed < end; round++)
            {
                await load.WriteOneIssueAsync(api, company, agents, $"w{worker}-{round}");
            }
        })).ToList();
        await Task.Delay(disturbAfter);
        load.DisturbedAt = load._clock.Elapsed;
        await disturb();
        await Task.WhenAll(running);
        return load;
    }

    private async Task WriteOneIssueAsync(ApiClient api, Guid company, AgentSession[] agents, string tag)
    {
        var created = await SendAsync(() => api.PostAsync($"/api/companies/{company}/issues", new { title = $"load {tag}", status = "todo" }));
        if (created?.Status != HttpStatusCode.Created)
        {
            return;
        }
        var issue = new WrittenIssue(created);
        _issues.Add(issue);
        var path = $"/api/issues/{created.Id}";
        var description = $"description {tag}";
        if ((await SendAsync(() => api.PatchAsync(path, new { description })))?.Status == HttpStatusCode.OK)
        {
            issue.Description = description;
        }
        var comment = $"comment {tag}";
        if ((await SendAsync(() => api.PostAsync($"{path}/comments", new { body = comment })))?.Status == HttpStatusCode.Created)
        {
            issue.Comment = comment;
        }
        var plan = $"plan {tag}";
        if ((await SendAsync(() => api.PutAsync($"{path}/documents/plan", new { format = "markdown", body = plan })))?.Status is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            issue.Plan = plan;
        }
        var checkouts = await Task.WhenAll(agents.Select(agent => SendAsync(() => agent.CheckoutAsync(created.Id, "todo"))));
        for (var i = 0; i < agents.Length; i++)
        {
            if (checkouts[i]?.Status == HttpStatusCode.OK)
            {
                issue.CheckoutWinners.Add(agents[i].AgentId);
            }
        }
    }

    private async Task<ApiResponse?> SendAsync(Func<Task<ApiResponse>> request)
    {
        var started = _clock.Elapsed;
        ApiResponse? response = null;
        try
        {
            response = await request();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            // No answer (connection cut by a dying process, or timed out): the outcome is unknown.
        }
        _outcomes.Add(new Outcome(_clock.Elapsed, _clock.Elapsed - started, response?.Status, response?.Text ?? "no answer"));
        return response;
    }

    /// <summary>Requests that got no answer or a 5xx.</summary>
    public IEnumerable<Outcome> Failures => _outcomes.Where(o => o.Status is null || (int)o.Status >= 500);

    /// <summary>From the disturbance to the end of the last failed request: how long the API misbehaved.</summary>
    public TimeSpan Outage => Failures.Select(o => o.EndedAt - DisturbedAt).DefaultIfEmpty(TimeSpan.Zero).Max();

    public string Summary() =>
        $"{_outcomes.Count} requests, {_issues.Count} issues created; statuses: " +
        string.Join(", ", _outcomes.GroupBy(o => o.Status is { } s ? ((int)s).ToString() : "no answer").OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")) +
        $"; failures within {Outage.TotalSeconds:F2} s of the disturbance; slowest request {_outcomes.Max(o => o.Took).TotalSeconds:F2} s";

    /// <summary>Every acknowledged write is there with its content; identifiers are unique; no issue has two owners.</summary>
    public async Task VerifyAsync(ApiClient board, Guid company)
    {
        foreach (var issue in _issues)
        {
            var path = $"/api/issues/{issue.Created.Id}";
            var stored = await board.GetAsync(path);
            Assert.True(stored.Status == HttpStatusCode.OK, $"acknowledged {issue.Created.Str("identifier")} is gone: {stored}");
            Assert.Equal((issue.Created.Str("identifier"), issue.Created.Str("title")), (stored.Str("identifier"), stored.Str("title")));
            if (issue.Description is not null)
            {
                Assert.Equal(issue.Description, stored.Str("description"));
            }
            if (issue.Comment is not null)
            {
                var comments = await board.GetAsync($"{path}/comments");
                Assert.Contains(issue.Comment, comments.Body.EnumerateArray().Select(c => c.GetProperty("body").GetString()));
            }
            if (issue.Plan is not null)
            {
                Assert.Equal(issue.Plan, (await board.GetAsync($"{path}/documents/plan")).Str("body"));
            }
            Assert.True(issue.CheckoutWinners.Count <= 1, $"{issue.Created.Str("identifier")} was checked out by two agents");
            if (issue.CheckoutWinners.Count == 1)
            {
                Assert.Equal(issue.CheckoutWinners[0].ToString(), stored.Str("assigneeAgentId"));
            }
        }
        var identifiers = new List<string>();
        for (var offset = 0; ; offset += 500)
        {
            var page = (await board.GetAsync($"/api/companies/{company}/issues?limit=500&offset={offset}")).Body.EnumerateArray()
                .Select(issue => issue.GetProperty("identifier").GetString()!).ToList();
            identifiers.AddRange(page);
            if (page.Count < 500)
            {
                break;
            }
        }
        Assert.Equal(identifiers.Count, identifiers.Distinct().Count());
    }
}
