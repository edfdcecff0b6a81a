using Npgsql;
using NpgsqlTypes;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Queries;

/// <summary>Reads the append-only tables: an issue's comments and a company's activity log.</summary>
public sealed class ContentQueries(NpgsqlDataSource dataSource)
{
    private const string CommentColumns = "id, company_id, issue_id, author_agent_id, author_user_id, body, created_at, updated_at";

    /// <summary>
    /// Comments in (createdAt, id) order. The anchor's position comes from a row subquery: for an
    /// anchor that is not a comment of this issue it yields NULL, and the page is empty (reference §4.9).
    /// </summary>
    public Task<List<IssueComment>> ListCommentsAsync(CommentPage page, CancellationToken cancellationToken = default)
    {
        var direction = page.Ascending ? "ASC" : "DESC";
        var after = page.Ascending ? ">" : "<";
        var anchor = page.AfterCommentId is null
            ? ""
            : $"AND (created_at, id) {after} (SELECT a.created_at, a.id FROM issue_comment a WHERE a.id = @anchor AND a.issue_id = @issue)";
        return ReadAsync($"""
            SELECT {CommentColumns} FROM issue_comment
            WHERE issue_id = @issue {anchor}
            ORDER BY created_at {direction}, id {direction}
            LIMIT @limit
            """, p =>
            {
                p.AddWithValue("issue", page.IssueId);
                if (page.AfterCommentId is { } anchorId)
                {
                    p.AddWithValue("anchor", anchorId);
                }
                p.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = (object?)page.Limit ?? DBNull.Value });
            }, ReadComment, cancellationToken);
    }

    /// <summary>How many comments the issue has (the heartbeat context's cursor).</summary>
    public async Task<int> CountCommentsAsync(Guid issueId)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*)::int FROM issue_comment WHERE issue_id = @issue");
        command.Parameters.AddWithValue("issue", issueId);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    public async Task<IssueComment?> GetCommentAsync(Guid issueId, Guid commentId) =>
        (await ReadAsync($"SELECT {CommentColumns} FROM issue_comment WHERE id = @id AND issue_id = @issue", p =>
        {
            p.AddWithValue("id", commentId);
            p.AddWithValue("issue", issueId);
        }, ReadComment)).FirstOrDefault();

    /// <summary>
    /// A page of the log: newest first, or oldest first after <see cref="ActivityQuery.AfterSeq"/>
    /// (live events read forward). Only the filters given become SQL, so each shape gets its own plan.
    /// </summary>
    public Task<List<ActivityEntry>> ListActivityAsync(ActivityQuery query, CancellationToken cancellationToken = default)
    {
        var where = new List<string> { "company_id = @company" };
        if (query.AgentId is not null)
        {
            where.Add("agent_id = @agent");
        }
        if (query.EntityType is not null)
        {
            where.Add("entity_type = @entityType");
        }
        if (query.EntityId is not null)
        {
            where.Add("entity_id = @entityId");
        }
        if (query.BeforeSeq is not null)
        {
            where.Add("seq < @before");
        }
        if (query.AfterSeq is not null)
        {
            where.Add("seq > @after");
        }
        var direction = query.AfterSeq is null ? "DESC" : "ASC";
        return ReadAsync($"""
            SELECT seq, id, company_id, actor_type, actor_id, action, entity_type, entity_id, agent_id, run_id, details::text, created_at
            FROM activity_log WHERE {string.Join(" AND ", where)}
            ORDER BY seq {direction}
            LIMIT @limit
            """, p =>
            {
                p.AddWithValue("company", query.CompanyId);
                AddIfSet(p, "agent", query.AgentId);
                AddIfSet(p, "entityType", query.EntityType);
                AddIfSet(p, "entityId", query.EntityId);
                AddIfSet(p, "before", query.BeforeSeq);
                AddIfSet(p, "after", query.AfterSeq);
                p.AddWithValue("limit", query.Limit);
            }, reader => new ActivityEntry
            {
                Seq = reader.GetInt64(0),
                Id = reader.GetGuid(1),
                CompanyId = reader.GetGuid(2),
                ActorType = reader.GetString(3),
                ActorId = reader.GetString(4),
                Action = reader.GetString(5),
                EntityType = reader.GetString(6),
                EntityId = reader.GetString(7),
                AgentId = reader.IsDBNull(8) ? null : reader.GetGuid(8),
                RunId = reader.IsDBNull(9) ? null : reader.GetGuid(9),
                DetailsJson = reader.IsDBNull(10) ? null : reader.GetString(10),
                CreatedAt = reader.GetFieldValue<DateTime>(11),
            }, cancellationToken);
    }

    private static IssueComment ReadComment(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetGuid(0),
        CompanyId = reader.GetGuid(1),
        IssueId = reader.GetGuid(2),
        AuthorAgentId = reader.IsDBNull(3) ? null : reader.GetGuid(3),
        AuthorUserId = reader.IsDBNull(4) ? null : reader.GetString(4),
        Body = reader.GetString(5),
        CreatedAt = reader.GetFieldValue<DateTime>(6),
        UpdatedAt = reader.GetFieldValue<DateTime>(7),
    };

    private static void AddIfSet<T>(NpgsqlParameterCollection parameters, string name, T? value)
    {
        if (value is not null)
        {
            parameters.AddWithValue(name, value);
        }
    }

    private Task<List<T>> ReadAsync<T>(
        string sql, Action<NpgsqlParameterCollection> bind, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken = default) =>
        SqlRows.ReadAsync(dataSource, sql, bind, read, cancellationToken);
}
