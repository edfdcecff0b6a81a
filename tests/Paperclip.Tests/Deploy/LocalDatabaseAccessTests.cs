using Npgsql;
using Paperclip.Gateway.Hosting;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Deploy;

/// <summary>
/// The PostgreSQL that deploy/up.sh and deploy/test.sh start on 127.0.0.1 is reachable by every
/// user of the host, so it must ask for the password that only its owner can read.
/// </summary>
public sealed class LocalDatabaseAccessTests
{
    private static NpgsqlConnectionStringBuilder Server() => new(DatabaseUrl.ToConnectionString(TestDatabase.ServerUrl));

    [Fact]
    public async Task LocalDatabaseRefusesConnectionsWithoutThePassword()
    {
        var server = Server();
        server.Password = null;
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        // Npgsql gives up before sending anything once the server asks for a password it has not got.
        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
        Assert.Contains("password", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LocalDatabaseRefusesAWrongPassword()
    {
        var server = Server();
        server.Password = "not-the-password";
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Fact]
    public async Task OtherLocalUsersCannotLogInToTheLocalDatabase()
    {
        // Acting as another OS user needs root, as CI has; elsewhere the test has no one to be.
        if (!Environment.IsPrivilegedProcess || !ExternalCommand.IsInstalled("psql"))
        {
            return;
        }
        var server = Server();
        var (exitCode, output) = await ExternalCommand.RunAsync("runuser",
            ["-u", "nobody", "--", "psql", "-w", "-h", server.Host!, "-p", server.Port.ToString(), "-U", "postgres", "-d", "postgres", "-c", "select 1"]);
        Assert.True(exitCode != 0, $"nobody logged in as postgres:\n{output}");
        Assert.Contains("no password supplied", output);
    }

    [Fact]
    public async Task AsRootADataFolderInAPrivateHomeGetsItsDatabaseUnderVarLib()
    {
        // A clone under /root (mode 700) as root: the postgres OS user cannot enter it, and
        // loosening /root is not ours to do, so the cluster lives in /var/lib/paperclip.
        if (!Environment.IsPrivilegedProcess)
        {
            return;
        }
        var output = await LocalPostgresScript.RunAsync("""
            mkdir -m 700 "$WORK/home"
            PG_CHMOD_WITHIN="$WORK/home/project"
            pg_start_local "$WORK/home/project/.paperclip/pg" "$(free_port)" throwaway
            home=$(readlink "$WORK/home/project/.paperclip/pg")
            echo "linked to: $home"
            echo "home: $(stat -c '%a %U' "$WORK/home")"
            pg_create_database "$PG_PORT" paperclip && echo "database created"
            pg_stop "$WORK/home/project/.paperclip/pg"
            pg_running_port "$WORK/home/project/.paperclip/pg" || echo "stopped"
            rm -rf "$home" "$home.password"
            """);
        Assert.Matches("linked to: /var/lib/paperclip/postgres-[0-9a-f]{16}\n", output);
        Assert.Contains("home: 700 root", output);
        Assert.Contains("database created", output);
        Assert.Contains("stopped", output);
    }

    [Fact]
    public async Task LocalDatabasePasswordIsInAFileOnlyItsOwnerCanRead()
    {
        var output = await LocalPostgresScript.RunAsync("""
            pg_start_local "$WORK/pg" "$(free_port)" throwaway
            pg_create_database "$PG_PORT" paperclip
            echo "file: $(stat -c '%a %U' "$(pg_password_file "$WORK/pg")")"
            """);
        Assert.Contains($"file: 600 {Environment.UserName}", output);
    }

    [Fact]
    public async Task LocalDatabaseOfAnOlderVersionAsksForAPasswordAfterItsNextStart()
    {
        var output = await LocalPostgresScript.RunAsync("""
            pg_start_local "$WORK/pg" "$(free_port)" throwaway
            pg_stop "$WORK/pg"
            # What older versions left behind: no password file, every connection trusted.
            rm "$(pg_password_file "$WORK/pg")"
            echo 'host all all 127.0.0.1/32 trust' >"$WORK/pg/pg_hba.conf"
            pg_start_local "$WORK/pg" "$PG_PORT" throwaway
            psql -w -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c 'select 1' 2>&1 || true
            PGPASSWORD=$PG_PASSWORD psql -w -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atc "select 'with password: ok'"
            """);
        Assert.Contains("no password supplied", output);
        Assert.Contains("with password: ok", output);
    }
}
