namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// Runs a bash script with <c>deploy/lib/postgres.sh</c> loaded, against a fresh temp folder
/// (<c>$WORK</c>) whose server <c>$WORK/pg</c>, if the script starts one, is stopped at the end.
/// </summary>
public static class LocalPostgresScript
{
    public static async Task<string> RunAsync(string script)
    {
        var work = Directory.CreateTempSubdirectory("paperclip-pg-").FullName;
        try
        {
            var (exitCode, output) = await ExternalCommand.RunAsync("bash",
            [
                "-c",
                "set -euo pipefail; source \"$0\"; trap 'pg_stop \"$WORK/pg\"' EXIT; pg_ensure_installed\n" + script,
                Path.Combine(Repository.Root, "deploy", "lib", "postgres.sh"),
            ],
            // As root the server runs as the postgres OS user, who must be let into the folder.
            new Dictionary<string, string> { ["WORK"] = work, ["PG_CHMOD_WITHIN"] = work });
            Assert.True(exitCode == 0, $"the script failed with {exitCode}:\n{output}");
            return output;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
