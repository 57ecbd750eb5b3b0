using Sprig.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>
/// A calling context for the governance tests: like <see cref="Caller"/>, but its configuration is a root the test keeps (to
/// change a setting and <see cref="IConfigurationRoot.Reload"/> it), and its log, governance's decisions included, is kept.
/// </summary>
internal sealed class GovernedCaller : IAsyncDisposable
{
    private readonly LogCapture _log;
    private readonly ILoggerFactory _loggers;

    private GovernedCaller(ApplicationContext context, IConfigurationRoot configuration, LogCapture log, ILoggerFactory loggers)
    {
        Context = context;
        Configuration = configuration;
        _log = log;
        _loggers = loggers;
    }

    /// <summary>Gets the refreshed context.</summary>
    public ApplicationContext Context { get; }

    /// <summary>Gets the context's configuration: set a key, then reload it.</summary>
    public IConfigurationRoot Configuration { get; }

    /// <summary>Gets the messages governance logged (category Sprig.Governance), in order.</summary>
    public IReadOnlyList<string> GovernanceLog => [.. _log.Lines.Where(l => l.Category == "Sprig.Governance").Select(l => l.Message)];

    /// <summary>Creates and refreshes a calling context connected to <paramref name="nats"/> that serves nothing.</summary>
    /// <param name="nats">The server.</param>
    /// <param name="register">Components of the calling process (a fallback, a component that injects a contract, a clock).</param>
    /// <param name="settings">More configuration as "Key=Value".</param>
    public static async Task<GovernedCaller> ConnectAsync(NatsServer nats, Action<PendingRegistry>? register = null, params string[] settings)
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

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var capture = new LogCapture();
        var loggers = capture.CreateFactory();
        var context = new ApplicationContext(registry, configuration, loggers);
        var caller = new GovernedCaller(context, configuration, capture, loggers);
        try
        {
            await context.RefreshAsync();
        }
        catch
        {
            await caller.DisposeAsync();
            throw;
        }

        return caller;
    }

    /// <summary>Sets configuration keys ("Key=Value") and reloads the configuration, as a changed appsettings.json would.</summary>
    public void Reload(params string[] settings)
    {
        foreach (var setting in settings)
        {
            var at = setting.IndexOf('=', StringComparison.Ordinal);
            Configuration[setting[..at]] = setting[(at + 1)..];
        }

        Configuration.Reload();
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _loggers.Dispose();
    }
}
