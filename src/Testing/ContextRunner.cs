using System.Collections.Immutable;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sprig.Testing;

/// <summary>
/// Runs assertions against a freshly refreshed context built from a private registry, like Spring Boot's
/// <c>ApplicationContextRunner</c>. Immutable: every <c>With…</c> returns a new runner, so a base runner can be shared by tests,
/// and runs never see each other's state, so tests using runners can run in parallel.
/// </summary>
/// <example>
/// <code>
/// new ContextRunner()
///     .WithComponents(typeof(EmailService), typeof(UserService))
///     .WithProperty("feature.email", "true")
///     .Run(context => context.Contains("EmailService").Should().BeTrue());
/// </code>
/// </example>
public sealed class ContextRunner
{
    private readonly ImmutableList<Type> _components;
    private readonly ImmutableDictionary<string, string?> _properties;
    private readonly ImmutableList<string> _profiles;
    private readonly ILoggerFactory _loggers;

    /// <summary>Initializes an empty runner: no components, no properties, no profiles, no logging.</summary>
    public ContextRunner()
        : this([], ImmutableDictionary<string, string?>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase), [], NullLoggerFactory.Instance)
    {
    }

    private ContextRunner(ImmutableList<Type> components, ImmutableDictionary<string, string?> properties, ImmutableList<string> profiles, ILoggerFactory loggers)
    {
        _components = components;
        _properties = properties;
        _profiles = profiles;
        _loggers = loggers;
    }

    /// <summary>Returns a runner that also registers these component classes, in this order.</summary>
    /// <param name="types">The component classes; their attributes are honoured.</param>
    /// <returns>A new runner.</returns>
    public ContextRunner WithComponents(params Type[] types) => new(_components.AddRange(types), _properties, _profiles, _loggers);

    /// <summary>Returns a runner with a configuration property set ("a.b" and "a:b" are the same key); <see langword="null"/> removes it.</summary>
    /// <param name="key">The configuration key.</param>
    /// <param name="value">The value.</param>
    /// <returns>A new runner.</returns>
    public ContextRunner WithProperty(string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var normalized = key.Replace('.', ':');
        return new(_components, value is null ? _properties.Remove(normalized) : _properties.SetItem(normalized, value), _profiles, _loggers);
    }

    /// <summary>Returns a runner with these profiles active too.</summary>
    /// <param name="profiles">Profile names.</param>
    /// <returns>A new runner.</returns>
    public ContextRunner WithProfiles(params string[] profiles) => new(_components, _properties, _profiles.AddRange(profiles), _loggers);

    /// <summary>Returns a runner whose contexts log to this factory (the default logs nothing).</summary>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <returns>A new runner.</returns>
    public ContextRunner WithLoggerFactory(ILoggerFactory loggerFactory) => new(_components, _properties, _profiles, loggerFactory);

    /// <summary>Builds a private registry and context, refreshes it, runs the assertions and shuts the context down.</summary>
    /// <param name="assertions">The assertions on the running context.</param>
    /// <exception cref="ContainerException">Refresh failed; use <see cref="RunFailing"/> to assert on the failure instead.</exception>
    public void Run(Action<ApplicationContext> assertions)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        using var context = CreateContext();
        context.Refresh();
        assertions(context);
    }

    /// <summary>Like <see cref="Run"/>, with asynchronous assertions.</summary>
    /// <param name="assertions">The assertions on the running context.</param>
    /// <returns>A task that completes when the context is shut down.</returns>
    public async Task RunAsync(Func<ApplicationContext, Task> assertions)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        await using var context = CreateContext();
        await context.RefreshAsync().ConfigureAwait(false);
        await assertions(context).ConfigureAwait(false);
    }

    /// <summary>Refreshes a context that is expected to fail and returns the failure.</summary>
    /// <returns>The exception refresh threw.</returns>
    /// <exception cref="InvalidOperationException">Refresh succeeded.</exception>
    public ContainerException RunFailing()
    {
        using var context = CreateContext();
        try
        {
            context.Refresh();
        }
        catch (ContainerException ex)
        {
            return ex;
        }

        throw new InvalidOperationException("Refresh was expected to fail, but it succeeded.");
    }

    /// <summary>Creates the context a run would use, not yet refreshed.</summary>
    /// <returns>The context; the caller disposes it.</returns>
    public ApplicationContext CreateContext()
    {
        var registry = new PendingRegistry();
        foreach (var type in _components)
        {
            registry.Register(type);
        }

        var properties = _properties;
        if (_profiles.Count > 0)
        {
            // Appended to what the properties activate; the context reads (trims, de-duplicates) the list.
            var added = string.Join(',', _profiles);
            properties = properties.SetItem("profiles:active",
                properties.TryGetValue("profiles:active", out var value) && !string.IsNullOrWhiteSpace(value) ? $"{value},{added}" : added);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(properties).Build();
        return new ApplicationContext(registry, configuration, _loggers);
    }
}
