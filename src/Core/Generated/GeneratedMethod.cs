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

    /// <summary>
    /// Gets, for an endpoint returning <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>, the call whose task gives the result boxed
    /// (<see cref="GeneratedResults.Await{T}(Task{T})"/>), or null: the runtime awaits it without generic code made at run time.
    /// </summary>
    public Func<object?, object?[], Task<object?>>? Awaited { get; init; }

    /// <summary>
    /// Gets, for an endpoint returning <c>IAsyncEnumerable&lt;T&gt;</c> or a class or interface implementing it (once), the call whose items come boxed
    /// (<see cref="GeneratedResults.Stream{T}(IAsyncEnumerable{T}, CancellationToken)"/>), or null.
    /// </summary>
    public Func<object?, object?[], IAsyncEnumerable<object?>>? Streamed { get; init; }

    /// <summary>Gets T, the declared type of what <see cref="Awaited"/> or <see cref="Streamed"/> gives: its JSON metadata serializes the values.</summary>
    public Type? ResultType { get; init; }

    /// <summary>
    /// Gets, for an endpoint, the interfaces whose methods it implements on the component, as the compiler saw them (Native AOT's
    /// reflection cannot map interfaces to implementations): their attributes are the endpoint's route metadata. Empty otherwise.
    /// </summary>
    public IReadOnlyList<Type> Contracts { get; init; } = [];
}
