namespace Sprig.Resolution;

/// <summary>A value known when the plan is prepared: a singleton already created, a constant dependency, a skipped argument (null).</summary>
internal sealed class ConstantValue(object? value) : PreparedValue
{
    public static readonly ConstantValue Null = new(null);

    /// <summary>Gets the value: read directly where a dependency may be a constant, saving the virtual call.</summary>
    public object? Value { get; } = value;

    public override object? Get(RequestScope? scope) => Value;
}
