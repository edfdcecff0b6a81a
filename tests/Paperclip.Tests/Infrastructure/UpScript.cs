using System.Diagnostics;
using System.Net.Sockets;

namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// <c>deploy/up.sh --silos N</c> as an operator runs it (against a test database, with the
/// already-built silo), so failure tests hit the processes and the supervision the script
/// really starts. Silo pids come from the script's <c>&lt;data&gt;/run/silo-&lt;i&gt;.pid</c> files.
/// </summary>
public sealed class UpScript : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output;
    private readonly string _dataDir;
    private readonly int _gatewayBase;

    private UpScript(Process process, string dataDir, int httpPort, int gatewayBase, int silos)
    {
        _process = process;
        _output = ProcessOutput.Capture(process);
        _dataDir = dataDir;
        _gatewayBase = gatewayBase;
        HttpPort = httpPort;
        Silos = silos;
    }

    public int HttpPort { get; }
    public int Silos { get; }
    public string Output => _output.Text;

    /// <summary>Per pool and silo: fewer than up.sh's default, the suite shares one PostgreSQL.</summary>
    public const int WarmConnections = 4;

    public static async Task<UpScript> StartAsync(TestDatabase database, int silos, TimeSpan timeout)
    {
        var dataDir = Directory.CreateTempSubdirectory("paperclip-up-").FullName;
        var httpPort = FreePorts.Next();
        var siloBase = FreePorts.Range(silos);
        var gatewayBase = FreePorts.Range(silos);
        var start = new ProcessStartInfo("bash",
            [Path.Combine(Repository.Root, "deploy", "up.sh"), "--port", httpPort.ToString(), "--silos", silos.ToString(), "--data-dir", dataDir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PAPERCLIP_DATABASE_URL"] = database.Url;
        start.Environment["PAPERCLIP_SKIP_BUILD"] = "1";
        start.Environment["PAPERCLIP_SILO_BASE_PORT"] = siloBase.ToString();
        start.Environment["PAPERCLIP_GATEWAY_BASE_PORT"] = gatewayBase.ToString();
        start.Environment["PAPERCLIP_HEALTH_TIMEOUT"] = ((int)timeout.TotalSeconds).ToString();
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["PAPERCLIP_DB_WARM_CONNECTIONS"] = WarmConnections.ToString();
        var script = new UpScript(Process.Start(start) ?? throw new InvalidOperationException("Could not start deploy/up.sh."),
            dataDir, httpPort, gatewayBase, silos);
        try
        {
            await script.WaitForOutputAsync("Paperclip is running at", timeout);
            return script;
        }
        catch
        {
            await script.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the shared HTTP port; each new connection may land on any silo.</summary>
    public ApiClient NewClient() =>
        new(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}"), Timeout = TimeSpan.FromSeconds(40) });

    public int SiloPid(int silo) => int.Parse(File.ReadAllText(Path.Combine(_dataDir, "run", $"silo-{silo}.pid")).Trim());

    /// <summary>Sends a signal to silo <paramref name="silo"/>'s current process and returns its pid.</summary>
    public async Task<int> SignalSiloAsync(int silo, string signal)
    {
        var pid = SiloPid(silo);
        var (exitCode, output) = await ExternalCommand.RunAsync("kill", [$"-{signal}", pid.ToString()]);
        Assert.True(exitCode == 0, $"kill -{signal} {pid}: {output}");
        return pid;
    }

    /// <summary>Waits until the supervisor has replaced <paramref name="oldPid"/> with a process whose silo is listening again.</summary>
    public async Task<TimeSpan> WaitForRestartAsync(int silo, int oldPid, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (File.Exists(Path.Combine(_dataDir, "run", $"silo-{silo}.pid")) && SiloPid(silo) != oldPid && IsListening(_gatewayBase + silo))
            {
                return clock.Elapsed;
            }
            Assert.False(_process.HasExited, $"deploy/up.sh exited:\n{Output}");
            await Task.Delay(200);
        }
        throw new TimeoutException($"silo-{silo} was not restarted within {timeout}:\n{Tail(Output)}");
    }

    /// <summary>Waits until every silo has a process whose silo and HTTP listener are up; returns how long that took.</summary>
    public async Task<TimeSpan> WaitUntilEverySiloServesAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var running = Enumerable.Range(0, Silos).All(silo =>
                File.Exists(Path.Combine(_dataDir, "run", $"silo-{silo}.pid")) && IsListening(_gatewayBase + silo));
            if (running && HttpListeners() == Silos)
            {
                return clock.Elapsed;
            }
            Assert.False(_process.HasExited, $"deploy/up.sh exited:\n{Output}");
            await Task.Delay(200);
        }
        throw new TimeoutException($"not every silo serves HTTP after {timeout} ({HttpListeners()} listeners):\n{Tail(Output)}");
    }

    /// <summary>Sockets listening on the shared HTTP port (one per serving process), from /proc/net/tcp.</summary>
    private int HttpListeners()
    {
        const string Listen = "0A";
        var local = $"0100007F:{HttpPort:X4}";
        return File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(fields => fields[1] == local && fields[3] == Listen);
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || clock.Elapsed > timeout)
            {
                throw new InvalidOperationException($"no \"{text}\" from deploy/up.sh (exited: {_process.HasExited}) after {clock.Elapsed}:\n{Tail(Output)}");
            }
            await Task.Delay(200);
        }
    }

    public static string Tail(string text) => text.Length > 8000 ? text[^8000..] : text;

    /// <summary>Stops the script the way an operator does (SIGTERM), which stops every silo.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
            await terminate!.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
