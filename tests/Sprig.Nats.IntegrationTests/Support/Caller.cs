using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>The test process's side of a call: a refreshed context with the NATS transport that only calls (serves nothing).</summary>
internal static class Caller
{
    /// <summary>Creates and refreshes a calling context connected to <paramref name="nats"/>.</summary>
    /// <param name="nats">The server.</param>
    /// <param name="register">Components of the calling process, e.g. one that injects a contract.</param>
    /// <param name="settings">More configuration as "Key=Value".</param>
    public static async Task<ApplicationContext> ConnectAsync(NatsServer nats, Action<PendingRegistry>? register = null, params string[] settings)
    {
        var context = Create(nats, register, NullLoggerFactory.Instance, settings);
        await context.RefreshAsync();
        return context;
    }

    /// <summary>Creates and refreshes a calling context that logs to <paramref name="loggers"/>.</summary>
    public static async Task<ApplicationContext> ConnectLoggingAsync(NatsServer nats, ILoggerFactory loggers, params string[] settings)
    {
        var context = Create(nats, null, loggers, settings);
        await context.RefreshAsync();
        return context;
    }

    /// <summary>Refreshes a calling context that must fail to start (e.g. refused by the server), within a bound, and returns why.</summary>
    /// <param name="nats">The server.</param>
    /// <param name="loggers">Where the context logs.</param>
    /// <param name="settings">More configuration as "Key=Value"; "Sprig:Nats:Url=..." replaces the server's plain URL.</param>
    public static async Task<ContainerException> RefusedAsync(NatsServer nats, ILoggerFactory loggers, params string[] settings)
    {
        using var context = Create(nats, null, loggers, settings);
        try
        {
            // Refresh() itself, on another thread: a hang fails the test at the bound instead of blocking the run.
            await Task.Run(context.Refresh).WaitAsync(Deadlines.Call);
        }
        catch (ContainerException ex)
        {
            context.State.Should().Be(ContextState.Failed);
            return ex;
        }

        throw new InvalidOperationException($"Refresh succeeded, but {nats.Url} must have refused the connection with settings [{string.Join(", ", settings)}].");
    }

    /// <summary>Creates a calling context connected to <paramref name="nats"/>, not yet refreshed.</summary>
    private static ApplicationContext Create(NatsServer nats, Action<PendingRegistry>? register, ILoggerFactory loggers, string[] settings)
    {
        var registry = new PendingRegistry().AddNats();
        register?.Invoke(registry);
        var values = new Dictionary<string, string?>
        {
            ["Sprig:Nats:Url"] = nats.Url,
            ["Sprig:Nats:Serve"] = "false",
        };
        foreach (var setting in settings)
        {
            var at = setting.IndexOf('=', StringComparison.Ordinal);
            values[setting[..at]] = setting[(at + 1)..];
        }

        return new ApplicationContext(registry, new ConfigurationBuilder().AddInMemoryCollection(values).Build(), loggers);
    }

    /// <summary>Makes call arguments: an object of named parameters, as the wire format sends them.</summary>
    public static JsonElement Arguments(object arguments) => JsonSerializer.SerializeToElement(arguments, JsonSerializerOptions.Web);

    /// <summary>Makes call arguments from JSON text.</summary>
    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
