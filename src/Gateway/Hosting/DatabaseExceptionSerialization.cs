using Orleans.Serialization;

namespace Paperclip.Gateway.Hosting;

/// <summary>
/// Lets the database driver's exceptions cross between silos and gateways. Orleans refuses to
/// serialize exception types outside its known namespaces, so a PostgreSQL outage seen by a grain
/// on another silo (even while activating) arrived as a codec error and became a 500; with the
/// driver's exceptions intact the Gateway recognises the outage and answers 503.
/// </summary>
public static class DatabaseExceptionSerialization
{
    public static IServiceCollection AddDatabaseExceptionSerialization(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"));
}
