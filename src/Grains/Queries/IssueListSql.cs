using Npgsql;
using NpgsqlTypes;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Queries;

/// <summary>
/// Builds the SQL of the issue list from a validated <see cref="IssueQuery"/>. Every filter is a
/// bound parameter. Without a search the ORDER BY is exactly the <c>issue_list_order</c> index, so
/// a page is an index range scan whatever the company's size.
/// </summary>
public static class IssueListSql
{
    private const string Title = "(payload->>'title')";
    private const string Identifier = "(payload->>'identifier')";
    private const string Description = "(payload->>'description')";

    public static (string Sql, Action<NpgsqlParameterCollection> Bind) Build(IssueQuery query, string serviceId)
    {
        var where = new List<string>
        {
            StateQueries.LiveRows,
            "(payload->>'hiddenAt') IS NULL",
            "(payload->>'companyId') = @company",
        };
        var bindings = new List<Action<NpgsqlParameterCollection>>
        {
            p => p.AddWithValue("service", serviceId),
            p => p.AddWithValue("state", StorageNames.Issue),
            p => p.AddWithValue("company", query.CompanyId.ToString()),
        };
        void Filter(string condition, string name, object value, NpgsqlDbType type)
        {
            where.Add(condition);
            bindings.Add(p => p.Add(new NpgsqlParameter(name, type) { Value = value }));
        }

        if (query.Statuses.Count > 0)
        {
            Filter("(payload->>'status') = ANY(@statuses)", "statuses", query.Statuses.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        }
        if (query.UnassignedOnly)
        {
            where.Add("(payload->>'assigneeAgentId') IS NULL");
        }
        else if (query.AssigneeAgentId is { } agentId)
        {
            Filter("(payload->>'assigneeAgentId') = @agent", "agent", agentId.ToString(), NpgsqlDbType.Text);
        }
        if (query.AssigneeUserId is { } userId)
        {
            Filter("(payload->>'assigneeUserId') = @user", "user", userId, NpgsqlDbType.Text);
        }
        if (query.ProjectId is { } projectId)
        {
            Filter("(payload->>'projectId') = @project", "project", projectId.ToString(), NpgsqlDbType.Text);
        }
        if (query.ParentId is { } parentId)
        {
            Filter("(payload->>'parentId') = @parent", "parent", parentId.ToString(), NpgsqlDbType.Text);
        }
        if (query.LabelId is { } labelId)
        {
            Filter("(payload->'labelIds') @> @label", "label", $"[\"{labelId}\"]", NpgsqlDbType.Jsonb);
        }

        var order = "pc_priority_rank(payload->>'priority'), (payload->>'updatedAt') DESC, (payload->>'id')";
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = EscapeLike(query.Search.Trim());
            Filter($"({Title} ILIKE @contains OR {Identifier} ILIKE @contains OR {Description} ILIKE @contains)",
                "contains", $"%{term}%", NpgsqlDbType.Text);
            bindings.Add(p => p.Add(new NpgsqlParameter("prefix", NpgsqlDbType.Text) { Value = $"{term}%" }));
            // Relevance buckets of reference §4.1: title prefix, title, identifier prefix, identifier, description.
            order = $"""
                CASE WHEN {Title} ILIKE @prefix THEN 0 WHEN {Title} ILIKE @contains THEN 1
                     WHEN {Identifier} ILIKE @prefix THEN 2 WHEN {Identifier} ILIKE @contains THEN 3
                     ELSE 4 END, {order}
                """;
        }

        bindings.Add(p => p.AddWithValue("limit", query.Limit));
        bindings.Add(p => p.AddWithValue("offset", query.Offset));
        var sql = $"""
            SELECT payload::text FROM grain_state
            WHERE {string.Join(" AND ", where)}
            ORDER BY {order}
            LIMIT @limit OFFSET @offset
            """;
        return (sql, parameters => bindings.ForEach(bind => bind(parameters)));
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
