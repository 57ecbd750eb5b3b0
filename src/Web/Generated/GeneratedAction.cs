using System.ComponentModel;
using System.Reflection;

namespace Sprig.Web.Generated;

/// <summary>
/// One public method of a controller as Sprig.Generator saw it: its name and parameter types (to find its <see cref="MethodInfo"/>),
/// and either a factory of its request delegate or why none could be generated.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedAction
{
    private readonly int _parameterCount;

    /// <summary>Initializes a method the generator wrote a request delegate for.</summary>
    /// <param name="name">The method's name.</param>
    /// <param name="parameterTypes">The method's parameter types.</param>
    /// <param name="handler">Creates the request delegate once the route is known: binds each parameter, calls the method, writes its result.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GeneratedAction(string name, Type[] parameterTypes, Func<ActionBinder, ActionHandler> handler)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parameterTypes);
        ArgumentNullException.ThrowIfNull(handler);
        Name = name;
        ParameterTypes = parameterTypes;
        Handler = handler;
    }

    /// <summary>Initializes a method the generator could not write a request delegate for; <c>MapSprig</c> reports it if it is an action.</summary>
    /// <param name="name">The method's name.</param>
    /// <param name="parameterCount">How many parameters it has (their types may not be nameable from generated code).</param>
    /// <param name="unsupported">Why, and what to do.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GeneratedAction(string name, int parameterCount, string unsupported)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(unsupported);
        Name = name;
        _parameterCount = parameterCount;
        Unsupported = unsupported;
    }

    /// <summary>Gets the method's name.</summary>
    public string Name { get; }

    /// <summary>Gets the method's parameter types, or null when only their count is known.</summary>
    public Type[]? ParameterTypes { get; }

    /// <summary>Gets the number of parameters.</summary>
    public int ParameterCount => ParameterTypes?.Length ?? _parameterCount;

    /// <summary>Gets the factory of the request delegate, or null when none was generated.</summary>
    public Func<ActionBinder, ActionHandler>? Handler { get; }

    /// <summary>Gets why no request delegate was generated, or null.</summary>
    public string? Unsupported { get; }

    /// <summary>
    /// Gets or initializes what adds the metadata the parameters' and the result's types give themselves
    /// (<c>IEndpointMetadataProvider</c>, <c>IEndpointParameterMetadataProvider</c>), or null when none does.
    /// </summary>
    public Action<MethodInfo, Microsoft.AspNetCore.Builder.EndpointBuilder>? Metadata { get; init; }

    /// <summary>
    /// Gets or initializes the interfaces whose methods this method implements on the controller, as the compiler saw them: their
    /// attributes (<c>[Authorize]</c> on a contract) are the route's metadata as under JIT, where reflection's interface maps say it,
    /// which Native AOT's cannot. The generated code keeps their public methods.
    /// </summary>
    public Type[] Contracts { get; init; } = Type.EmptyTypes;

    /// <summary>Tells whether this is the generated code of <paramref name="method"/>.</summary>
    internal bool Matches(MethodInfo method)
    {
        if (method.Name != Name)
        {
            return false;
        }

        var parameters = method.GetParameters();
        if (parameters.Length != ParameterCount)
        {
            return false;
        }

        if (ParameterTypes is null)
        {
            return true;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].ParameterType != ParameterTypes[i])
            {
                return false;
            }
        }

        return true;
    }
}
