using System.ComponentModel;

namespace Sprig.Generated;

/// <summary>A generated call of one method Sprig calls (a lifecycle hook, a [Bean] method, an endpoint). For generated code only.</summary>
/// <param name="name">The method's name, as declared.</param>
/// <param name="parameterTypes">Its parameter types, in order: with the name, they tell overloads apart.</param>
/// <param name="invoke">Calls the method on the instance (first argument; null for a static method) with the arguments in
/// parameter order, and returns what it returns (null for void).</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedMethod(string name, Type[] parameterTypes, Func<object?, object?[], object?> invoke)
{
    /// <summary>Gets the method's name.</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>Gets the parameter types, in order.</summary>
    public IReadOnlyList<Type> ParameterTypes { get; } = parameterTypes ?? throw new ArgumentNullException(nameof(parameterTypes));

    /// <summary>
    /// Gets the type that declares the method when it is not the component class itself (a base class; for a provider's
    /// <c>Get</c>, its <see cref="IProvider{T}"/> interface), or null: with the name and parameter
    /// types, it tells a base class's method apart from the component's own of the same signature.
    /// </summary>
    public Type? DeclaringType { get; init; }

    /// <summary>Gets the call.</summary>
    public Func<object?, object?[], object?> Invoke { get; } = invoke ?? throw new ArgumentNullException(nameof(invoke));
}
