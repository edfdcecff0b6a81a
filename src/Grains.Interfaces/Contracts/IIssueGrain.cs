namespace Paperclip.Grains;

/// <summary>
/// One issue. Every mutation of the issue is a turn of this grain (it is not reentrant), so
/// checks and writes of one request never interleave with another's. Replies come only after
/// the new state is committed to PostgreSQL.
/// </summary>
[Alias("paperclip.IIssueGrain")]
public interface IIssueGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Creates the issue: validates assignee, project, goal, parent and labels against the company,
    /// allocates the identifier, applies defaults and status timestamps. Outcomes: Created;
    /// 403 missing assign permission; 404 unknown assignee agent; 422 foreign or unknown references,
    /// two assignees, <c>in_progress</c> without assignee; 409 assignee not invokable.
    /// </summary>
    [Alias("create")]
    Task<Reply<Issue>> CreateAsync(NewIssue command, Actor actor);

    /// <summary>The issue, or <c>null</c> when it does not exist.</summary>
    [SafeToRepeat, Alias("get")]
    Task<Issue?> GetAsync();

    /// <summary>
    /// Applies a PATCH with the side effects of the contract (status timestamps, lock clearing,
    /// goal recomputation, label replacement, an optional comment and reopen). Outcomes: Ok;
    /// NotFound; 403/404/409/422 as create; 422 parent cycle; 401/409 of the run-ownership gate.
    /// </summary>
    [Alias("update")]
    Task<Reply<IssueUpdate>> UpdateAsync(IssueChanges changes, Actor actor);

    /// <summary>
    /// Adds a comment (reference §4.9) in one turn with its effects: the run-ownership gate for an
    /// agent on its own in-progress issue (401/409), the reopen of a done/cancelled issue, and for
    /// the board an interrupt of the issue's live run. The comment and its activity are committed
    /// before the issue's new state, and both before the reply. Outcomes: Created; NotFound;
    /// 403 interrupt by a non-board caller; 401/409 of the gate.
    /// </summary>
    [Alias("add-comment")]
    Task<Reply<IssueComment>> AddCommentAsync(NewComment comment, Actor actor);

    /// <summary>
    /// Claims the issue for an agent's run in one turn (reference §5.2 with CONTRACT §4): exactly one
    /// of any number of racers wins. Locks of runs that are no longer live are adopted; an issue
    /// assigned to another agent is never stolen. 409 <c>Issue checkout conflict</c> with details
    /// (<c>conflictReason</c>, <c>holderRunStatus</c>); 404/422/409 for an unassignable agent.
    /// Idempotent for the same agent and run.
    /// </summary>
    [Alias("checkout")]
    Task<Reply<Issue>> CheckoutAsync(CheckoutCommand command, Actor actor);

    /// <summary>
    /// Gives the issue up (CONTRACT §4): agents only from the owning run (409 <c>Only assignee can
    /// release issue</c> / <c>Only checkout run can release issue</c>); clears the assignee agent and
    /// both locks; <c>in_progress</c> becomes <c>todo</c>, other statuses are kept.
    /// </summary>
    [Alias("release")]
    Task<Reply<Issue>> ReleaseAsync(Actor actor);

    /// <summary>Board only: clears both locks (and the agent assignee when asked), whoever holds them.</summary>
    [Alias("force-release")]
    Task<Reply<ForceReleaseResult>> ForceReleaseAsync(bool clearAssignee, Actor actor);

    /// <summary>
    /// Creates or updates the document with the command's key (reference §7, CONTRACT §6) in one
    /// turn: the revision check, the new revision row and the head that points at it, so of any
    /// number of writers from the same base revision exactly one wins. The run-ownership gate
    /// applies to agents. Outcomes: Created (revision 1); Ok (revision n+1); NotFound; 409
    /// <c>Document update requires baseRevisionId</c> / <c>Document was updated by someone else</c>
    /// (details <c>currentRevisionId</c>) / <c>Document does not exist yet</c> (details <c>key</c>);
    /// 422 beyond the documents an issue may have; 401/409 of the gate.
    /// </summary>
    [Alias("put-document")]
    Task<Reply<IssueDocument>> PutDocumentAsync(DocumentWrite command, Actor actor);

    /// <summary>
    /// Appends a new latest revision of the document <paramref name="key"/> with the body, title and
    /// format of an earlier one. Outcomes: Ok; NotFound (issue, document or revision); 401/409 of the gate.
    /// </summary>
    [Alias("restore-document-revision")]
    Task<Reply<IssueDocument>> RestoreDocumentRevisionAsync(string key, Guid revisionId, Actor actor);

    /// <summary>Board only: deletes the document with its revisions. Outcomes: Ok; 403 for agents; NotFound.</summary>
    [Alias("delete-document")]
    Task<Reply<IssueDocumentHead>> DeleteDocumentAsync(string key, Actor actor);

    /// <summary>Deletes the issue. Outcomes: Ok with the deleted issue; NotFound; 409 when it has child issues.</summary>
    [Alias("delete")]
    Task<Reply<Issue>> DeleteAsync(Actor actor);

    /// <summary>
    /// Logs <c>issue.attachment_added</c> or <c>issue.attachment_removed</c> for an attachment the
    /// gateway's store has already committed or deleted. Nothing is logged once the issue is gone.
    /// </summary>
    [Alias("log-attachment")]
    Task LogAttachmentAsync(AttachmentChange change, Actor actor);
}
