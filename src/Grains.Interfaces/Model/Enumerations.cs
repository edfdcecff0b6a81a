namespace Paperclip.Grains;

/// <summary>The other enumerations of the API (reference §2.1), as their wire strings.</summary>
public static class Enumerations
{
    public static readonly IReadOnlyList<string> GoalLevels = ["company", "team", "agent", "task"];
    public static readonly IReadOnlyList<string> GoalStatuses = ["planned", "active", "achieved", "cancelled"];
    public static readonly IReadOnlyList<string> ProjectStatuses = ["backlog", "planned", "in_progress", "completed", "cancelled"];
    public static readonly IReadOnlyList<string> CompanyStatuses = ["active", "paused", "archived"];
    public static readonly IReadOnlyList<string> AgentStatuses = ["active", "paused", "idle", "running", "error", "pending_approval", "terminated"];
    public static readonly IReadOnlyList<string> AgentRoles = ["ceo", "cto", "cmo", "cfo", "engineer", "designer", "pm", "qa", "devops", "researcher", "general"];
}
