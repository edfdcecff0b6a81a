namespace Paperclip.Gateway;

/// <summary>The deployment modes of the reference (§2.1).</summary>
public static class DeploymentModes
{
    public const string LocalTrusted = "local_trusted";
    public const string Authenticated = "authenticated";
}

/// <summary>Gateway settings from configuration (environment variables <c>PAPERCLIP_*</c>).</summary>
public sealed record GatewaySettings
{
    public string DeploymentMode { get; init; } = DeploymentModes.LocalTrusted;

    public static GatewaySettings From(IConfiguration configuration)
    {
        var mode = configuration["PAPERCLIP_DEPLOYMENT_MODE"] ?? DeploymentModes.LocalTrusted;
        if (mode is not (DeploymentModes.LocalTrusted or DeploymentModes.Authenticated))
        {
            throw new InvalidOperationException($"PAPERCLIP_DEPLOYMENT_MODE must be '{DeploymentModes.LocalTrusted}' or '{DeploymentModes.Authenticated}', not '{mode}'.");
        }
        return new GatewaySettings { DeploymentMode = mode };
    }
}
