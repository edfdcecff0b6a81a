using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Journal;

/// <summary>
/// Appends to the append-only tables: comments and the activity log (and empties them of a deleted issue). A comment and the rows that log it are committed together. Inserting an activity row rings the
/// live-event doorbell (the <c>activity_log_notify</c> trigger) at commit.
/// </summary>
/// <remarks>
/// Live events are read forward by <c>seq</c>, so within a company a row must never become visible
/// after a row with a higher <c>seq</c> (a reader past it would skip it for good). A sequence alone
/// does not promise that: two transactions may commit in the other order than they drew their
/// numbers. A transaction-scoped advisory lock per company, taken before the numbers are drawn and
/// held to commit, makes each company's rows commit in <c>seq</c> order; companies never wait for each other
/// (but on a hash collision, which only costs a few milliseconds).
/// That lock makes one company's commits one at a time, each paying a WAL flush: about 250 a second
/// here, for creates, checkouts and comments together. So appends are group-committed: the
/// appends of a company that arrive while its previous commit runs wait for it, then go together
/// in one transaction (one lock, one flush, one round trip for all their rows).
/// </remarks>
public sealed class JournalWriter(NpgsqlDataSource dataSource)
{
    /// <summary>The first key of the per-company log locks ("actv"), apart from any other advisory lock of ours.</summary>
    private const int CompanyLogLockClass = 0x61637476;

    /// <summary>Enough to amortise a flush over a burst, small enough to keep one transaction short.</summary>
    private const int MaxBatch = 128;

    private readonly ConcurrentDictionary<Guid, CompanyLogQueue> _queues = new();

    /// <summary>Completes when the comment and the rows are committed (in a batch with others of the company, or alone).</summary>
    public Task AppendAsync(IssueComment? comment, IReadOnlyList<ActivityEntry> entries)
    {
        if (comment is null && entries.Count == 0)
        {
            return Task.CompletedTask;
        }
        var append = new PendingAppend(comment, entries);
        while (true)
        {
            var queue = _queues.GetOrAdd(append.CompanyId, _ => new CompanyLogQueue());
            if (queue.TryEnqueue(append, out var flush))
            {
                if (flush)
                {
                    // On the thread pool, not on the calling grain's scheduler: the flusher serves other grains too.
                    _ = Task.Run(() => FlushAsync(append.CompanyId, queue));
                }
                return append.Committed;
            }
            _queues.TryRemove(new KeyValuePair<Guid, CompanyLogQueue>(append.CompanyId, queue));
        }
    }

    private async Task FlushAsync(Guid companyId, CompanyLogQueue queue)
    {
        while (queue.TakeBatchOrRetire(MaxBatch) is { Count: > 0 } batch)
        {
            try
            {
                await CommitAsync(batch);
                foreach (var append in batch)
                {
                    append.Succeed();
                }
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One bad append must not fail the others: each goes again alone.
                foreach (var append in batch)
                {
                    await CommitAloneAsync(append);
                }
            }
            catch (Exception exception)
            {
                batch[0].Fail(exception);
            }
        }
        _queues.TryRemove(new KeyValuePair<Guid, CompanyLogQueue>(companyId, queue));
    }

    private async Task CommitAloneAsync(PendingAppend append)
    {
        try
        {
            await CommitAsync([append]);
            append.Succeed();
        }
        catch (Exception exception)
        {
            append.Fail(exception);
        }
    }

    /// <summary>
    /// One transaction in one round trip: the company locks, then every comment and log row. A
    /// batch without an explicit transaction is one implicit transaction (one Sync): all its
    /// statements commit together or none does, and the advisory locks hold until that commit.
    /// </summary>
    private async Task CommitAsync(IReadOnlyList<PendingAppend> appends)
    {
        await using var batch = dataSource.CreateBatch();
        AddCompanyLogLocks(batch, appends.SelectMany(append => append.Entries));
        foreach (var append in appends)
        {
            if (append.Comment is { } comment)
            {
                batch.BatchCommands.Add(CommentInsert(comment));
            }
            foreach (var entry in append.Entries)
            {
                batch.BatchCommands.Add(ActivityInsert(entry));
            }
        }
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Removes an issue's comments, document revisions and attachments (the issue is gone; an
    /// attachment's chunks go with it by cascade) and logs the deletion, in one transaction (one batch).
    /// </summary>
    public async Task DeleteIssueContentAsync(Guid issueId, ActivityEntry deletion)
    {
        await using var batch = dataSource.CreateBatch();
        AddCompanyLogLocks(batch, [deletion]);
        foreach (var table in (string[])["issue_attachment", "issue_comment", "document_revision"])
        {
            var delete = new NpgsqlBatchCommand($"DELETE FROM {table} WHERE issue_id = @issue");
            delete.Parameters.AddWithValue("issue", issueId);
            batch.BatchCommands.Add(delete);
        }
        batch.BatchCommands.Add(ActivityInsert(deletion));
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>Orders this transaction's log rows after every earlier one of their companies (see remarks); in one order, so two batches never deadlock.</summary>
    private static void AddCompanyLogLocks(NpgsqlBatch batch, IEnumerable<ActivityEntry> entries)
    {
        foreach (var companyId in entries.Select(entry => entry.CompanyId).Distinct().Order())
        {
            var command = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(@class, hashtext(@company))");
            command.Parameters.AddWithValue("class", CompanyLogLockClass);
            command.Parameters.AddWithValue("company", companyId.ToString());
            batch.BatchCommands.Add(command);
        }
    }

    private static NpgsqlBatchCommand CommentInsert(IssueComment comment)
    {
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO issue_comment (id, company_id, issue_id, author_agent_id, author_user_id, body, created_at, updated_at)
            VALUES (@id, @company, @issue, @agent, @user, @body, @created, @updated)
            """);
        insert.Parameters.AddWithValue("id", comment.Id);
        insert.Parameters.AddWithValue("company", comment.CompanyId);
        insert.Parameters.AddWithValue("issue", comment.IssueId);
        insert.Parameters.Add(SqlRows.Nullable("agent", NpgsqlDbType.Uuid, comment.AuthorAgentId));
        insert.Parameters.Add(SqlRows.Nullable("user", NpgsqlDbType.Text, comment.AuthorUserId));
        insert.Parameters.AddWithValue("body", comment.Body);
        insert.Parameters.AddWithValue("created", comment.CreatedAt);
        insert.Parameters.AddWithValue("updated", comment.UpdatedAt);
        return insert;
    }

    private static NpgsqlBatchCommand ActivityInsert(ActivityEntry entry)
    {
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO activity_log (id, company_id, actor_type, actor_id, action, entity_type, entity_id, agent_id, run_id, details, created_at)
            VALUES (@id, @company, @actorType, @actorId, @action, @entityType, @entityId, @agent, @run, @details, @created)
            """);
        insert.Parameters.AddWithValue("id", entry.Id);
        insert.Parameters.AddWithValue("company", entry.CompanyId);
        insert.Parameters.AddWithValue("actorType", entry.ActorType);
        insert.Parameters.AddWithValue("actorId", entry.ActorId);
        insert.Parameters.AddWithValue("action", entry.Action);
        insert.Parameters.AddWithValue("entityType", entry.EntityType);
        insert.Parameters.AddWithValue("entityId", entry.EntityId);
        insert.Parameters.Add(SqlRows.Nullable("agent", NpgsqlDbType.Uuid, entry.AgentId));
        insert.Parameters.Add(SqlRows.Nullable("run", NpgsqlDbType.Uuid, entry.RunId));
        insert.Parameters.Add(SqlRows.Nullable("details", NpgsqlDbType.Jsonb, entry.DetailsJson));
        insert.Parameters.AddWithValue("created", entry.CreatedAt);
        return insert;
    }
}
