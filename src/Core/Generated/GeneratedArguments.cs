using System.ComponentModel;

namespace Sprig.Generated;

/// <summary>
/// The arguments of one generated constructor call, asked for one at a time in parameter order: an array made beforehand, or
/// (when the runtime follows a plan without dynamic code) each dependency resolved as the generated code asks for it, so that no
/// array is allocated per creation. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct GeneratedArguments
{
    // Either an object?[] of the values or a PreparedPlan that resolves them in _scope: two references, passed in registers.
    private readonly object _source;
    private readonly RequestScope? _scope;

    /// <summary>Creates the arguments from an array of the values, in parameter order.</summary>
    /// <param name="values">The values.</param>
    public GeneratedArguments(object?[] values)
    {
        _source = values ?? throw new ArgumentNullException(nameof(values));
    }

    internal GeneratedArguments(PreparedPlan plan, RequestScope? scope)
    {
        _source = plan;
        _scope = scope;
    }

    /// <summary>Gets the argument at <paramref name="index"/>: ask for each once, in parameter order.</summary>
    /// <param name="index">The parameter's position.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is not a parameter's position.</exception>
    public object? this[int index] => _source is PreparedPlan plan ? plan.Argument(index, _scope) : ((object?[])_source)[index];
}
