using System.Text.Json;
using Paperclip.Grains.Journal;

namespace Paperclip.Grains.Issues;

/// <summary>
/// Documents (reference §7, CONTRACT §6). The heads live in the issue's state, so checking a
/// writer's base revision and moving the head is one turn: of any number of writers from the same
/// base, the first one applied wins and every later one sees the new head and gets the 409. The
/// body of the new revision is committed before the head points at it.
/// </summary>
public sealed partial class IssueGrain
{
    /// <summary>
    /// How many documents one issue may have: the heads are part of the issue's state, which every
    /// write of the issue stores, so their number is bounded like everything else in it.
    /// </summary>
    public const int MaxDocuments = 50;

    private static readonly Reply<IssueDocument> DocumentNotFound = Reply<IssueDocument>.Fail(ReplyStatus.NotFound, "Document not found");

    public async Task<Reply<IssueDocument>> PutDocumentAsync(DocumentWrite command, Actor actor)
    {
        if (!state.RecordExists)
        {
            return NotFound.As<IssueDocument>();
        }
        var head = state.State.Documents.FirstOrDefault(document => document.Key == command.Key);
        if (head is not null && command.BaseRevisionId != head.LatestRevisionId)
        {
            return Reply<IssueDocument>.Fail(ReplyStatus.Conflict,
                command.BaseRevisionId is null ? "Document update requires baseRevisionId" : "Document was updated by someone else",
                JsonSerializer.Serialize(new { currentRevisionId = head.LatestRevisionId }));
        }
        if (head is null && command.BaseRevisionId is not null)
        {
            return Reply<IssueDocument>.Fail(ReplyStatus.Conflict, "Document does not exist yet", JsonSerializer.Serialize(new { key = command.Key }));
        }
        if (head is null && state.State.Documents.Count >= MaxDocuments)
        {
            return Reply<IssueDocument>.Fail(ReplyStatus.Unprocessable, $"An issue can have at most {MaxDocuments} documents",
                JsonSerializer.Serialize(new { maxDocuments = MaxDocuments }));
        }
        // As in the reference, an update's title is the one the body gives: omitted means none.
        return await WriteRevisionAsync(head, command.Key, command.Title, command.Format, command.Body, command.ChangeSummary, actor);
    }

    public async Task<Reply<IssueDocument>> RestoreDocumentRevisionAsync(string key, Guid revisionId, Actor actor)
    {
        if (!state.RecordExists)
        {
            return NotFound.As<IssueDocument>();
        }
        if (state.State.Documents.FirstOrDefault(document => document.Key == key) is not { } head)
        {
            return DocumentNotFound;
        }
        var old = await revisions.FindAsync(head.Id, revisionId, head.LatestRevisionNumber);
        if (old is null)
        {
            return Reply<IssueDocument>.Fail(ReplyStatus.NotFound, "Document revision not found");
        }
        return await WriteRevisionAsync(head, key, old.Title, old.Format, old.Body, $"Restored from revision {old.RevisionNumber}", actor);
    }

    public async Task<Reply<IssueDocumentHead>> DeleteDocumentAsync(string key, Actor actor)
    {
        if (!actor.IsBoard)
        {
            return Reply<IssueDocumentHead>.Fail(ReplyStatus.Forbidden, "Board authentication required");
        }
        if (!state.RecordExists)
        {
            return NotFound.As<IssueDocumentHead>();
        }
        var issue = state.State;
        if (issue.Documents.FirstOrDefault(document => document.Key == key) is not { } head)
        {
            return DocumentNotFound.As<IssueDocumentHead>();
        }
        var now = time.UtcNow();
        await CommitAsync(issue with { Documents = [.. issue.Documents.Where(document => document.Key != key)] }, null,
            [Activities.OfIssue(actor, issue, IssueActivity.DocumentDeleted,
                new Dictionary<string, object?> { ["key"] = head.Key, ["documentId"] = head.Id, ["title"] = head.Title }, now)]);
        // After the head is gone: a crash in between leaves revisions that nothing points at.
        await revisions.DeleteDocumentAsync(head.Id);
        return Reply<IssueDocumentHead>.Ok(head);
    }

    /// <summary>
    /// Appends revision n+1 (1 for a new document) behind the run-ownership gate, then moves the
    /// head to it and logs the write. Created for a new document, else Ok.
    /// </summary>
    private async Task<Reply<IssueDocument>> WriteRevisionAsync(
        IssueDocumentHead? head, string key, string? title, string format, string body, string? changeSummary, Actor actor)
    {
        var before = state.State;
        var gated = await PassRunGateAsync(before, actor);
        if (!gated.IsSuccess)
        {
            return gated.As<IssueDocument>();
        }
        var issue = gated.Value!;
        var now = time.UtcNow();
        var agentId = actor.IsAgent ? actor.AgentId : null;
        var userId = actor.IsAgent ? null : actor.UserId;
        var revision = new DocumentRevision
        {
            Id = Guid.NewGuid(),
            CompanyId = issue.CompanyId,
            DocumentId = head?.Id ?? Guid.NewGuid(),
            IssueId = issue.Id,
            Key = key,
            RevisionNumber = (head?.LatestRevisionNumber ?? 0) + 1,
            Title = title,
            Format = format,
            Body = body,
            ChangeSummary = changeSummary,
            CreatedByAgentId = agentId,
            CreatedByUserId = userId,
            CreatedAt = now,
        };
        var next = new IssueDocumentHead
        {
            Id = revision.DocumentId,
            Key = key,
            Title = title,
            Format = format,
            LatestRevisionId = revision.Id,
            LatestRevisionNumber = revision.RevisionNumber,
            CreatedByAgentId = head is null ? agentId : head.CreatedByAgentId,
            CreatedByUserId = head is null ? userId : head.CreatedByUserId,
            UpdatedByAgentId = agentId,
            UpdatedByUserId = userId,
            CreatedAt = head?.CreatedAt ?? now,
            UpdatedAt = now,
        };
        await revisions.AppendAsync(revision);
        var documents = issue.Documents.Where(document => document.Key != key).Append(next).OrderBy(document => document.Key, StringComparer.Ordinal);
        await CommitAsync(issue with { Documents = [.. documents] }, null,
        [
            .. AdoptionEntries(before, issue, actor, now),
            Activities.OfIssue(actor, issue, head is null ? IssueActivity.DocumentCreated : IssueActivity.DocumentUpdated,
                IssueActivity.DocumentDetails(next), now),
        ]);
        var written = new IssueDocument(next, body);
        return head is null ? Reply<IssueDocument>.Created(written) : Reply<IssueDocument>.Ok(written);
    }
}
