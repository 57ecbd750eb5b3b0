namespace Sprig.Resolution;

/// <summary>A value known at refresh: a configuration value, a logger, the context itself, a parameter's default.</summary>
internal sealed class ConstantDependency(object? value) : Dependency
{
    public object? Value { get; } = value;

    /// <summary>Gets the readable name of the built-in service this value is ("IConfiguration", "ILogger&lt;UserService&gt;"), or null for any other value.</summary>
    public string? Service { get; init; }
}
