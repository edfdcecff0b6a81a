using System.Diagnostics;
using System.Text;

namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// A real silo process (<c>Paperclip.Silo.dll</c>, built next to the tests), so tests can kill
/// it for real. Its output is kept for the failure message of a test that waited on it.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, string name, int siloPort, int httpPort)
    {
        _process = process;
        Name = name;
        SiloPort = siloPort;
        HttpPort = httpPort;
    }

    public string Name { get; }
    public int SiloPort { get; }
    /// <summary>The co-hosted HTTP API's port, or 0 for a grain-only silo.</summary>
    public int HttpPort { get; }
    public bool HasExited => _process.HasExited;
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public static SiloProcess Start(string databaseUrl, string clusterId, string name, bool withHttp, IReadOnlyDictionary<string, string>? environment = null)
    {
        var siloPort = FreePorts.Next();
        var httpPort = withHttp ? FreePorts.Next() : 0;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Paperclip.Silo.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["PAPERCLIP_DATABASE_URL"] = databaseUrl;
        start.Environment["PAPERCLIP_CLUSTER_ID"] = clusterId;
        start.Environment["PAPERCLIP_SILO_NAME"] = name;
        start.Environment["PAPERCLIP_SILO_PORT"] = siloPort.ToString();
        start.Environment["PAPERCLIP_GATEWAY_PORT"] = FreePorts.Next().ToString();
        start.Environment["PAPERCLIP_HTTP_PORT"] = httpPort.ToString();
        start.Environment["PAPERCLIP_FAST_FAILOVER"] = "true";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the silo process.");
        var silo = new SiloProcess(process, name, siloPort, httpPort);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
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

    /// <summary>Kills the process at once (no graceful shutdown), like a crash.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Asks the process to stop (SIGTERM) and waits for it, as an operator's stop would.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        using var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        await terminate!.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
