namespace Paperclip.Grains.Storage;

/// <summary>
/// Our SQL for the Orleans ADO.NET clustering and persistence providers, written to the query
/// contract of Orleans 10.4.2 (see shared/notes/orleans-adonet-contract.md): each key is one
/// statement, parameters are named without prefix, result columns are matched by name.
/// Multi-step writes are single data-modifying statements so they commit or roll back whole.
/// </summary>
public static class ProviderQueries
{
    private const string MemberColumns = """
        v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
        m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
        m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
        """;

    private const string GrainRow = """
        service_id = @ServiceId AND state_name = @GrainTypeString AND id_n0 = @GrainIdN0
        AND id_n1 = @GrainIdN1 AND id_ext = COALESCE(@GrainIdExtensionString, '')
        """;

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        // Creates the deployment's version row once; later callers get false, never an error.
        ["InsertMembershipVersionKey"] = """
            WITH created AS (
                INSERT INTO cluster_version (deployment_id, version) VALUES (@DeploymentId, 0)
                ON CONFLICT (deployment_id) DO NOTHING RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM created)
            """,

        // Version and members from one snapshot; a deployment without members yields one row with NULL member columns.
        ["MembershipReadAllKey"] = $"""
            SELECT {MemberColumns}
            FROM cluster_version v LEFT JOIN cluster_member m ON m.deployment_id = v.deployment_id
            WHERE v.deployment_id = @DeploymentId
            """,

        ["MembershipReadRowKey"] = $"""
            SELECT {MemberColumns}
            FROM cluster_version v LEFT JOIN cluster_member m ON m.deployment_id = v.deployment_id
                AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.deployment_id = @DeploymentId
            """,

        // Compare-and-increment: lock the version row only if it still holds @Version, insert the
        // member only then, bump the version only if the insert happened.
        ["InsertMembershipKey"] = """
            WITH expected AS (
                SELECT deployment_id FROM cluster_version
                WHERE deployment_id = @DeploymentId AND version = @Version FOR UPDATE),
            inserted AS (
                INSERT INTO cluster_member (deployment_id, address, port, generation, silo_name, host_name,
                                            status, proxy_port, suspect_times, start_time, i_am_alive_time)
                SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName,
                       @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime
                FROM expected
                ON CONFLICT DO NOTHING RETURNING 1),
            bumped AS (
                UPDATE cluster_version SET version = version + 1, changed_at = now()
                WHERE deployment_id = @DeploymentId AND EXISTS (SELECT 1 FROM inserted) RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM bumped)
            """,

        ["UpdateMembershipKey"] = """
            WITH expected AS (
                SELECT deployment_id FROM cluster_version
                WHERE deployment_id = @DeploymentId AND version = @Version FOR UPDATE),
            updated AS (
                UPDATE cluster_member m
                SET status = @Status, suspect_times = @SuspectTimes,
                    i_am_alive_time = GREATEST(m.i_am_alive_time, @IAmAliveTime)
                FROM expected
                WHERE m.deployment_id = expected.deployment_id AND m.address = @Address
                  AND m.port = @Port AND m.generation = @Generation
                RETURNING 1),
            bumped AS (
                UPDATE cluster_version SET version = version + 1, changed_at = now()
                WHERE deployment_id = @DeploymentId AND EXISTS (SELECT 1 FROM updated) RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM bumped)
            """,

        // Heartbeat: never touches the version, so it cannot conflict with membership changes.
        ["UpdateIAmAlivetimeKey"] = """
            UPDATE cluster_member SET i_am_alive_time = GREATEST(i_am_alive_time, @IAmAliveTime)
            WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
            """,

        ["GatewaysQueryKey"] = """
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
            FROM cluster_member
            WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
            """,

        ["DeleteMembershipTableEntriesKey"] = """
            DELETE FROM cluster_version WHERE deployment_id = @DeploymentId
            """,

        // Dead = SiloStatus 6.
        ["CleanupDefunctSiloEntriesKey"] = """
            DELETE FROM cluster_member
            WHERE deployment_id = @DeploymentId AND status = 6
              AND i_am_alive_time < @IAmAliveTime AND start_time < @IAmAliveTime
            """,

        // Deletes one dead row only if nobody changed it since the provider read it.
        ["CleanupDefunctSiloEntryKey"] = """
            DELETE FROM cluster_member
            WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port
              AND generation = @Generation AND status = 6
              AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
              AND COALESCE(suspect_times, '') = COALESCE(@SuspectTimes, '')
            """,

        // The provider wants bytes: jsonb comes back from Npgsql as text, so convert in SQL.
        ["ReadFromStorageKey"] = $"""
            SELECT convert_to(payload::text, 'UTF8') AS "PayloadBinary", version AS "Version"
            FROM grain_state WHERE {GrainRow}
            """,

        // NULL version: insert version 1 if no row exists. Otherwise update only from the expected
        // version. Any miss returns NULL, which the provider reports as InconsistentStateException.
        // Only the row's own key counts as "exists": a clash with another unique index (a taken
        // name, StateRules) must fail the statement, not pass for a version conflict.
        ["WriteToStorageKey"] = $"""
            WITH updated AS (
                UPDATE grain_state
                SET payload = convert_from(@PayloadBinary, 'UTF8')::jsonb, version = version + 1, modified_at = now()
                WHERE {GrainRow} AND @GrainStateVersion IS NOT NULL AND version = @GrainStateVersion
                RETURNING version),
            inserted AS (
                INSERT INTO grain_state (service_id, state_name, id_n0, id_n1, id_ext, payload, version, modified_at)
                SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''),
                       convert_from(@PayloadBinary, 'UTF8')::jsonb, 1, now()
                WHERE @GrainStateVersion IS NULL
                ON CONFLICT (service_id, state_name, id_n0, id_n1, id_ext) DO NOTHING RETURNING version)
            SELECT (SELECT version FROM updated UNION ALL SELECT version FROM inserted LIMIT 1) AS "NewGrainStateVersion"
            """,

        // Clearing keeps the row (payload NULL, version + 1) so the version history continues.
        ["ClearStorageKey"] = $"""
            WITH cleared AS (
                UPDATE grain_state SET payload = NULL, version = version + 1, modified_at = now()
                WHERE {GrainRow} AND version = @GrainStateVersion
                RETURNING version)
            SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion"
            """,
    };
}
