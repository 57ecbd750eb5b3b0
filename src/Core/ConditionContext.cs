using Microsoft.Extensions.Configuration;
using Sprig.Conditions;
using Sprig.Configuration;

namespace Sprig;

/// <summary>
/// What a condition may look at while refresh evaluates it: configuration, active profiles, types, and the components that
/// are in. Asking about a component whose own conditions are not decided yet defers the question: refresh evaluates
/// conditions to a fixed point, so the answer never depends on registration order.
/// </summary>
public sealed class ConditionContext
{
    private readonly ComponentStates _states;
    private readonly int _current;

    internal ConditionContext(IConfiguration configuration, IReadOnlySet<string> activeProfiles, ComponentStates states, int current)
    {
        Configuration = configuration;
        ActiveProfiles = activeProfiles;
        _states = states;
        _current = current;
    }

    /// <summary>Gets the context's configuration.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>Gets the active profiles (configuration key <c>profiles:active</c>, comma-separated, plus those set in code).</summary>
    public IReadOnlySet<string> ActiveProfiles { get; }

    /// <summary>Gets the name of the component whose conditions are being evaluated.</summary>
    public string ComponentName => _states.Name(_current);

    /// <summary>Returns a configuration value; "a.b" and "a:b" are the same key.</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The value, or <see langword="null"/> when it is not set.</returns>
    public string? GetProperty(string key) => ConfigurationKeys.Get(Configuration, key);

    /// <summary>Says where a configuration value comes from, for reports: "environment variable FEATURE__EMAIL", "appsettings.json".</summary>
    /// <param name="key">The configuration key.</param>
    /// <returns>The source, or <see langword="null"/> when the key is not set or the source is unknown.</returns>
    public string? DescribePropertySource(string key) => ConfigurationSources.Describe(Configuration, key);

    /// <summary>Tells whether a component with this name is in (this component itself aside).</summary>
    /// <param name="name">The component name.</param>
    /// <returns><see langword="true"/> when it is registered and its own conditions pass.</returns>
    public bool ContainsComponent(string name) => _states.ContainsName(name, _current);

    /// <summary>Tells whether a component that is or implements <paramref name="type"/> is in (this component itself aside).</summary>
    /// <param name="type">The type.</param>
    /// <returns><see langword="true"/> when such a component is registered and its own conditions pass.</returns>
    public bool ContainsComponent(Type type) => FindComponents(type).Count > 0;

    /// <summary>Lists the names of the components that are in and are or implement <paramref name="type"/> (this component aside).</summary>
    /// <param name="type">The type.</param>
    /// <returns>The names, in registration order.</returns>
    public IReadOnlyList<string> FindComponents(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _states.FindType(type, _current);
    }

    /// <summary>Finds a type by its full or assembly-qualified name among the application's assemblies, loading only likely candidates.</summary>
    /// <param name="typeName">The type name, e.g. "System.Text.Json.JsonSerializer".</param>
    /// <returns>The type, or <see langword="null"/> when it is not available.</returns>
    public static Type? FindType(string typeName) => TypeLocator.Find(typeName);
}
