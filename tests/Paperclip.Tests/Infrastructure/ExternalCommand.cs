using System.Diagnostics;

namespace Paperclip.Tests.Infrastructure;

/// <summary>Runs a program to its end, for tests of the deploy scripts and of what other OS users can reach.</summary>
public static class ExternalCommand
{
    /// <summary>Returns the exit code and everything the program printed (stdout and stderr interleaved).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        // "/" because another OS user (runuser) may not be allowed into the test's own folder.
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = ProcessOutput.Capture(process);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within 60 s:\n{output}");
        }
        return (process.ExitCode, output.Text);
    }

    /// <summary>Whether <paramref name="program"/> is on PATH.</summary>
    public static bool IsInstalled(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
