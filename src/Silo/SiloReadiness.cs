using Paperclip.Gateway.Observability;

namespace Paperclip.Silo;

/// <summary>
/// A silo co-hosting HTTP can serve grain calls while it is active in the cluster: joined, and
/// not yet shutting down. Its state word is the silo's status (<c>joining</c>, <c>shuttingdown</c>, …).
/// </summary>
public sealed class SiloReadiness(ISiloStatusOracle silo) : IClusterReadiness
{
    public ReadinessCheck Check()
    {
        var status = silo.CurrentStatus;
        return new(status == SiloStatus.Active, status.ToString().ToLowerInvariant());
    }
}
