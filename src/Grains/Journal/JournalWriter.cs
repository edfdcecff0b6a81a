using Npgsql;
using NpgsqlTypes;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Journal;

/// <summary>
/// Appends to the append-only tables: comments and the activity log (and empties them of a deleted issue). One transaction per call, so
/// a comment and the rows that log it are committed together. Inserting an activity row rings the
/// live-event doorbell (the <c>activity_log_notify</c> trigger) at commit.
/// </summary>
/// <remarks>
/// Live events are read forward by <c>seq</c>, so within a company a row must never become visible
/// after a row with a higher <c>seq</c> (a reader past it would skip it for good). A sequence alone
/// does not promise that: two transactions may commit in the other order than they drew their
/// numbers. A transaction-scoped advisory lock per company, taken before the numbers are drawn and
/// held to commit, makes each company's rows commit in <c>seq</c> order; companies never wait for each other
/// (but on a hash collision, which only costs a few milliseconds).
/// </remarks>
public sealed class JournalWriter(NpgsqlDataSource dataSource)
{
    /// <summary>The first key of the per-company log locks ("actv"), apart from any other advisory lock of ours.</summary>
    private const int CompanyLogLockClass = 0x61637476;

    public async Task AppendAsync(IssueComment? comment, IReadOnlyList<ActivityEntry> entries)
    {
        if (comment is null && entries.Count == 0)
        {
            return;
        }
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await LockCompanyLogAsync(connection, transaction, entries);
        if (comment is not null)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO issue_comment (id, company_id, issue_id, author_agent_id, author_user_id, body, created_at, updated_at)
                VALUES (@id, @company, @issue, @agent, @user, @body, @created, @updated)
                """, connection, transaction);
            insert.Parameters.AddWithValue("id", comment.Id);
            insert.Parameters.AddWithValue("company", comment.CompanyId);
            insert.Parameters.AddWithValue("issue", comment.IssueId);
            insert.Parameters.Add(SqlRows.Nullable("agent", NpgsqlDbType.Uuid, comment.AuthorAgentId));
            insert.Parameters.Add(SqlRows.Nullable("user", NpgsqlDbType.Text, comment.AuthorUserId));
            insert.Parameters.AddWithValue("body", comment.Body);
            insert.Parameters.AddWithValue("created", comment.CreatedAt);
            insert.Parameters.AddWithValue("updated", comment.UpdatedAt);
            await insert.ExecuteNonQueryAsync();
        }
        await InsertAsync(connection, transaction, entries);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Removes an issue's comments, document revisions and attachments (the issue is gone; an
    /// attachment's chunks go with it by cascade) and logs the deletion, in one transaction.
    /// </summary>
    public async Task DeleteIssueContentAsync(Guid issueId, ActivityEntry deletion)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await LockCompanyLogAsync(connection, transaction, [deletion]);
        await using var delete = new NpgsqlCommand("""
            DELETE FROM issue_attachment WHERE issue_id = @issue;
            DELETE FROM issue_comment WHERE issue_id = @issue;
            DELETE FROM document_revision WHERE issue_id = @issue
            """, connection, transaction);
        delete.Parameters.AddWithValue("issue", issueId);
        await delete.ExecuteNonQueryAsync();
        await InsertAsync(connection, transaction, [deletion]);
        await transaction.CommitAsync();
    }

    /// <summary>Orders this transaction's log rows after every earlier one of their company (see remarks).</summary>
    private static async Task LockCompanyLogAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ActivityEntry> entries)
    {
        foreach (var companyId in entries.Select(entry => entry.CompanyId).Distinct().Order())
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@class, hashtext(@company))", connection, transaction);
            command.Parameters.AddWithValue("class", CompanyLogLockClass);
            command.Parameters.AddWithValue("company", companyId.ToString());
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ActivityEntry> entries)
    {
        foreach (var entry in entries)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO activity_log (id, company_id, actor_type, actor_id, action, entity_type, entity_id, agent_id, run_id, details, created_at)
                VALUES (@id, @company, @actorType, @actorId, @action, @entityType, @entityId, @agent, @run, @details, @created)
                """, connection, transaction);
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
            await insert.ExecuteNonQueryAsync();
        }
    }
}
