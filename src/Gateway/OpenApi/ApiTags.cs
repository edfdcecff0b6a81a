namespace Paperclip.Gateway.OpenApi;

/// <summary>The groups of the reference page, in the order it shows them, each with a line of what it holds.</summary>
public static class ApiTags
{
    public const string Health = "Health";
    public const string Companies = "Companies";
    public const string Agents = "Agents";
    public const string ApiKeys = "API keys";
    public const string Projects = "Projects";
    public const string Goals = "Goals";
    public const string Labels = "Labels";
    public const string Issues = "Issues";
    public const string Checkout = "Checkout";
    public const string Comments = "Comments";
    public const string Documents = "Documents";
    public const string Attachments = "Attachments";
    public const string Activity = "Activity";
    public const string Heartbeats = "Heartbeats";

    public static IReadOnlyList<(string Name, string Description)> All { get; } =
    [
        (Health, "Whether the HTTP process answers. Open to anyone."),
        (Companies, "The board creates and edits companies; agents see only their own."),
        (Agents, "The board hires and edits agents; everyone in the company can read them."),
        (ApiKeys, "Board-only key management: agent keys (`pcp_…`) and board keys (`pcb_…`). A token is shown once."),
        (Projects, "Projects group issues; a paused project blocks checkout of its issues."),
        (Goals, "Goals; root company-level goals are the default goal of new issues."),
        (Labels, "Labels, unique by name within a company, coloured `#RRGGBB`."),
        (Issues, "Issue CRUD, lists and search. Issue references accept the UUID or the identifier (`PAP-12`)."),
        (Checkout, "The single-owner lock: atomic checkout, release, and the board's force-release."),
        (Comments, "An issue's comments; `@Name` mentions wake the mentioned agents."),
        (Documents, "Keyed, revisioned text documents of an issue (`plan`, `design`, `notes`, …) with optimistic concurrency."),
        (Attachments, "Files attached to an issue: multipart upload, list, download, delete."),
        (Activity, "The activity log, page by page or live as Server-Sent Events."),
        (Heartbeats, "Heartbeat runs and wakeups: what wakes an agent and what it reads when woken."),
    ];
}
