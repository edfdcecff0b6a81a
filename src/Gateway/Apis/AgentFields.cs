using Paperclip.Gateway.Http;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>The writable fields of an agent, read once for create and PATCH alike.</summary>
public sealed record AgentFields(
    Change<string?>? Name, Change<string?>? Role, Change<string?>? Title, Change<string?>? Icon, Change<string?>? Status,
    Change<Guid?>? ReportsTo, Change<string?>? Capabilities, Change<string?>? AdapterType, Change<string?>? AdapterConfig,
    Change<string?>? RuntimeConfig, Change<string?>? Permissions, Change<int>? Budget, Change<string?>? Metadata,
    Change<string?>? PauseReason)
{
    public static AgentFields Read(BodyReader body, bool creating) => new(
        body.String("name", InputLimits.Name, required: creating, minLength: 1, trim: true),
        body.Enum("role", Enumerations.AgentRoles),
        body.String("title", InputLimits.Title, nullable: true),
        body.String("icon", InputLimits.ShortText, nullable: true),
        creating ? null : body.Enum("status", Enumerations.AgentStatuses),
        body.Uuid("reportsTo", nullable: true),
        body.String("capabilities", InputLimits.LongText, nullable: true),
        body.String("adapterType", InputLimits.ShortText, minLength: 1),
        body.Object("adapterConfig"),
        body.Object("runtimeConfig"),
        body.Object("permissions"),
        body.Integer("budgetMonthlyCents", minimum: 0),
        body.Object("metadata", nullable: true),
        creating ? null : body.String("pauseReason", InputLimits.Note, nullable: true));

    /// <summary>A sent manager must be an agent of the company (422 otherwise, the same for unknown ids).</summary>
    public Task CheckReferencesAsync(IGrainFactory grains, Guid companyId) =>
        BodyReferences.RequireAsync<IAgentGrain, Agent>(grains, companyId, [ReportsTo?.Value], "Reports-to agent not found");

    /// <summary>The agent with every sent field applied; pausing stamps <c>pausedAt</c>, any other status clears it.</summary>
    public Agent ApplyTo(Agent agent, DateTime now) => agent with
    {
        Name = Name?.Value ?? agent.Name,
        Role = Role?.Value ?? agent.Role,
        Title = Title is null ? agent.Title : Title.Value,
        Icon = Icon is null ? agent.Icon : Icon.Value,
        Status = Status?.Value ?? agent.Status,
        PausedAt = Status is null ? agent.PausedAt : Status.Value == "paused" ? agent.PausedAt ?? now : null,
        PauseReason = PauseReason is null ? agent.PauseReason : PauseReason.Value,
        ReportsTo = ReportsTo is null ? agent.ReportsTo : ReportsTo.Value,
        Capabilities = Capabilities is null ? agent.Capabilities : Capabilities.Value,
        AdapterType = AdapterType?.Value ?? agent.AdapterType,
        AdapterConfigJson = AdapterConfig?.Value ?? agent.AdapterConfigJson,
        RuntimeConfigJson = RuntimeConfig?.Value ?? agent.RuntimeConfigJson,
        PermissionsJson = Permissions?.Value ?? agent.PermissionsJson,
        BudgetMonthlyCents = Budget?.Value ?? agent.BudgetMonthlyCents,
        MetadataJson = Metadata is null ? agent.MetadataJson : Metadata.Value,
        UpdatedAt = now,
    };
}
