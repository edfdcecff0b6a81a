using System.Text.Json;

namespace Paperclip.Grains.Issues;

/// <summary>
/// Reads an agent's permission flags. Agents are created with the assign grant (as the reference's
/// create flows give <c>tasks:assign</c> by default); the board revokes it with
/// <c>permissions: {"canAssignTasks": false}</c>. A CEO or an agent that may create agents may always assign.
/// </summary>
public static class AgentPermissions
{
    public static bool CanAssignTasks(Agent agent) =>
        agent.Role == "ceo"
        || Flag(agent, "canCreateAgents") == true
        || Flag(agent, "canAssignTasks") != false;

    private static bool? Flag(Agent agent, string name)
    {
        using var document = JsonDocument.Parse(agent.PermissionsJson);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty(name, out var value)
            && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;
    }
}
