namespace Sprig.Resolution;

/// <summary>A value known when the plan is prepared: a singleton already created, a constant dependency, a skipped argument (null).</summary>
internal sealed class ConstantValue(object? value) : PreparedValue
{
    public static readonly ConstantValue Null = new(null);

    private readonly object? _value = value;

    public override object? Get(RequestScope? scope) => _value;
}
