namespace Paperclip.Gateway.Observability;

/// <summary>
/// Whether this HTTP process can reach grains: a co-hosting silo is active in the cluster, a
/// standalone gateway holds a connection to at least one silo.
/// </summary>
public interface IClusterReadiness
{
    ReadinessCheck Check();
}
