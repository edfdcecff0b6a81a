using Npgsql;
using NpgsqlTypes;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Queries;

/// <summary>
/// Builds the SQL of the issue list from a validated <see cref="IssueQuery"/>. Every filter is a
/// bound parameter on an <c>issue_list_*</c> column (migration 11). The page is chosen first, from
/// those columns only (an index-only scan of <c>issue_list_page</c> without filters, of
/// <c>issue_list_by_status</c>/<c>_assignee</c>/<c>_project</c>/<c>_parent</c> with one, each in
/// the list's order), and only then are that page's rows read: rows skipped by OFFSET cost an
/// index entry each, never a read and conversion of their stored JSON. Several statuses are one
/// ordered branch per status, merged: a page of <c>status=todo,blocked</c> reads at most
/// offset + limit entries of each instead of sorting every match.
/// </summary>
public static class IssueListSql
{
    private const string Title = "(payload->>'title')";
    private const string Identifier = "(payload->>'identifier')";
    private const string Description = "(payload->>'description')";
    private const string Keys = "issue_list_rank, issue_list_updated_at, issue_list_id";
    private const string Order = "issue_list_rank, issue_list_updated_at DESC, issue_list_id";

    public static (string Sql, Action<NpgsqlParameterCollection> Bind) Build(IssueQuery query, string serviceId)
    {
        // issue_list_company is set only on rows of visible issues, so it stands for the state name too.
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

        if (query.UnassignedOnly)
        {
            where.Add("issue_list_assignee IS NULL");
        }
        else if (query.AssigneeAgentId is { } agentId)
        {
            Filter("issue_list_assignee = @agent", "agent", agentId, NpgsqlDbType.Uuid);
        }
        if (query.AssigneeUserId is { } userId)
        {
            Filter("(payload->>'assigneeUserId') = @user", "user", userId, NpgsqlDbType.Text);
        }
        if (query.ProjectId is { } projectId)
        {
            Filter("issue_list_project = @project", "project", projectId, NpgsqlDbType.Uuid);
        }
        if (query.ParentId is { } parentId)
        {
            Filter("issue_list_parent = @parent", "parent", parentId, NpgsqlDbType.Uuid);
        }
        if (query.LabelId is { } labelId)
        {
            Filter("issue_list_labels @> @labels", "labels", new[] { labelId }, NpgsqlDbType.Array | NpgsqlDbType.Uuid);
        }

        var statuses = query.Statuses.Distinct().ToList();
        var searching = !string.IsNullOrWhiteSpace(query.Search);
        string page;
        if (searching)
        {
            if (statuses.Count > 0)
            {
                Filter("issue_list_status = ANY(@statuses)", "statuses", statuses.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            }
            page = SearchPage(query.Search!, where, bindings);
        }
        else if (statuses.Count > 1)
        {
            // Each branch keeps offset + limit rows in the list's order; the merge cuts the page.
            var branches = statuses.Select((status, i) =>
            {
                bindings.Add(p => p.Add(new NpgsqlParameter($"status{i}", NpgsqlDbType.Text) { Value = status }));
                return $"""
                    (SELECT service_id, id_n0, id_n1, id_ext, {Keys} FROM grain_state
                     WHERE {string.Join(" AND ", where)} AND issue_list_status = @status{i}
                     ORDER BY {Order} LIMIT @window)
                    """;
            });
            bindings.Add(p => p.AddWithValue("window", query.Offset + query.Limit));
            page = $"""
                SELECT * FROM ({string.Join(" UNION ALL ", branches)}) branches
                ORDER BY {Order} LIMIT @limit OFFSET @offset
                """;
        }
        else
        {
            if (statuses.Count == 1)
            {
                Filter("issue_list_status = @status", "status", statuses[0], NpgsqlDbType.Text);
            }
            page = $"""
                SELECT service_id, id_n0, id_n1, id_ext, {Keys} FROM grain_state
                WHERE {string.Join(" AND ", where)}
                ORDER BY {Order} LIMIT @limit OFFSET @offset
                """;
        }

        bindings.Add(p => p.AddWithValue("limit", query.Limit));
        bindings.Add(p => p.AddWithValue("offset", query.Offset));
        // The outer ORDER BY re-sorts only the page's rows, by the keys the page was cut with.
        var relevance = searching ? "page.relevance, " : "";
        var sql = $"""
            SELECT g.payload::text
            FROM ({page}) page
            JOIN grain_state g
              ON g.service_id = page.service_id AND g.state_name = '{StorageNames.Issue}'
             AND g.id_n0 = page.id_n0 AND g.id_n1 = page.id_n1 AND g.id_ext = page.id_ext
            ORDER BY {relevance}page.issue_list_rank, page.issue_list_updated_at DESC, page.issue_list_id
            """;
        return (sql, parameters => bindings.ForEach(bind => bind(parameters)));
    }

    /// <summary>
    /// The matches of <c>q</c>, each with its relevance bucket of reference §4.1: title prefix,
    /// title, identifier prefix, identifier, description, and last a comment's body. Two trigram
    /// GIN indexes led by the company find them: issue_search for the issue's own texts,
    /// issue_comment_search for comments. Each match is one row carrying its page keys, so a term
    /// that matches most of the company costs one pass over the matches, not a grouping and a
    /// second lookup of every match; an issue found by its own texts is not counted again for
    /// its comments.
    /// </summary>
    private static string SearchPage(string search, List<string> where, List<Action<NpgsqlParameterCollection>> bindings)
    {
        var term = EscapeLike(search.Trim());
        bindings.Add(p => p.Add(new NpgsqlParameter("contains", NpgsqlDbType.Text) { Value = $"%{term}%" }));
        bindings.Add(p => p.Add(new NpgsqlParameter("prefix", NpgsqlDbType.Text) { Value = $"{term}%" }));
        // Plain ORs, so each arm is a bitmap scan of issue_search; the negation needs the coalesce
        // (a NULL description would make NOT (... OR NULL) NULL and drop a comment match).
        var ownTexts = $"({Title} ILIKE @contains OR {Identifier} ILIKE @contains OR {Description} ILIKE @contains)";
        var notOwnTexts = $"NOT ({Title} ILIKE @contains OR {Identifier} ILIKE @contains OR coalesce({Description} ILIKE @contains, false))";
        var filters = string.Join(" AND ", where);
        return $"""
            SELECT * FROM (
                SELECT service_id, id_n0, id_n1, id_ext, {Keys},
                       CASE WHEN {Title} ILIKE @prefix THEN 0 WHEN {Title} ILIKE @contains THEN 1
                            WHEN {Identifier} ILIKE @prefix THEN 2 WHEN {Identifier} ILIKE @contains THEN 3
                            ELSE 4 END AS relevance
                FROM grain_state
                WHERE {filters} AND {ownTexts}
                UNION ALL
                SELECT service_id, id_n0, id_n1, id_ext, {Keys}, 5
                FROM grain_state
                WHERE {filters} AND {notOwnTexts}
                  AND issue_list_id IN (SELECT issue_id FROM issue_comment WHERE company_id = @company AND body ILIKE @contains)
            ) matches
            ORDER BY relevance, {Order} LIMIT @limit OFFSET @offset
            """;
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
