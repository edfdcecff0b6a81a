namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// Reads a company's issue tree straight from the stored state, past every cache and grain, to
/// check the invariants races must not break: no issue points at a missing parent, and no chain
/// of parents loops.
/// </summary>
public static class IssueTreeAudit
{
    /// <summary>How many stored issues of the company name a parent that is not a stored issue.</summary>
    public static async Task<long> CountDanglingParentsAsync(TestDatabase database, Guid companyId) =>
        (long)(await database.ScalarAsync("""
            SELECT count(*) FROM grain_state child
            WHERE child.state_name = 'issue' AND child.payload IS NOT NULL
              AND child.payload->>'companyId' = @company AND child.payload->>'parentId' IS NOT NULL
              AND NOT EXISTS (
                  SELECT 1 FROM grain_state parent
                  WHERE parent.state_name = 'issue' AND parent.payload IS NOT NULL
                    AND parent.payload->>'id' = child.payload->>'parentId')
            """, ("company", companyId.ToString())))!;

    /// <summary>How many stored issues of the company are their own ancestor.</summary>
    public static async Task<long> CountIssuesInCyclesAsync(TestDatabase database, Guid companyId) =>
        (long)(await database.ScalarAsync("""
            WITH RECURSIVE issue AS (
                SELECT payload->>'id' AS id, payload->>'parentId' AS parent_id FROM grain_state
                WHERE state_name = 'issue' AND payload IS NOT NULL AND payload->>'companyId' = @company),
            walk(start, at) AS (
                SELECT id, parent_id FROM issue WHERE parent_id IS NOT NULL
                UNION
                SELECT walk.start, issue.parent_id FROM walk JOIN issue ON issue.id = walk.at
                WHERE issue.parent_id IS NOT NULL)
            SELECT count(DISTINCT start) FROM walk WHERE at = start
            """, ("company", companyId.ToString())))!;
}
