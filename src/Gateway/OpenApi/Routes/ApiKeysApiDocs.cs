using Microsoft.OpenApi;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="Apis.ApiKeysApi"/>: all board only.</summary>
public static class ApiKeysApiDocs
{
    private static readonly ErrorDoc KeyNotFound = NotFound("`API key not found`.");

    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("POST", "/api/agents/{agentId}/keys", ApiTags.ApiKeys, "Create an agent API key")
        {
            Description = "The answer carries `token` (`pcp_` + 48 hex digits) this once; only its SHA-256 hash is stored.",
            Body = JsonBody(NameBody),
            Success = [Created<ApiKeyResponse>("The key, with its token.")],
            Errors = [BoardOnly, AgentNotFound],
        },
        new("GET", "/api/agents/{agentId}/keys", ApiTags.ApiKeys, "List an agent's API keys")
        {
            Success = [Ok<IReadOnlyList<ApiKeyResponse>>("The agent's keys, revoked ones included, without tokens.")],
            Errors = [BoardOnly, AgentNotFound],
        },
        new("DELETE", "/api/agents/{agentId}/keys/{keyId}", ApiTags.ApiKeys, "Revoke an agent API key")
        {
            Description = "The key stops working at once on every gateway.",
            Success = [Ok<ApiKeyResponse>("The revoked key.")],
            Errors = [BoardOnly, AgentNotFound, KeyNotFound],
        },
        new("POST", "/api/board-keys", ApiTags.ApiKeys, "Create a board API key")
        {
            Description = "For `authenticated` deployments. The answer carries `token` (`pcb_` + 48 hex digits) this once.",
            Body = JsonBody(NameBody),
            Success = [Created<ApiKeyResponse>("The key, with its token.")],
            Errors = [BoardOnly],
        },
        new("GET", "/api/board-keys", ApiTags.ApiKeys, "List board API keys")
        {
            Success = [Ok<IReadOnlyList<ApiKeyResponse>>("The board keys, revoked ones included, without tokens.")],
            Errors = [BoardOnly],
        },
        new("DELETE", "/api/board-keys/{keyId}", ApiTags.ApiKeys, "Revoke a board API key")
        {
            Success = [Ok<ApiKeyResponse>("The revoked key.")],
            Errors = [BoardOnly, KeyNotFound],
        },
    ];

    private static OpenApiSchema NameBody() => Object(Optional("name", Text(InputLimits.Name, minLength: 1), "Trimmed; default `default`."));
}
