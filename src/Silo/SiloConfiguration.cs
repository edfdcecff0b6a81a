using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Paperclip.Gateway.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Paperclip.Grains;
using Paperclip.Grains.Issues;
using Paperclip.Grains.Documents;
using Paperclip.Grains.Journal;
using Paperclip.Grains.Queries;
using Paperclip.Grains.Records;
using Paperclip.Grains.Runs;
using Paperclip.Grains.Storage;
using Paperclip.Grains.Wakeups;

namespace Paperclip.Silo;

/// <summary>Turns a silo builder into a Paperclip silo: ADO.NET clustering and jsonb grain storage on PostgreSQL.</summary>
public static class SiloConfiguration
{
    private const string Invariant = "Npgsql";

    /// <summary>The ADO.NET provider under the storage grains use (<see cref="NewGrainAwareStorage"/>).</summary>
    private const string RowsStorage = "paperclip-rows";

    public static ISiloBuilder UsePaperclip(this ISiloBuilder silo, SiloSettings settings)
    {
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ServiceId;
        });
        silo.Configure<SiloOptions>(options => options.SiloName = settings.SiloName);
        silo.ConfigureEndpoints(settings.AdvertisedAddress, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = settings.ConnectionString;
        });
        if (settings.FastFailover)
        {
            silo.Configure<ClusterMembershipOptions>(ClusterTimings.FastFailover);
        }
        silo.Services.Configure<RunLeaseOptions>(options =>
        {
            options.Lease = settings.RunLease;
            options.SweepInterval = settings.RunSweepInterval;
            options.MaxLiveRunsPerAgent = settings.MaxLiveRunsPerAgent;
        });
        silo.Services.AddHostedService<RunLeaseSweeper>();
        silo.Services.Configure<WebhookOptions>(options =>
        {
            options.Timeout = settings.WebhookTimeout;
            options.RetryDelay = settings.WebhookRetryDelay;
            options.MaxAttempts = settings.WebhookAttempts;
            options.PollInterval = settings.WebhookPollInterval;
        });
        silo.Services.AddHostedService<WebhookDelivery>();
        silo.AddOutgoingGrainCallFilter<RetryUndeliveredCalls>();
        if (settings.WarmConnections > 0)
        {
            silo.Services.AddSingleton(settings);
            silo.Services.AddHostedService<DatabaseWarmup>();
        }
        silo.AddPaperclipObservability(settings.Dashboard);
        return silo.UsePaperclipStorage(settings.ConnectionString);
    }

    /// <summary>
    /// Grain state in PostgreSQL (jsonb through our provider queries) and the services grains use.
    /// Separate from clustering so test clusters can host the real grains on the real storage.
    /// </summary>
    public static ISiloBuilder UsePaperclipStorage(this ISiloBuilder silo, string connectionString)
    {
        silo.AddAdoNetGrainStorage(RowsStorage, options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.GrainStorage,
            (services, _) => new NewGrainAwareStorage(services.GetRequiredKeyedService<IGrainStorage>(RowsStorage)));
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(
            options => GrainStateJson.Configure(options.JsonSerializerOptions));
        silo.Services.AddPaperclipGrainServices(connectionString);
        silo.Services.AddDatabaseExceptionSerialization();
        return silo;
    }

    /// <summary>The services grains depend on: the database, and the helpers built on it.</summary>
    private static IServiceCollection AddPaperclipGrainServices(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => NpgsqlDataSource.Create(QuerySession.Apply(connectionString)));
        services.AddSingleton<TakenNames>();
        services.AddSingleton<StateQueries>();
        services.AddSingleton<ContentQueries>();
        services.AddSingleton<IssueReferences>();
        services.AddSingleton<WakeupStore>();
        services.AddSingleton<WakeupTriggers>();
        services.AddSingleton<JournalWriter>();
        services.AddSingleton<DocumentRevisionStore>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
