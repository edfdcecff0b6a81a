using Paperclip.Grains.Journal;

namespace Paperclip.Grains.Issues;

/// <summary>
/// Attachments (reference §8). The gateway streams the bytes and the row into PostgreSQL itself
/// (ARCHITECTURE: bytes stream past grains); the grain only logs what was committed, as a turn
/// of the issue so the entry is ordered with the issue's other activity.
/// </summary>
public sealed partial class IssueGrain
{
    public async Task LogAttachmentAsync(AttachmentChange change, Actor actor)
    {
        if (!state.RecordExists)
        {
            return;
        }
        var details = change.Added
            ? new Dictionary<string, object?>
            {
                ["attachmentId"] = change.AttachmentId,
                ["originalFilename"] = change.OriginalFilename,
                ["contentType"] = change.ContentType,
                ["byteSize"] = change.ByteSize,
            }
            : new Dictionary<string, object?> { ["attachmentId"] = change.AttachmentId };
        var action = change.Added ? IssueActivity.AttachmentAdded : IssueActivity.AttachmentRemoved;
        await journal.AppendAsync(null, [Activities.OfIssue(actor, state.State, action, details, time.UtcNow())]);
    }
}
