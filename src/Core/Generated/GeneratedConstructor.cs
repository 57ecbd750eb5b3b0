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
    /// Creates the call of a constructor through a method shared by many, which switches on <paramref name="id"/> (under JIT one
    /// method per piece of the registry is compiled, not one per constructor) and asks for each argument as it passes it: where
    /// the runtime follows plans without dynamic code (Native AOT), it hands over the dependencies as they are resolved, with no
    /// array per creation.
    /// </summary>
    /// <param name="parameterTypes">The constructor's parameter types, in order.</param>
    /// <param name="create">Calls the constructor numbered <paramref name="id"/>, asking for each argument once, in parameter order.</param>
    /// <param name="id">The constructor's number in <paramref name="create"/>'s switch.</param>
    public GeneratedConstructor(Type[] parameterTypes, Func<int, GeneratedArguments, object> create, int id)
    {
        ParameterTypes = parameterTypes ?? throw new ArgumentNullException(nameof(parameterTypes));
        Shared = create ?? throw new ArgumentNullException(nameof(create));
        Id = id;
        Create = CreateFromArray;
    }

    /// <summary>Gets the parameter types, in order.</summary>
    public IReadOnlyList<Type> ParameterTypes { get; }

    /// <summary>
    /// Gets or sets the parameters' names, in order, or null. The generator gives them for the constructor Sprig's rule chooses
    /// (<see cref="GeneratedComponent.ChosenConstructor"/>), so that the planner describes each parameter without reflection.
    /// </summary>
    /// <exception cref="ArgumentException">The value does not have one name per parameter.</exception>
    public IReadOnlyList<string>? ParameterNames
    {
        get;
        init
        {
            if (value is not null && value.Count != ParameterTypes.Count)
            {
                throw new ArgumentException(
                    $"A generated constructor of ({string.Join(", ", ParameterTypes.Select(Diagnostics.Errors.TypeName))}) has {value.Count} parameter names, not {ParameterTypes.Count}. Rebuild the assembly with the Sprig.Generator of the Sprig.Core it runs with.",
                    nameof(value));
            }

            field = value;
        }
    }

    /// <summary>Gets the call.</summary>
    public Func<object?[], object> Create { get; }

    /// <summary>Gets the shared call that asks for each argument, or null (the constructor was given an array call).</summary>
    internal Func<int, GeneratedArguments, object>? Shared { get; }

    /// <summary>Gets the constructor's number in <see cref="Shared"/>'s switch.</summary>
    internal int Id { get; }

    private object CreateFromArray(object?[] arguments) => Shared!(Id, new GeneratedArguments(arguments));
}
