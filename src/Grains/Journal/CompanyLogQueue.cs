namespace Paperclip.Grains.Journal;

/// <summary>
/// The appends of one company waiting for the next group commit. The first append into an idle
/// queue becomes the flusher (<see cref="TryEnqueue"/> says so) and drains it batch by batch; the
/// others only wait for their batch's commit. An idle queue retires, so it holds nothing while its
/// company is quiet; an append that finds it retired asks for a new one.
/// </summary>
internal sealed class CompanyLogQueue
{
    private readonly Lock _gate = new();
    private readonly List<PendingAppend> _pending = [];
    private bool _flusherStarted;
    private bool _retired;

    /// <summary>Adds <paramref name="append"/>; false when this queue is retired. <paramref name="flush"/>: the caller must start the flusher.</summary>
    public bool TryEnqueue(PendingAppend append, out bool flush)
    {
        lock (_gate)
        {
            flush = false;
            if (_retired)
            {
                return false;
            }
            _pending.Add(append);
            flush = !_flusherStarted;
            _flusherStarted = true;
            return true;
        }
    }

    /// <summary>The next batch (at most <paramref name="max"/>, oldest first), or none: then the queue has retired.</summary>
    public IReadOnlyList<PendingAppend> TakeBatchOrRetire(int max)
    {
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                _retired = true;
                return [];
            }
            var batch = _pending.GetRange(0, Math.Min(max, _pending.Count));
            _pending.RemoveRange(0, batch.Count);
            return batch;
        }
    }
}

/// <summary>One caller's comment and log rows, and the promise it awaits: done when they are committed.</summary>
internal sealed class PendingAppend(IssueComment? comment, IReadOnlyList<ActivityEntry> entries)
{
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IssueComment? Comment => comment;
    public IReadOnlyList<ActivityEntry> Entries => entries;
    public Task Committed => _committed.Task;
    public Guid CompanyId => comment?.CompanyId ?? entries[0].CompanyId;

    public void Succeed() => _committed.TrySetResult();
    public void Fail(Exception exception) => _committed.TrySetException(exception);
}
