using System.Diagnostics;

namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// A real silo process (<c>Paperclip.Silo.dll</c>, built next to the tests), so tests can kill
/// it for real, or a standalone gateway (<c>Paperclip.Gateway.dll</c>). Its output is kept for
/// the failure message of a test that waited on it.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;
    private bool _disposed;

    private SiloProcess(Process process, string name, SiloPorts ports)
    {
        _process = process;
        _output = ProcessOutput.Capture(process);
        Name = name;
        Ports = ports;
    }

    public string Name { get; }
    public SiloPorts Ports { get; }
    public int SiloPort => Ports.Silo;
    /// <summary>The co-hosted HTTP API's port, or 0 for a grain-only silo.</summary>
    public int HttpPort => Ports.Http;
    public bool HasExited => _process.HasExited;

    /// <summary>The most memory the process has held so far (VmHWM, peak resident set), in bytes.</summary>
    public long PeakResidentBytes =>
        File.ReadLines($"/proc/{_process.Id}/status").Where(line => line.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024).Single();
    public string Output => _output.Text;

    /// <summary>
    /// Starts a silo on free ports, or on <paramref name="ports"/> of an earlier process: a restart
    /// on the same endpoint is what an operator's restart does, and lets the new generation
    /// replace the old one in the membership table.
    /// </summary>
    public static SiloProcess Start(
        string databaseUrl, string clusterId, string name, bool withHttp,
        IReadOnlyDictionary<string, string>? environment = null, SiloPorts? ports = null)
    {
        ports ??= new SiloPorts(FreePorts.Next(), FreePorts.Next(), withHttp ? FreePorts.Next() : 0);
        return Launch("Paperclip.Silo.dll", databaseUrl, clusterId, name, environment, ports);
    }

    /// <summary>Starts a standalone gateway (an Orleans client serving HTTP) on a free HTTP port; it has no silo ports.</summary>
    public static SiloProcess StartGateway(string databaseUrl, string clusterId, string name, IReadOnlyDictionary<string, string>? environment = null) =>
        Launch("Paperclip.Gateway.dll", databaseUrl, clusterId, name, environment, new SiloPorts(0, 0, FreePorts.Next()));

    private static SiloProcess Launch(
        string program, string databaseUrl, string clusterId, string name, IReadOnlyDictionary<string, string>? environment, SiloPorts ports)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, program)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["PAPERCLIP_DATABASE_URL"] = databaseUrl;
        start.Environment["PAPERCLIP_CLUSTER_ID"] = clusterId;
        start.Environment["PAPERCLIP_SILO_NAME"] = name;
        start.Environment["PAPERCLIP_SILO_PORT"] = ports.Silo.ToString();
        start.Environment["PAPERCLIP_GATEWAY_PORT"] = ports.Gateway.ToString();
        start.Environment["PAPERCLIP_HTTP_PORT"] = ports.Http.ToString();
        start.Environment["PAPERCLIP_FAST_FAILOVER"] = "true";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        return new SiloProcess(process, name, ports);
    }

    /// <summary>Waits until the co-hosted API answers <c>/api/health</c>.</summary>
    public async Task WaitForHttpAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Silo {Name} exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{HttpPort}/api/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow start on a busy machine.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Silo {Name} did not serve HTTP within {timeout}:\n{Output}");
    }

    /// <summary>Kills the process at once (SIGKILL, no graceful shutdown), like a crash.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Kills the process and waits until it is gone, so its ports can be reused.</summary>
    public async Task KillAsync()
    {
        Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>
    /// Asks the process to stop (SIGTERM) and waits for it, as an operator's stop would. Returns
    /// its exit code: 0 for a clean shutdown; 137 when it had to be killed after 20 s.
    /// </summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
            await terminate!.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
            }
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }
}

/// <summary>The ports a silo process listens on: silo-to-silo, client gateway, and HTTP (0 = none).</summary>
public sealed record SiloPorts(int Silo, int Gateway, int Http);
