using System.ComponentModel;

namespace Sprig.Generated;

/// <summary>A generated call of one constructor. For generated code only.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedConstructor
{
    /// <summary>Creates the call of a constructor through a delegate of its own.</summary>
    /// <param name="parameterTypes">The constructor's parameter types, in order: the planner matches them with the constructor it chose.</param>
    /// <param name="create">Calls the constructor with the arguments in parameter order (each cast to its parameter's type).</param>
    public GeneratedConstructor(Type[] parameterTypes, Func<object?[], object> create)
    {
        ParameterTypes = parameterTypes ?? throw new ArgumentNullException(nameof(parameterTypes));
        Create = create ?? throw new ArgumentNullException(nameof(create));
    }

    /// <summary>
    /// Creates the call of a constructor through a method shared by many: <paramref name="create"/> switches on
    /// <paramref name="id"/>. Under JIT one method per piece of the registry is compiled, not one per constructor, which is
    /// most of the first refresh's cost in an application of thousands of components.
    /// </summary>
    /// <param name="parameterTypes">The constructor's parameter types, in order.</param>
    /// <param name="create">Calls the constructor numbered <paramref name="id"/> with the arguments in parameter order.</param>
    /// <param name="id">The constructor's number in <paramref name="create"/>'s switch.</param>
    public GeneratedConstructor(Type[] parameterTypes, Func<int, object?[], object> create, int id)
    {
        ArgumentNullException.ThrowIfNull(create);
        ParameterTypes = parameterTypes ?? throw new ArgumentNullException(nameof(parameterTypes));
        Create = arguments => create(id, arguments);
    }

    /// <summary>Gets the parameter types, in order.</summary>
    public IReadOnlyList<Type> ParameterTypes { get; }

    /// <summary>Gets the call.</summary>
    public Func<object?[], object> Create { get; }
}
