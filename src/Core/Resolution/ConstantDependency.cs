namespace Sprig.Resolution;

/// <summary>A value known at refresh: a configuration value, a logger, the context itself, a parameter's default.</summary>
internal sealed class ConstantDependency(object? value) : Dependency
{
    public object? Value { get; } = value;
}
