namespace Paperclip.Grains;

/// <summary>
/// Read-only queries served by SQL over the stored grain state (indexed jsonb), never by
/// activating grains. The lists take the caller's cancellation: a cancelled call (the HTTP client
/// hung up) cancels its statement in PostgreSQL; point lookups are bounded by the statement timeout.
/// A reentrant stateless worker: every silo serves its own callers. Because grains reply only
/// after their write is committed, a query sees every acknowledged change.
/// </summary>
[Alias("paperclip.IQueryGrain")]
public interface IQueryGrain : IGrainWithIntegerKey
{
    [Alias("list-companies")]
    Task<IReadOnlyList<Company>> ListCompaniesAsync(CancellationToken cancellationToken = default);

    [Alias("list-agents")]
    Task<IReadOnlyList<Agent>> ListAgentsAsync(Guid companyId, CancellationToken cancellationToken = default);

    [Alias("list-projects")]
    Task<IReadOnlyList<Project>> ListProjectsAsync(Guid companyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The company's projects with these ids, in the order of <paramref name="projectIds"/>;
    /// ids of other companies' projects or of no project are left out. One query however many ids.
    /// </summary>
    [Alias("get-projects")]
    Task<IReadOnlyList<Project>> GetProjectsAsync(Guid companyId, IReadOnlyList<Guid> projectIds);

    [Alias("list-goals")]
    Task<IReadOnlyList<Goal>> ListGoalsAsync(Guid companyId, CancellationToken cancellationToken = default);

    /// <summary>The company's labels ordered by name, then id.</summary>
    [Alias("list-labels")]
    Task<IReadOnlyList<Label>> ListLabelsAsync(Guid companyId, CancellationToken cancellationToken = default);

    /// <summary>The labels with these ids (any company), ordered by name, then id.</summary>
    [Alias("get-labels")]
    Task<IReadOnlyList<Label>> GetLabelsAsync(IReadOnlyList<Guid> labelIds);

    /// <summary>The API keys of one kind (for agent keys: of one agent), newest first.</summary>
    [Alias("list-api-keys")]
    Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(string kind, Guid? agentId, CancellationToken cancellationToken = default);

    /// <summary>The API key with this id, or <c>null</c>.</summary>
    [Alias("find-api-key")]
    Task<ApiKey?> FindApiKeyAsync(Guid keyId);

    /// <summary>The issue id behind an identifier such as <c>PAP-12</c> (case-insensitive), or <c>null</c>.</summary>
    [Alias("find-issue-id")]
    Task<Guid?> FindIssueIdAsync(string identifier);

    /// <summary>
    /// The company default goal: the earliest root company-level active goal, else the earliest
    /// root company-level goal, else the earliest company-level goal, else <c>null</c>. Read from
    /// storage; callers ask <see cref="ICompanyGrain.GetDefaultGoalIdAsync"/>, which keeps it.
    /// </summary>
    [Alias("default-goal")]
    Task<Guid?> FindDefaultGoalIdAsync(Guid companyId);

    /// <summary>
    /// The chain of issues from <paramref name="issueId"/> upwards (that issue first, then its
    /// parent, …), at most <paramref name="maxDepth"/> long, stopping at a repeated issue. Read
    /// from storage, so walking it never calls (and never waits on) another issue grain.
    /// </summary>
    [Alias("issue-chain")]
    Task<IReadOnlyList<Issue>> GetIssueChainAsync(Guid issueId, int maxDepth);

    /// <summary>Of these runs, the ones that are live now (queued/running, lease unexpired).</summary>
    [Alias("live-runs")]
    Task<IReadOnlyList<HeartbeatRun>> GetLiveRunsAsync(IReadOnlyList<Guid> runIds);

    /// <summary>
    /// How many of the agent's runs are stored as queued/running. Every live run is among them;
    /// a run whose lease ran out leaves the count as soon as its grain or the sweeper marks it
    /// timed_out. (The stored lease end is not used: renewals write it only when half the lease
    /// is gone, so it can trail the real one and would undercount.)
    /// </summary>
    [Alias("count-active-runs")]
    Task<int> CountActiveRunsAsync(Guid agentId);

    /// <summary>Runs still marked queued/running whose lease has expired (for the lease sweeper).</summary>
    [Alias("expired-runs")]
    Task<IReadOnlyList<Guid>> FindExpiredRunIdsAsync(int limit);

    /// <summary>Whether any live issue names this one as its parent.</summary>
    [Alias("has-children")]
    Task<bool> HasChildIssuesAsync(Guid issueId);

    /// <summary>The agent's wakeup requests, newest first, at most <paramref name="limit"/>.</summary>
    [Alias("list-wakeups")]
    Task<IReadOnlyList<WakeupRequest>> ListWakeupsAsync(Guid agentId, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of a company's visible issues, filtered and ordered as the list route defines.
    /// Cancelling the token cancels the statement in PostgreSQL.
    /// </summary>
    [Alias("list-issues")]
    Task<IReadOnlyList<Issue>> ListIssuesAsync(IssueQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same page as <see cref="ListIssuesAsync"/>, each issue as it is stored: the UTF-8 JSON
    /// of its <see cref="Issue"/>, for callers that write it on without reading it into a record.
    /// </summary>
    [Alias("list-issue-payloads")]
    Task<IssuePayloads> ListIssuePayloadsAsync(IssueQuery query, CancellationToken cancellationToken = default);

    /// <summary>One page of an issue's comments; an anchor that is not a comment of this issue gives an empty page.</summary>
    [Alias("list-comments")]
    Task<IReadOnlyList<IssueComment>> ListCommentsAsync(CommentPage page, CancellationToken cancellationToken = default);

    /// <summary>How many comments the issue has.</summary>
    [Alias("count-comments")]
    Task<int> CountCommentsAsync(Guid issueId);

    /// <summary>The comment if it exists and belongs to <paramref name="issueId"/>, else <c>null</c>.</summary>
    [Alias("get-comment")]
    Task<IssueComment?> GetCommentAsync(Guid issueId, Guid commentId);

    /// <summary>
    /// The revisions of a document up to <paramref name="latestRevisionNumber"/> (its head), newest
    /// first. Rows above the head (written by a write that crashed before its head) are never shown.
    /// </summary>
    [Alias("list-document-revisions")]
    Task<IReadOnlyList<DocumentRevision>> ListDocumentRevisionsAsync(Guid documentId, int latestRevisionNumber);

    /// <summary>The bodies of the given revisions, by revision id (ids with no row are left out).</summary>
    [Alias("get-revision-bodies")]
    Task<IReadOnlyDictionary<Guid, string>> GetRevisionBodiesAsync(IReadOnlyList<Guid> revisionIds);

    /// <summary>One page of a company's activity log, filtered as <paramref name="query"/> says.</summary>
    [Alias("list-activity")]
    Task<IReadOnlyList<ActivityEntry>> ListActivityAsync(ActivityQuery query, CancellationToken cancellationToken = default);
}

/// <summary>Stored issues (UTF-8 JSON of <see cref="Issue"/> each), in list order. Never modified once made.</summary>
[GenerateSerializer, Immutable, Alias("paperclip.IssuePayloads")]
public sealed record IssuePayloads([property: Id(0)] IReadOnlyList<byte[]> Rows);

/// <summary>The filters and page of <c>GET /api/companies/{companyId}/issues</c>, already validated.</summary>
[GenerateSerializer, Immutable, Alias("paperclip.IssueQuery")]
public sealed record IssueQuery
{
    [Id(0)] public Guid CompanyId { get; init; }
    [Id(1)] public IReadOnlyList<string> Statuses { get; init; } = [];
    /// <summary>Filter by assignee agent; see <see cref="UnassignedOnly"/> for the literal <c>null</c>.</summary>
    [Id(2)] public Guid? AssigneeAgentId { get; init; }
    [Id(3)] public bool UnassignedOnly { get; init; }
    [Id(4)] public string? AssigneeUserId { get; init; }
    [Id(5)] public Guid? ProjectId { get; init; }
    [Id(6)] public Guid? ParentId { get; init; }
    [Id(7)] public Guid? LabelId { get; init; }
    [Id(8)] public string? Search { get; init; }
    [Id(9)] public int Limit { get; init; } = 500;
    [Id(10)] public int Offset { get; init; }
}
