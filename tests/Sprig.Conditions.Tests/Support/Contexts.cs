using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sprig.Conditions.Tests.Support;

/// <summary>Builds contexts over private registries when a test needs a configuration that ContextRunner does not make.</summary>
internal static class Contexts
{
    public static PendingRegistry Registry(params Type[] types)
    {
        var registry = new PendingRegistry();
        foreach (var type in types)
        {
            registry.Register(type);
        }

        return registry;
    }

    /// <summary>An in-memory configuration that keeps keys exactly as given (ContextRunner turns "a.b" into "a:b").</summary>
    public static IConfigurationRoot InMemory(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    public static ApplicationContext Create(IConfiguration configuration, params Type[] types) =>
        new(Registry(types), configuration, NullLoggerFactory.Instance);
}
