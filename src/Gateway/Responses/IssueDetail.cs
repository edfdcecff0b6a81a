using System.Text.RegularExpressions;
using Paperclip.Grains;

namespace Paperclip.Gateway.Responses;

/// <summary>A project as embedded in an ancestor (reference §4.3).</summary>
public sealed record AncestorProject(Guid Id, string Name, string? Description, string Status, Guid? GoalId,
    IReadOnlyList<object> Workspaces, object? PrimaryWorkspace);

/// <summary>A goal as embedded in an ancestor (reference §4.3).</summary>
public sealed record AncestorGoal(Guid Id, string Title, string? Description, string Level, string Status);

/// <summary>One entry of <c>ancestors</c>: the parent chain, nearest first.</summary>
public sealed record IssueAncestor(Guid Id, string Identifier, string Title, string? Description, string Status,
    string Priority, Guid? AssigneeAgentId, Guid? ProjectId, Guid? GoalId, AncestorProject? Project, AncestorGoal? Goal);

/// <summary>The read-only plan kept in an old-style <c>&lt;plan&gt;</c> block of the description.</summary>
public sealed record LegacyPlanDocument(string Key, string Body, string Source);

/// <summary>
/// <c>GET /api/issues/{id}</c>: the issue plus its context (reference §4.3). <c>goalId</c> shows
/// the resolved goal. Work products and execution workspaces are not modelled yet, so they are
/// empty or null.
/// </summary>
public sealed record IssueDetail : IssueResponse
{
    public IssueDetail(IssueResponse issue) : base(issue, extend: true)
    {
    }

    public required IReadOnlyList<IssueAncestor> Ancestors { get; init; }
    public required ProjectResponse? Project { get; init; }
    public required Goal? Goal { get; init; }
    public DocumentResponse? PlanDocument { get; init; }
    public IReadOnlyList<DocumentSummaryResponse> DocumentSummaries { get; init; } = [];
    public LegacyPlanDocument? LegacyPlanDocument { get; init; }
    public IReadOnlyList<ProjectResponse> MentionedProjects { get; init; } = [];
    public object? CurrentExecutionWorkspace { get; init; }
    public IReadOnlyList<object> WorkProducts { get; init; } = [];
}

/// <summary>A PATCH answer: the issue plus the comment the PATCH added (or null).</summary>
public sealed record IssueUpdateResponse : IssueResponse
{
    public IssueUpdateResponse(IssueResponse issue, object? comment) : base(issue, extend: true) => Comment = comment;

    public object? Comment { get; init; }
}

public static partial class IssueText
{
    /// <summary>The first <c>&lt;plan&gt;…&lt;/plan&gt;</c> block of a description, trimmed; null when absent or empty.</summary>
    public static LegacyPlanDocument? LegacyPlan(string? description) =>
        description is not null && PlanBlock().Match(description) is { Success: true } match
        && match.Groups[1].Value.Trim() is { Length: > 0 } body
            ? new LegacyPlanDocument("plan", body, "issue_description")
            : null;

    /// <summary>
    /// How many distinct linked project ids one issue read resolves: a description may hold
    /// thousands of links, and each read must not cost work in proportion to them.
    /// </summary>
    public const int MaxMentionedProjects = 20;

    /// <summary>
    /// The first <see cref="MaxMentionedProjects"/> distinct project ids linked as
    /// <c>[text](project://uuid…)</c>, in text order (the texts one after another). The matches
    /// are found lazily, so the scan stops at the cap.
    /// </summary>
    public static IReadOnlyList<Guid> MentionedProjectIds(params string?[] texts) =>
        [.. texts.OfType<string>().SelectMany(text => ProjectLink().Matches(text))
            .Select(match => Guid.Parse(match.Groups[1].Value)).Distinct().Take(MaxMentionedProjects)];

    [GeneratedRegex("<plan>([\\s\\S]*?)</plan>", RegexOptions.IgnoreCase)]
    private static partial Regex PlanBlock();

    [GeneratedRegex("\\]\\(project://([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})")]
    private static partial Regex ProjectLink();
}
