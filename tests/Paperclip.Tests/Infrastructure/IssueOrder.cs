using System.Text.Json;

namespace Paperclip.Tests.Infrastructure;

/// <summary>The list order of CONTRACT §3, computed independently of the server: priority rank, newest update, id.</summary>
public static class IssueOrder
{
    private static readonly string[] Priorities = ["critical", "high", "medium", "low"];

    public static List<Guid> Expected(IEnumerable<JsonElement> issues) =>
        [.. issues
            .OrderBy(issue => Array.IndexOf(Priorities, issue.Text("priority")))
            .ThenByDescending(issue => issue.Time("updatedAt"))
            .ThenBy(issue => issue.Text("id"), StringComparer.Ordinal)
            .Select(issue => Guid.Parse(issue.Text("id")!))];
}
