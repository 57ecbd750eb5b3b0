using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sprig.Nats.LoadTest;

/// <summary>A nats-server on a free loopback port for the length of the run.</summary>
internal sealed class NatsServerProcess : IDisposable
{
    private readonly Process _process;

    private NatsServerProcess(Process process, int port)
    {
        _process = process;
        Url = $"nats://127.0.0.1:{port}";
    }

    public string Url { get; }

    public static async Task<NatsServerProcess> StartAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var process = Process.Start(new ProcessStartInfo("nats-server", $"-a 127.0.0.1 -p {port}") { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("nats-server did not start: install it with 'apt-get install -y nats-server'.");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new NatsServerProcess(process, port);
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Yield();
            }
        }
    }

    public void Dispose()
    {
        _process.Kill();
        _process.Dispose();
    }
}
