using System.Text;
using Paperclip.Gateway.Auth;
using Paperclip.Gateway.Hosting;

namespace Paperclip.Gateway;

/// <summary>The deployment modes of the reference (§2.1).</summary>
public static class DeploymentModes
{
    public const string LocalTrusted = "local_trusted";
    public const string Authenticated = "authenticated";
}

/// <summary>
/// Gateway settings from configuration (environment variables <c>PAPERCLIP_*</c>):
/// the deployment mode, the agent JWT secret and claims, the bootstrap board key, and the database (for live events).
/// </summary>
public sealed record GatewaySettings
{
    /// <summary>HS256 needs a key of at least 256 bits; shorter secrets are refused at start-up.</summary>
    public const int MinJwtSecretBytes = 32;

    public string DeploymentMode { get; init; } = DeploymentModes.LocalTrusted;
    public byte[]? JwtSecret { get; init; }
    public string JwtIssuer { get; init; } = "paperclip";
    public string JwtAudience { get; init; } = "paperclip-api";
    /// <summary>SHA-256 (hex) of <c>PAPERCLIP_BOARD_API_KEY</c>, the operator's first board credential.</summary>
    public string? BootstrapBoardKeyHash { get; init; }
    /// <summary>From <c>PAPERCLIP_DATABASE_URL</c>: where live events LISTEN for new activity (null: not set).</summary>
    public string? DatabaseConnectionString { get; init; }

    public static GatewaySettings From(IConfiguration configuration)
    {
        var mode = configuration["PAPERCLIP_DEPLOYMENT_MODE"] ?? DeploymentModes.LocalTrusted;
        if (mode is not (DeploymentModes.LocalTrusted or DeploymentModes.Authenticated))
        {
            throw new InvalidOperationException($"PAPERCLIP_DEPLOYMENT_MODE must be '{DeploymentModes.LocalTrusted}' or '{DeploymentModes.Authenticated}', not '{mode}'.");
        }
        var secret = configuration["PAPERCLIP_AGENT_JWT_SECRET"] is { Length: > 0 } text ? Encoding.UTF8.GetBytes(text) : null;
        if (secret is { Length: < MinJwtSecretBytes })
        {
            throw new InvalidOperationException($"PAPERCLIP_AGENT_JWT_SECRET must be at least {MinJwtSecretBytes} bytes for HS256.");
        }
        return new GatewaySettings
        {
            DeploymentMode = mode,
            JwtSecret = secret,
            JwtIssuer = configuration["PAPERCLIP_AGENT_JWT_ISSUER"] ?? "paperclip",
            JwtAudience = configuration["PAPERCLIP_AGENT_JWT_AUDIENCE"] ?? "paperclip-api",
            BootstrapBoardKeyHash = configuration["PAPERCLIP_BOARD_API_KEY"] is { Length: > 0 } key ? ApiTokens.Hash(key) : null,
            DatabaseConnectionString = configuration["PAPERCLIP_DATABASE_URL"] is { Length: > 0 } url ? DatabaseUrl.ToConnectionString(url) : null,
        };
    }
}
