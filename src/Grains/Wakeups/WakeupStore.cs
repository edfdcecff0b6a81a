using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Paperclip.Grains.Storage;
using Paperclip.Grains.Telemetry;
using Orleans.Configuration;

namespace Paperclip.Grains.Wakeups;

/// <summary>
/// SQL over <c>agent_wakeup_requests</c>: recording wakeups, reading an agent's, and the webhook
/// outbox (claim due rows with a lease, then finish or reschedule each attempt). Outbox times come
/// from the database's clock, so silos with drifting clocks agree on when a claim has expired.
/// </summary>
public sealed class WakeupStore(NpgsqlDataSource dataSource, IOptions<ClusterOptions> cluster)
{
    private const string Columns = """
        id, company_id, agent_id, source, trigger_detail, reason, issue_id, comment_id, payload::text, status,
        requested_by_actor_type, requested_by_actor_id, run_id, error, requested_at, updated_at, finished_at,
        webhook_url, attempts, next_attempt_at, last_error
        """;

    private readonly string _serviceId = cluster.Value.ServiceId;

    /// <summary>Stores new requests in one round trip; a request with a webhook is due at once.</summary>
    public async Task InsertAsync(IReadOnlyList<WakeupRequest> requests)
    {
        if (requests.Count == 0)
        {
            return;
        }
        await using var batch = dataSource.CreateBatch();
        foreach (var request in requests)
        {
            var command = new NpgsqlBatchCommand("""
                INSERT INTO agent_wakeup_requests (id, service_id, company_id, agent_id, source, trigger_detail, reason,
                    issue_id, comment_id, payload, status, requested_by_actor_type, requested_by_actor_id, run_id, error,
                    requested_at, updated_at, finished_at, webhook_url, next_attempt_at)
                VALUES (@id, @service, @company, @agent, @source, @trigger, @reason, @issue, @comment, @payload::jsonb,
                    @status, @actorType, @actorId, @run, @error, @requestedAt, @requestedAt, @finishedAt, @webhook,
                    CASE WHEN @webhook IS NULL THEN NULL ELSE @requestedAt END)
                """);
            var p = command.Parameters;
            p.AddWithValue("id", request.Id);
            p.AddWithValue("service", _serviceId);
            p.AddWithValue("company", request.CompanyId);
            p.AddWithValue("agent", request.AgentId);
            p.AddWithValue("source", request.Source);
            p.AddWithValue("trigger", request.TriggerDetail);
            p.Add(SqlRows.Nullable("reason", NpgsqlDbType.Text, request.Reason));
            p.Add(SqlRows.Nullable("issue", NpgsqlDbType.Uuid, request.IssueId));
            p.Add(SqlRows.Nullable("comment", NpgsqlDbType.Uuid, request.CommentId));
            p.Add(SqlRows.Nullable("payload", NpgsqlDbType.Text, request.PayloadJson));
            p.AddWithValue("status", request.Status);
            p.Add(SqlRows.Nullable("actorType", NpgsqlDbType.Text, request.RequestedByActorType));
            p.Add(SqlRows.Nullable("actorId", NpgsqlDbType.Text, request.RequestedByActorId));
            p.Add(SqlRows.Nullable("run", NpgsqlDbType.Uuid, request.RunId));
            p.Add(SqlRows.Nullable("error", NpgsqlDbType.Text, request.Error));
            p.Add(new NpgsqlParameter("requestedAt", NpgsqlDbType.TimestampTz) { Value = request.RequestedAt });
            p.Add(SqlRows.Nullable("finishedAt", NpgsqlDbType.TimestampTz, request.FinishedAt));
            p.Add(SqlRows.Nullable("webhook", NpgsqlDbType.Text, request.WebhookUrl));
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync();
        PaperclipMetrics.WakeupQueued(requests.Count(request => request.Status == WakeupStatuses.Queued));
    }

    /// <summary>The agent's requests, newest first.</summary>
    public async Task<IReadOnlyList<WakeupRequest>> ListForAgentAsync(Guid agentId, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM agent_wakeup_requests
            WHERE service_id = @service AND agent_id = @agent
            ORDER BY requested_at DESC, id DESC
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("agent", agentId);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> due outbox rows for <paramref name="lease"/> under
    /// <paramref name="token"/> and counts the attempt. <c>SKIP LOCKED</c> lets silos claim side by
    /// side without waiting on each other; a row whose claim expired is due again.
    /// </summary>
    public async Task<IReadOnlyList<WakeupRequest>> ClaimDueAsync(Guid token, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE agent_wakeup_requests
            SET claimed_until = now() + @lease, claim_token = @token, attempts = attempts + 1, updated_at = now()
            WHERE id IN (
                SELECT id FROM agent_wakeup_requests
                WHERE service_id = @service AND status = 'queued' AND webhook_url IS NOT NULL
                  AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                ORDER BY next_attempt_at
                LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("service", _serviceId);
        command.Parameters.AddWithValue("token", token);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// Ends a claimed delivery as delivered or failed. A claim that was taken over changes nothing
    /// and returns false.
    /// </summary>
    public Task<bool> FinishAsync(Guid id, Guid token, string status, string? error) =>
        ExecuteClaimedAsync(id, token, """
            UPDATE agent_wakeup_requests
            SET status = @status, error = @error, last_error = coalesce(@error, last_error),
                finished_at = now(), updated_at = now(), claimed_until = NULL
            WHERE id = @id AND claim_token = @token AND status = 'queued'
            """, p =>
            {
                p.AddWithValue("status", status);
                p.Add(SqlRows.Nullable("error", NpgsqlDbType.Text, error));
            });

    /// <summary>Releases a claimed row after a failed attempt, due again after <paramref name="delay"/>.</summary>
    public Task RescheduleAsync(Guid id, Guid token, TimeSpan delay, string error) =>
        ExecuteClaimedAsync(id, token, """
            UPDATE agent_wakeup_requests
            SET next_attempt_at = now() + @delay, last_error = @error, updated_at = now(), claimed_until = NULL
            WHERE id = @id AND claim_token = @token AND status = 'queued'
            """, p =>
            {
                p.AddWithValue("delay", delay);
                p.AddWithValue("error", error);
            });

    /// <summary>Runs <paramref name="sql"/> on a row we still hold the claim of: true if it changed the row.</summary>
    private async Task<bool> ExecuteClaimedAsync(Guid id, Guid token, string sql, Action<NpgsqlParameterCollection> bind)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("token", token);
        bind(command.Parameters);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    private static async Task<IReadOnlyList<WakeupRequest>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requests = new List<WakeupRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            requests.Add(new WakeupRequest
            {
                Id = reader.GetGuid(0),
                CompanyId = reader.GetGuid(1),
                AgentId = reader.GetGuid(2),
                Source = reader.GetString(3),
                TriggerDetail = reader.GetString(4),
                Reason = Get<string>(reader, 5),
                IssueId = GetStruct<Guid>(reader, 6),
                CommentId = GetStruct<Guid>(reader, 7),
                PayloadJson = Get<string>(reader, 8),
                Status = reader.GetString(9),
                RequestedByActorType = Get<string>(reader, 10),
                RequestedByActorId = Get<string>(reader, 11),
                RunId = GetStruct<Guid>(reader, 12),
                Error = Get<string>(reader, 13),
                RequestedAt = Clock.Truncate(reader.GetFieldValue<DateTimeOffset>(14)),
                UpdatedAt = Clock.Truncate(reader.GetFieldValue<DateTimeOffset>(15)),
                FinishedAt = GetStruct<DateTimeOffset>(reader, 16) is { } finished ? Clock.Truncate(finished) : null,
                WebhookUrl = Get<string>(reader, 17),
                Attempts = reader.GetInt32(18),
                NextAttemptAt = GetStruct<DateTimeOffset>(reader, 19) is { } next ? Clock.Truncate(next) : null,
                LastError = Get<string>(reader, 20),
            });
        }
        return requests;
    }

    private static T? Get<T>(NpgsqlDataReader reader, int ordinal) where T : class =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    private static T? GetStruct<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}
