using Npgsql;
using NpgsqlTypes;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Queries;

/// <summary>
/// Builds the SQL of the issue list from a validated <see cref="IssueQuery"/>. Every filter is a
/// bound parameter. The page is chosen first, from the <c>issue_list_*</c> columns only (without
/// filters or search, an index-only scan of <c>issue_list_page</c>, whose order is the list's),
/// and only then are that page's rows read: rows skipped by OFFSET cost an index entry each,
/// never a read and conversion of their stored JSON.
/// </summary>
public static class IssueListSql
{
    private const string Title = "(payload->>'title')";
    private const string Identifier = "(payload->>'identifier')";
    private const string Description = "(payload->>'description')";

    public static (string Sql, Action<NpgsqlParameterCollection> Bind) Build(IssueQuery query, string serviceId)
    {
        // issue_list_company is set only on rows of visible issues, so it stands for the state name
        // too; naming state_name here would need the table row and defeat the index-only scan.
        var where = new List<string> { "service_id = @service", "issue_list_company = @company" };
        var bindings = new List<Action<NpgsqlParameterCollection>>
        {
            p => p.AddWithValue("service", serviceId),
            p => p.AddWithValue("company", query.CompanyId),
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
            // The redundant non-empty test is the predicate of the partial index issue_by_label.
            Filter("(payload->'labelIds') <> '[]'::jsonb AND (payload->'labelIds') @> @label", "label", $"[\"{labelId}\"]", NpgsqlDbType.Jsonb);
        }

        var keys = "issue_list_rank, issue_list_updated_at, issue_list_id";
        var order = "issue_list_rank, issue_list_updated_at DESC, issue_list_id";
        var pageOrder = "page.issue_list_rank, page.issue_list_updated_at DESC, page.issue_list_id";
        var source = "grain_state";
        var searching = !string.IsNullOrWhiteSpace(query.Search);
        if (searching)
        {
            // The matches, each with its relevance bucket of reference §4.1: title prefix, title,
            // identifier prefix, identifier, description, and last a comment's body. Two trigram GIN
            // indexes led by the company find them: issue_search for the issue's own texts,
            // issue_comment_search for comments. A long description is matched once (by the filter):
            // a row found by its own texts but not by title or identifier is a description match.
            var term = EscapeLike(query.Search!.Trim());
            source = $"""
                grain_state JOIN (
                    SELECT id, min(relevance) AS relevance FROM (
                        SELECT issue_list_id AS id,
                               CASE WHEN {Title} ILIKE @prefix THEN 0 WHEN {Title} ILIKE @contains THEN 1
                                    WHEN {Identifier} ILIKE @prefix THEN 2 WHEN {Identifier} ILIKE @contains THEN 3
                                    ELSE 4 END AS relevance
                        FROM grain_state
                        WHERE service_id = @service AND issue_list_company = @company
                          AND ({Title} ILIKE @contains OR {Identifier} ILIKE @contains OR {Description} ILIKE @contains)
                        UNION ALL
                        SELECT issue_id, 5 FROM issue_comment WHERE company_id = @company AND body ILIKE @contains) found
                    GROUP BY id) matches ON matches.id = issue_list_id
                """;
            bindings.Add(p => p.Add(new NpgsqlParameter("contains", NpgsqlDbType.Text) { Value = $"%{term}%" }));
            bindings.Add(p => p.Add(new NpgsqlParameter("prefix", NpgsqlDbType.Text) { Value = $"{term}%" }));
            keys = $"matches.relevance, {keys}";
            order = $"relevance, {order}";
            pageOrder = $"page.relevance, {pageOrder}";
        }

        var filtered = where.Count > 2; // anything beyond service and company (a search is a join, not a filter)
        if (filtered && !searching)
        {
            // Filters read the row anyway; restating what issue_list_company stands for lets the
            // planner prove the predicates of the issue_by_* partial indexes and use them. A
            // search goes through issue_search instead, keyed by issue_list_company itself: the
            // restated company misleads the planner's row estimate into a scan of the company.
            where.Add($"state_name = '{StorageNames.Issue}' AND payload IS NOT NULL AND (payload->>'companyId') = @companyText");
            bindings.Add(p => p.AddWithValue("companyText", query.CompanyId.ToString()));
        }

        bindings.Add(p => p.AddWithValue("limit", query.Limit));
        bindings.Add(p => p.AddWithValue("offset", query.Offset));
        // The outer ORDER BY re-sorts only the page's rows, by the keys the page was cut with.
        var sql = $"""
            SELECT g.payload::text
            FROM (SELECT service_id, id_n0, id_n1, id_ext, {keys}
                  FROM {source}
                  WHERE {string.Join(" AND ", where)}
                  ORDER BY {order}
                  LIMIT @limit OFFSET @offset) page
            JOIN grain_state g
              ON g.service_id = page.service_id AND g.state_name = '{StorageNames.Issue}'
             AND g.id_n0 = page.id_n0 AND g.id_n1 = page.id_n1 AND g.id_ext = page.id_ext
            ORDER BY {pageOrder}
            """;
        return (sql, parameters => bindings.ForEach(bind => bind(parameters)));
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
