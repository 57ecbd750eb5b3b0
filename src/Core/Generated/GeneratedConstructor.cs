using System.ComponentModel;

namespace Sprig.Generated;

/// <summary>A generated call of one constructor. For generated code only.</summary>
/// <param name="parameterTypes">The constructor's parameter types, in order: the planner matches them with the constructor it chose.</param>
/// <param name="create">Calls the constructor with the arguments in parameter order (each cast to its parameter's type).</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedConstructor(Type[] parameterTypes, Func<object?[], object> create)
{
    /// <summary>Gets the parameter types, in order.</summary>
    public IReadOnlyList<Type> ParameterTypes { get; } = parameterTypes ?? throw new ArgumentNullException(nameof(parameterTypes));

    /// <summary>Gets the call.</summary>
    public Func<object?[], object> Create { get; } = create ?? throw new ArgumentNullException(nameof(create));
}
