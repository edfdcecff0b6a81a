using Npgsql;

namespace Paperclip.Gateway.Events;

/// <summary>
/// The doorbell of live events: one <c>LISTEN</c> connection per HTTP process, shared by every
/// subscriber. A notification (sent at commit by the <c>activity_log</c> trigger, from any silo)
/// names a company, and rings that company's subscribers, who then read the table forward. The
/// table is the truth; a lost ring only delays an event until the subscriber's next ping, and a
/// lost connection rings everyone once it is back, so nothing committed meanwhile is missed.
/// </summary>
public sealed class ActivityDoorbell(GatewaySettings settings, ILogger<ActivityDoorbell> logger) : BackgroundService
{
    /// <summary>The channel of the <c>pc_activity_notify</c> trigger (migration 6).</summary>
    public const string Channel = "paperclip_activity";

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly Dictionary<Guid, HashSet<ActivityBell>> _bells = [];

    /// <summary>A bell for one subscriber of <paramref name="companyId"/>; disposing it unsubscribes.</summary>
    public ActivityBell Subscribe(Guid companyId)
    {
        var bell = new ActivityBell(companyId, this);
        lock (_bells)
        {
            if (!_bells.TryGetValue(companyId, out var bells))
            {
                _bells[companyId] = bells = [];
            }
            bells.Add(bell);
        }
        return bell;
    }

    /// <summary>Subscribers currently registered (so a test can see that a dropped one left nothing behind).</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_bells)
            {
                return _bells.Values.Sum(bells => bells.Count);
            }
        }
    }

    internal void Remove(ActivityBell bell)
    {
        lock (_bells)
        {
            if (_bells.TryGetValue(bell.CompanyId, out var bells) && bells.Remove(bell) && bells.Count == 0)
            {
                _bells.Remove(bell.CompanyId);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.DatabaseConnectionString is not { } connectionString)
        {
            // No database named: subscribers still see every event, at their next ping.
            logger.LogWarning("PAPERCLIP_DATABASE_URL is not set: live events are delivered at each ping only");
            return;
        }
        // Its own connection outside any pool, with TCP keepalives so a dead server is noticed.
        var listen = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listen);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, notification) => Ring(notification.Payload);
                await using (var command = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                // Events committed while nobody listened are in the table: every subscriber looks.
                RingAll();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or IOException)
            {
                logger.LogWarning(exception, "Live events: the LISTEN connection failed, reconnecting");
                RingAll();
            }
            try
            {
                await Task.Delay(ReconnectDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A notification's payload is <c>companyId:seq</c>; only that company's subscribers are rung.</summary>
    private void Ring(string payload)
    {
        var separator = payload.IndexOf(':');
        if (separator > 0 && Guid.TryParse(payload.AsSpan(0, separator), out var companyId))
        {
            lock (_bells)
            {
                if (_bells.TryGetValue(companyId, out var bells))
                {
                    foreach (var bell in bells)
                    {
                        bell.Ring();
                    }
                }
            }
        }
    }

    private void RingAll()
    {
        lock (_bells)
        {
            foreach (var bell in _bells.Values.SelectMany(bells => bells))
            {
                bell.Ring();
            }
        }
    }
}
