namespace Paperclip.Gateway.Observability;

/// <summary>
/// A standalone gateway's link to the cluster: how many silos its Orleans client is connected
/// to, as the client reports each change. Ready while there is at least one.
/// </summary>
public sealed class GatewayConnections : IClusterReadiness
{
    private int _connected;

    public ReadinessCheck Check() =>
        Volatile.Read(ref _connected) > 0 ? new(true, "connected") : new(false, "disconnected");

    private void OnGatewayCountChanged(object? sender, GatewayCountChangedEventArgs change) =>
        Volatile.Write(ref _connected, change.NumberOfConnectedGateways);

    /// <summary>Registers the tracker as this client's <see cref="IClusterReadiness"/>.</summary>
    public static IClientBuilder Register(IClientBuilder client)
    {
        client.Services.AddSingleton<GatewayConnections>();
        client.Services.AddSingleton<IClusterReadiness>(services => services.GetRequiredService<GatewayConnections>());
        return client.AddGatewayCountChangedHandler(services => services.GetRequiredService<GatewayConnections>().OnGatewayCountChanged);
    }
}
