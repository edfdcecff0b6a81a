using Microsoft.OpenApi;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="Apis.AgentsApi"/>.</summary>
public static class AgentsApiDocs
{
    private static readonly ErrorDoc ManagerNotFound = Unprocessable("`Reports-to agent not found`: `reportsTo` names no agent of the company.");

    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("POST", "/api/companies/{companyId}/agents", ApiTags.Agents, "Hire an agent")
        {
            Description = "Board only. A new agent is `idle`.",
            Body = JsonBody(() => Body(creating: true), required: true),
            Success = [Created<AgentResponse>("The new agent.")],
            Errors = [OtherCompany, BoardOnly, CompanyNotFound, ManagerNotFound],
        },
        new("GET", "/api/companies/{companyId}/agents", ApiTags.Agents, "List a company's agents")
        {
            Success = [Ok<IReadOnlyList<AgentResponse>>("The company's agents.")],
            Errors = [OtherCompany, CompanyNotFound],
        },
        new("GET", "/api/agents/me", ApiTags.Agents, "Get the calling agent")
        {
            Success = [Ok<AgentResponse>("The agent whose key or JWT made the call.")],
            Errors = [Unauthorized("`Agent authentication required`: the caller is not an agent."), NotFound("`Agent not found`.")],
        },
        new("GET", "/api/agents/{agentId}", ApiTags.Agents, "Get an agent")
        {
            Success = [Ok<AgentResponse>("The agent.")],
            Errors = [AgentNotFound],
        },
        new("PATCH", "/api/agents/{agentId}", ApiTags.Agents, "Update an agent")
        {
            Description = "Board only. Only the fields sent change; `status: paused` stamps `pausedAt`, any other status clears it.",
            Body = JsonBody(() => Body(creating: false)),
            Success = [Ok<AgentResponse>("The updated agent.")],
            Errors = [BoardOnly, AgentNotFound, ManagerNotFound, ConcurrentUpdate],
        },
    ];

    private static OpenApiSchema Body(bool creating)
    {
        Field[] shared =
        [
            RequiredIf(creating, "name", Text(InputLimits.Name, minLength: 1), "Trimmed."),
            Optional("role", OneOf(Enumerations.AgentRoles), "Default `general`."),
            Optional("title", Text(InputLimits.Title, nullable: true)),
            Optional("icon", Text(InputLimits.ShortText, nullable: true)),
            Optional("reportsTo", Uuid(nullable: true), "The manager: an agent of the same company."),
            Optional("capabilities", Text(InputLimits.LongText, nullable: true)),
            Optional("adapterType", Text(InputLimits.ShortText, minLength: 1), "`http` with `adapterConfig.url` is sent each wakeup as a JSON POST."),
            Optional("adapterConfig", FreeObject()),
            Optional("runtimeConfig", FreeObject()),
            Optional("permissions", FreeObject(), "For example `{\"canCreateAgents\": true}`."),
            Optional("budgetMonthlyCents", Integer(minimum: 0)),
            Optional("metadata", FreeObject(nullable: true)),
        ];
        return creating
            ? Object(shared)
            : Object([.. shared, Optional("status", OneOf(Enumerations.AgentStatuses)), Optional("pauseReason", Text(InputLimits.Note, nullable: true))]);
    }
}
