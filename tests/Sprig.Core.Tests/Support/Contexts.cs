using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sprig.Tests.Support;

/// <summary>Builds private registries and contexts for tests: no shared state, so tests run in parallel.</summary>
internal static class Contexts
{
    /// <summary>Creates a context over a private registry holding <paramref name="types"/>, with an empty in-memory configuration.</summary>
    public static ApplicationContext Create(params Type[] types) => Create(Registry(types));

    /// <summary>Creates a context over <paramref name="registry"/> with the given configuration values and logger factory.</summary>
    public static ApplicationContext Create(PendingRegistry registry, IDictionary<string, string?>? configuration = null, ILoggerFactory? loggers = null) =>
        new(registry, new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build(), loggers ?? NullLoggerFactory.Instance);

    /// <summary>Creates and refreshes a context over a private registry holding <paramref name="types"/>.</summary>
    public static ApplicationContext Refreshed(params Type[] types)
    {
        var context = Create(types);
        context.Refresh();
        return context;
    }

    public static PendingRegistry Registry(params Type[] types)
    {
        var registry = new PendingRegistry();
        foreach (var type in types)
        {
            registry.Register(type);
        }

        return registry;
    }
}
