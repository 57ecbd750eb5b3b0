using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sprig.Nats.Tests.Support;

/// <summary>
/// A real nats-server (/usr/bin/nats-server, Debian package nats-server) on a free loopback port, one per test class; killed on
/// dispose. <see cref="RestartAsync"/> kills it and starts it again on the same port, with the same or other arguments.
/// </summary>
public class NatsServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(15);
    private Process? _process;
    private IReadOnlyList<string> _arguments = [];

    public int Port { get; private set; }

    public string Url => $"nats://127.0.0.1:{Port}";

    /// <summary>Gets more command-line arguments of the server, e.g. --user and --pass.</summary>
    protected virtual IReadOnlyList<string> Arguments => [];

    public async Task InitializeAsync()
    {
        _arguments = Arguments;
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // The free port was taken before nats-server bound it: try another.
            }
        }
    }

    public virtual async Task DisposeAsync() => await KillAsync();

    /// <summary>Kills the server, as a crash would, and waits until it has exited.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().WaitAsync(StartDeadline);
            process.Dispose();
        }
    }

    /// <summary>Kills the server and starts a new one on the same port, with other arguments when given.</summary>
    public async Task RestartAsync(IReadOnlyList<string>? arguments = null)
    {
        await KillAsync();
        _arguments = arguments ?? _arguments;
        await StartAsync();
    }

    private async Task StartAsync()
    {
        var executable = new[] { "/usr/bin/nats-server", "/usr/sbin/nats-server", "/usr/local/bin/nats-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nats-server is not installed: apt-get install -y nats-server (Debian package nats-server).");
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-a");
        start.ArgumentList.Add("127.0.0.1");
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        // Poll the port until it takes connections, within a bounded deadline.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                _process = null;
                throw new InvalidOperationException($"nats-server exited at once (code {process.ExitCode}) on port {Port}.");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port).WaitAsync(TimeSpan.FromSeconds(1));
                return;
            }
            catch (Exception ex) when (ex is SocketException or TimeoutException)
            {
                if (deadline.Elapsed > StartDeadline)
                {
                    throw new TimeoutException($"nats-server did not take connections on port {Port} within {StartDeadline}.", ex);
                }
            }

            await Task.Delay(20);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
