using System.Text.Json;
using Microsoft.Extensions.Configuration;
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

        var context = new ApplicationContext(registry, new ConfigurationBuilder().AddInMemoryCollection(values).Build(), NullLoggerFactory.Instance);
        await context.RefreshAsync();
        return context;
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
