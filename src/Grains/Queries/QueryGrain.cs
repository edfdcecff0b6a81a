using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Concurrency;
using Orleans.Configuration;
using Paperclip.Grains.Documents;
using Paperclip.Grains.Json;
using Paperclip.Grains.Storage;
using Paperclip.Grains.Wakeups;

namespace Paperclip.Grains.Queries;

/// <summary>
/// Serves the read-only queries of <see cref="IQueryGrain"/> with SQL on any silo. Reentrant: it
/// holds no state, so a slow query (one company's worst search) never queues the calls behind it;
/// the connection pool and the Gateway's per-company limit bound how many run at once. One
/// activation per silo, because Orleans 10 delivers a caller's cancellation to a stateless worker
/// only when there is just one (dotnet/orleans#9877); <see cref="StateQueries"/> turns rows into
/// records off the activation's scheduler, so the single activation is not a CPU bottleneck.
/// </summary>
[StatelessWorker(1), Reentrant, GrainType("query")]
public sealed class QueryGrain(StateQueries queries, ContentQueries content, DocumentRevisionStore revisions, WakeupStore wakeups, IOptions<ClusterOptions> cluster, TimeProvider time) : Grain, IQueryGrain
{
    private readonly string _serviceId = cluster.Value.ServiceId;

    public async Task<IReadOnlyList<Company>> ListCompaniesAsync(CancellationToken cancellationToken) =>
        await queries.ReadRecordsAsync<Company>(
            $"SELECT payload::text FROM grain_state WHERE {StateQueries.LiveRows(StorageNames.Company)} ORDER BY payload->>'createdAt', payload->>'id'",
            BindService, cancellationToken);

    public async Task<IReadOnlyList<Agent>> ListAgentsAsync(Guid companyId, CancellationToken cancellationToken) =>
        await ListOfCompanyAsync<Agent>(StorageNames.Agent, companyId, "payload->>'createdAt', payload->>'id'", cancellationToken);

    public async Task<IReadOnlyList<Project>> ListProjectsAsync(Guid companyId, CancellationToken cancellationToken) =>
        await ListOfCompanyAsync<Project>(StorageNames.Project, companyId, "payload->>'createdAt', payload->>'id'", cancellationToken);

    public async Task<IReadOnlyList<Project>> GetProjectsAsync(Guid companyId, IReadOnlyList<Guid> projectIds)
    {
        if (projectIds.Count == 0)
        {
            return [];
        }
        var found = (await queries.ReadRecordsAsync<Project>(
            $"""
            SELECT payload::text FROM grain_state
            WHERE {StateQueries.LiveRows(StorageNames.Project)} AND (payload->>'id') = ANY(@ids) AND (payload->>'companyId') = @company
            """,
            p =>
            {
                BindService(p);
                BindIds(p, projectIds);
                p.AddWithValue("company", companyId.ToString());
            })).ToDictionary(project => project.Id);
        return [.. projectIds.Distinct().Where(found.ContainsKey).Select(id => found[id])];
    }

    public async Task<IReadOnlyList<Goal>> ListGoalsAsync(Guid companyId, CancellationToken cancellationToken) =>
        await ListOfCompanyAsync<Goal>(StorageNames.Goal, companyId, "payload->>'createdAt', payload->>'id'", cancellationToken);

    public async Task<IReadOnlyList<Label>> ListLabelsAsync(Guid companyId, CancellationToken cancellationToken) =>
        await ListOfCompanyAsync<Label>(StorageNames.Label, companyId, "payload->>'name', payload->>'id'", cancellationToken);

    public async Task<IReadOnlyList<Label>> GetLabelsAsync(IReadOnlyList<Guid> labelIds) =>
        labelIds.Count == 0
            ? []
            : await queries.ReadRecordsAsync<Label>(
                $"""
                SELECT payload::text FROM grain_state
                WHERE {StateQueries.LiveRows(StorageNames.Label)} AND (payload->>'id') = ANY(@ids)
                ORDER BY payload->>'name', payload->>'id'
                """,
                p =>
                {
                    BindService(p);
                    BindIds(p, labelIds);
                });

    public async Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(string kind, Guid? agentId, CancellationToken cancellationToken) =>
        await queries.ReadRecordsAsync<ApiKey>(
            $"""
            SELECT payload::text FROM grain_state
            WHERE {StateQueries.LiveRows(StorageNames.ApiKey)} AND payload->>'kind' = @kind
              AND (@agent::text IS NULL OR payload->>'agentId' = @agent::text)
            ORDER BY payload->>'createdAt' DESC, payload->>'id'
            """,
            p =>
            {
                BindService(p);
                p.AddWithValue("kind", kind);
                p.Add(new NpgsqlParameter("agent", NpgsqlDbType.Text) { Value = (object?)agentId?.ToString() ?? DBNull.Value });
            }, cancellationToken);

    public async Task<ApiKey?> FindApiKeyAsync(Guid keyId) =>
        (await queries.ReadRecordsAsync<ApiKey>(
            $"SELECT payload::text FROM grain_state WHERE {StateQueries.LiveRows(StorageNames.ApiKey)} AND (payload->>'id') = @id",
            p =>
            {
                BindService(p);
                p.AddWithValue("id", keyId.ToString());
            })).FirstOrDefault();

    public async Task<Guid?> FindIssueIdAsync(string identifier) =>
        await queries.ReadScalarAsync(
            $"SELECT payload->>'id' FROM grain_state WHERE {StateQueries.LiveRows(StorageNames.Issue)} AND (payload->>'identifier') = @identifier LIMIT 1",
            p =>
            {
                BindService(p);
                p.AddWithValue("identifier", identifier.ToUpperInvariant());
            }) is string id ? Guid.Parse(id) : null;

    public async Task<Guid?> FindDefaultGoalIdAsync(Guid companyId) =>
        await queries.ReadScalarAsync(
            $"""
            SELECT payload->>'id' FROM grain_state
            WHERE {StateQueries.LiveRows(StorageNames.Goal)} AND (payload->>'companyId') = @company AND payload->>'level' = 'company'
            ORDER BY CASE WHEN payload->>'parentId' IS NULL AND payload->>'status' = 'active' THEN 0
                          WHEN payload->>'parentId' IS NULL THEN 1 ELSE 2 END,
                     payload->>'createdAt', payload->>'id'
            LIMIT 1
            """,
            p =>
            {
                BindService(p);
                p.AddWithValue("company", companyId.ToString());
            }) is string id ? Guid.Parse(id) : null;

    public async Task<IReadOnlyList<Issue>> GetIssueChainAsync(Guid issueId, int maxDepth) =>
        await queries.ReadRecordsAsync<Issue>(
            $$"""
            WITH RECURSIVE chain(id, payload, depth, seen) AS (
                SELECT payload->>'id', payload, 1, ARRAY[payload->>'id']
                FROM grain_state WHERE {{StateQueries.LiveRows(StorageNames.Issue)}} AND (payload->>'id') = @start
                UNION ALL
                SELECT g.payload->>'id', g.payload, chain.depth + 1, chain.seen || (g.payload->>'id')
                FROM chain JOIN grain_state g
                  ON g.service_id = @service AND g.state_name = '{{StorageNames.Issue}}' AND g.payload IS NOT NULL
                 AND (g.payload->>'id') = (chain.payload->>'parentId')
                WHERE chain.depth < @depth AND NOT (g.payload->>'id') = ANY(chain.seen))
            SELECT payload::text FROM chain ORDER BY depth
            """,
            p =>
            {
                BindService(p);
                p.AddWithValue("start", issueId.ToString());
                p.AddWithValue("depth", maxDepth);
            });

    public async Task<IReadOnlyList<HeartbeatRun>> GetLiveRunsAsync(IReadOnlyList<Guid> runIds) =>
        runIds.Count == 0
            ? []
            : await queries.ReadRecordsAsync<HeartbeatRun>(
                $"""
                SELECT payload::text FROM grain_state
                WHERE {StateQueries.LiveRows(StorageNames.HeartbeatRun)} AND (payload->>'id') = ANY(@ids)
                  AND payload->>'status' IN ('queued', 'running') AND payload->>'leaseExpiresAt' > @now
                """,
                p =>
                {
                    BindService(p);
                    BindIds(p, runIds);
                    BindNow(p);
                });

    /// <summary>Scans the partial index of active runs (heartbeat_run_active_lease), a set the per-agent cap keeps small.</summary>
    public async Task<int> CountActiveRunsAsync(Guid agentId) =>
        Convert.ToInt32(await queries.ReadScalarAsync(
            $"""
            SELECT count(*) FROM grain_state
            WHERE {StateQueries.LiveRows(StorageNames.HeartbeatRun)} AND payload->>'status' IN ('queued', 'running')
              AND payload->>'agentId' = @agent
            """,
            p =>
            {
                BindService(p);
                p.AddWithValue("agent", agentId.ToString());
            }), System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<Guid>> FindExpiredRunIdsAsync(int limit) =>
        (await queries.ReadRecordsAsync<HeartbeatRun>(
            $"""
            SELECT payload::text FROM grain_state
            WHERE {StateQueries.LiveRows(StorageNames.HeartbeatRun)} AND payload->>'status' IN ('queued', 'running') AND payload->>'leaseExpiresAt' <= @now
            LIMIT @limit
            """,
            p =>
            {
                BindService(p);
                BindNow(p);
                p.AddWithValue("limit", limit);
            })).Select(run => run.Id).ToList();

    public async Task<bool> HasChildIssuesAsync(Guid issueId) =>
        await queries.ReadScalarAsync(
            $"SELECT EXISTS (SELECT 1 FROM grain_state WHERE {StateQueries.LiveRows(StorageNames.Issue)} AND (payload->>'parentId') = @parent)",
            p =>
            {
                BindService(p);
                p.AddWithValue("parent", issueId.ToString());
            }) is true;

    public Task<IReadOnlyList<WakeupRequest>> ListWakeupsAsync(Guid agentId, int limit, CancellationToken cancellationToken) =>
        wakeups.ListForAgentAsync(agentId, limit, cancellationToken);

    public async Task<IReadOnlyList<Issue>> ListIssuesAsync(IssueQuery query, CancellationToken cancellationToken)
    {
        var (sql, bind) = IssueListSql.Build(query, _serviceId);
        return await queries.ReadRecordsAsync<Issue>(sql, bind, cancellationToken);
    }

    public async Task<IssuePayloads> ListIssuePayloadsAsync(IssueQuery query, CancellationToken cancellationToken)
    {
        var (sql, bind) = IssueListSql.Build(query, _serviceId);
        return new IssuePayloads(await queries.ReadPayloadsAsync(sql, bind, cancellationToken));
    }

    public async Task<IReadOnlyList<IssueComment>> ListCommentsAsync(CommentPage page, CancellationToken cancellationToken) =>
        await content.ListCommentsAsync(page, cancellationToken);

    public Task<int> CountCommentsAsync(Guid issueId) => content.CountCommentsAsync(issueId);

    public Task<IssueComment?> GetCommentAsync(Guid issueId, Guid commentId) => content.GetCommentAsync(issueId, commentId);

    public async Task<IReadOnlyList<DocumentRevision>> ListDocumentRevisionsAsync(Guid documentId, int latestRevisionNumber) =>
        await revisions.ListAsync(documentId, latestRevisionNumber);

    public async Task<IReadOnlyDictionary<Guid, string>> GetRevisionBodiesAsync(IReadOnlyList<Guid> revisionIds) =>
        await revisions.BodiesAsync(revisionIds);

    public async Task<IReadOnlyList<ActivityEntry>> ListActivityAsync(ActivityQuery query, CancellationToken cancellationToken) =>
        await content.ListActivityAsync(query, cancellationToken);

    private Task<List<T>> ListOfCompanyAsync<T>(string kind, Guid companyId, string orderBy, CancellationToken cancellationToken) =>
        queries.ReadRecordsAsync<T>(
            $"SELECT payload::text FROM grain_state WHERE {StateQueries.LiveRows(kind)} AND (payload->>'companyId') = @company ORDER BY {orderBy}",
            p =>
            {
                BindService(p);
                p.AddWithValue("company", companyId.ToString());
            }, cancellationToken);

    private void BindService(NpgsqlParameterCollection parameters) => parameters.AddWithValue("service", _serviceId);

    /// <summary><c>@ids</c>: the ids as the text form stored in the payloads.</summary>
    private static void BindIds(NpgsqlParameterCollection parameters, IReadOnlyList<Guid> ids) =>
        parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ids.Select(id => id.ToString()).ToArray() });

    /// <summary><c>@now</c>: the current time in the stored timestamp form, so text comparison is time comparison.</summary>
    private void BindNow(NpgsqlParameterCollection parameters) =>
        parameters.AddWithValue("now", UtcMillisecondsJsonConverter.ToText(time.UtcNow()));
}
