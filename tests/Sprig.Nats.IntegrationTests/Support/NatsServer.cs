using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>
/// A real nats-server on a free loopback port, started for a test or a test class and killed when disposed. It can be
/// restarted on the same port, and started with a small max payload, a configuration file (e.g. an authorization block) or
/// more command-line arguments (e.g. --user and --pass).
/// </summary>
internal sealed class NatsServer : IAsyncDisposable
{
    private const string Install = "Install it with: apt-get install -y nats-server (Debian/Ubuntu package nats-server).";
    private readonly string _executable;
    private readonly string? _configFile;
    private readonly IReadOnlyList<string> _arguments;
    private Process? _process;
    private OutputLines _log = new();

    private NatsServer(string executable, int port, string? configFile, IReadOnlyList<string> arguments)
    {
        _executable = executable;
        Port = port;
        _configFile = configFile;
        _arguments = arguments;
    }

    /// <summary>Gets the client port.</summary>
    public int Port { get; }

    /// <summary>Gets the URL clients connect to.</summary>
    public string Url => $"nats://127.0.0.1:{Port}";

    /// <summary>Starts a server on a free port and waits until it says it is ready.</summary>
    /// <param name="maxPayload">The server's max_payload in bytes, or <see langword="null"/> for its default (1 MB).</param>
    /// <param name="configuration">More of the server's configuration file, e.g. <c>authorization { ... }</c>.</param>
    /// <param name="arguments">More command-line arguments, e.g. <c>--auth TOKEN</c>.</param>
    public static async Task<NatsServer> StartAsync(int? maxPayload = null, string? configuration = null, IReadOnlyList<string>? arguments = null)
    {
        var executable = FindExecutable();
        string? configFile = null;
        if (maxPayload is not null || configuration is not null)
        {
            configFile = Path.Combine(Path.GetTempPath(), $"sprig-nats-{Guid.NewGuid():N}.conf");
            await File.WriteAllTextAsync(configFile, $"{(maxPayload is { } max ? $"max_payload: {max}\n" : "")}{configuration}\n");
        }

        // A port found free can be taken before nats-server binds it; then it exits at once and another port is tried.
        for (var attempt = 1; ; attempt++)
        {
            var server = new NatsServer(executable, FreePort(), configFile, arguments ?? []);
            if (await server.TryStartAsync() || attempt == 3)
            {
                return server.EnsureRunning();
            }
        }
    }

    /// <summary>Kills the server (as a crash would) and starts it again on the same port.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        // The old listening socket is gone when the process is; nats-server binds with SO_REUSEADDR.
        for (var attempt = 1; !await TryStartAsync(); attempt++)
        {
            if (attempt == 3)
            {
                EnsureRunning();
            }
        }
    }

    /// <summary>
    /// Gets the folder named by SPRIG_TEST_NATS_TRACE: when set, every server traces the protocol (-DV) and its log is written
    /// there when it stops, as nats-server-{port}.log (for debugging a failing test).
    /// </summary>
    private static string? TraceFolder => Environment.GetEnvironmentVariable("SPRIG_TEST_NATS_TRACE") is { Length: > 0 } folder ? folder : null;

    /// <summary>Kills the server and waits for it to exit.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            if (TraceFolder is { } folder)
            {
                await File.AppendAllLinesAsync(Path.Combine(folder, $"nats-server-{Port}.log"), _log.Lines);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().WaitAsync(Deadlines.Exit);
            process.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (_configFile is not null)
        {
            File.Delete(_configFile);
        }
    }

    /// <summary>Describes the server for failure messages: its URL and its log.</summary>
    public override string ToString() => $"nats-server {Url}\n{_log.Text(30)}";

    private async Task<bool> TryStartAsync()
    {
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var trace = TraceFolder is null ? [] : new[] { "-DV" };
        foreach (var argument in (string[])["-a", "127.0.0.1", "-p", Port.ToString(), .. _configFile is null ? [] : new[] { "-c", _configFile }, .. _arguments, .. trace])
        {
            start.ArgumentList.Add(argument);
        }

        var log = new OutputLines();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) => Collect(log, e.Data, "nats-server exited");
        process.OutputDataReceived += (_, e) => Collect(log, e.Data, "nats-server exited");
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _log = log;
        _process = process;
        try
        {
            await log.WaitForAsync(l => l.Contains("Server is ready", StringComparison.Ordinal), "nats-server to be ready", Deadlines.ServerReady, () => log.Text());
            return true;
        }
        catch (InvalidOperationException)
        {
            // The log ended before "ready": nats-server exited, e.g. because the port was taken meanwhile.
            await process.WaitForExitAsync().WaitAsync(Deadlines.Exit);
            _process = null;
            process.Dispose();
            return false;
        }
    }

    private NatsServer EnsureRunning() => _process is not null
        ? this
        : throw new InvalidOperationException($"nats-server did not start on port {Port}:\n{_log.Text()}");

    private static void Collect(OutputLines lines, string? line, string closed)
    {
        if (line is null)
        {
            lines.Close(closed);
        }
        else
        {
            lines.Add(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/usr/bin", "/usr/local/bin"]);
        return candidates.Select(dir => Path.Combine(dir, "nats-server")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"nats-server was not found on PATH (nor in /usr/sbin, /usr/bin, /usr/local/bin); these tests start their own. {Install}");
    }
}
