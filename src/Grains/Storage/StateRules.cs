namespace Paperclip.Grains.Storage;

/// <summary>
/// The rules PostgreSQL enforces on grain state writes (schema migration 10), by the constraint
/// name its error reports. Each is checked inside the statement that writes the state, so check
/// and write commit together whatever runs beside them. Grains check the same rules first, from
/// their own reads, for the usual answers; they meet one of these only when they lost a race.
/// </summary>
public static class StateRules
{
    /// <summary>An issue's new parent is a stored issue of its company.</summary>
    public const string IssueParentExists = "issue_parent_exists";

    /// <summary>An issue's new parent is neither the issue nor one of its descendants.</summary>
    public const string IssueParentAcyclic = "issue_parent_acyclic";

    /// <summary>An issue that has child issues is not deleted.</summary>
    public const string IssueDeleteChildless = "issue_delete_childless";

    /// <summary>No two stored labels of a company have the same name, case-insensitively (a unique index).</summary>
    public const string LabelNameUnique = "label_name_unique";

    /// <summary>No two stored companies have the same issue prefix (a unique index).</summary>
    public const string CompanyPrefixUnique = "company_prefix_unique";
}
