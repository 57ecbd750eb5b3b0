using Microsoft.Extensions.Configuration;

namespace Sprig.Aot.Tests.Support;

/// <summary>Builds private registries and contexts for tests: no shared state, so tests run in parallel.</summary>
internal static class Contexts
{
    /// <summary>Creates a context over a private registry holding <paramref name="types"/> and the given configuration values.</summary>
    public static ApplicationContext Create(IDictionary<string, string?>? configuration, params Type[] types)
    {
        var registry = new PendingRegistry();
        foreach (var type in types)
        {
            registry.Register(type);
        }

        return Create(registry, configuration);
    }

    /// <summary>Creates a context over <paramref name="registry"/> with the given configuration values.</summary>
    public static ApplicationContext Create(PendingRegistry registry, IDictionary<string, string?>? configuration = null) =>
        new(registry, new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build());

    /// <summary>Creates and refreshes a context over a private registry holding <paramref name="types"/>.</summary>
    public static ApplicationContext Refreshed(params Type[] types)
    {
        var context = Create(null, types);
        context.Refresh();
        return context;
    }
}
