using System.Reflection;
using System.Runtime.CompilerServices;
using Sprig.Generated;

namespace Sprig.Planning;

/// <summary>
/// The generated calls of one class (Sprig.Generator's <see cref="GeneratedComponent"/>), matched with the members the planner
/// chose by reflection (by name, declaring class and parameter types): the plan then calls the generated code instead of invoking
/// through reflection. A member the generator did not emit (one it could not name) has no generated call and is invoked as before.
/// </summary>
internal sealed class GeneratedCalls
{
    public static readonly GeneratedCalls None = new(null, null);

    private readonly Type? _type;
    private readonly GeneratedComponent? _component;

    private GeneratedCalls(Type? type, GeneratedComponent? component)
    {
        _type = type;
        _component = component;
    }

    /// <summary>
    /// Returns the generated calls of <paramref name="type"/>, or <see cref="None"/> when its assembly was not generated, or
    /// when reflection may run and generated calls are not preferred (<see cref="DynamicCode.CallsGenerated"/>).
    /// </summary>
    public static GeneratedCalls Of(Type type)
    {
        if (!DynamicCode.CallsGenerated)
        {
            // The module initializer registers the assembly's [Lazy] and remote proxies too: run it (once; later calls return at
            // once) without a cache entry per class.
            RuntimeHelpers.RunModuleConstructor(type.Module.ModuleHandle);
            return None;
        }

        // GeneratedComponents.Of runs the module initializer, which merely naming a type of it does not run. Not cached here:
        // TypeScan keeps a class's calls, and a table of its own per class tipped a refresh of 10,000 classes into a full collection.
        return GeneratedComponents.Of(type) is { } component ? new GeneratedCalls(type, component) : None;
    }

    /// <summary>Gets the class's generated code, or null.</summary>
    public GeneratedComponent? Component => _component;

    /// <summary>Returns the generated call of <paramref name="constructor"/>, or null.</summary>
    public GeneratedConstructor? Constructor(ConstructorInfo? constructor)
    {
        if (_component is null || constructor is null || constructor.DeclaringType != _type)
        {
            return null;
        }

        var parameters = constructor.GetParameters();
        foreach (var generated in _component.Constructors)
        {
            if (SameParameters(generated.ParameterTypes, parameters))
            {
                return generated;
            }
        }

        return null;
    }

    /// <summary>Returns the generated setter of an injected field or property of the class or a base class, or null.</summary>
    public Action<object, object?>? Setter(MemberInfo member)
    {
        if (_component is null)
        {
            return null;
        }

        foreach (var generated in _component.Members)
        {
            if (generated.Name == member.Name && (generated.DeclaringType ?? _type) == member.DeclaringType)
            {
                return generated.Set;
            }
        }

        return null;
    }

    /// <summary>
    /// Returns the generated call of a method of the class or a base class (a hook, a [Bean] method, an endpoint, a provider's
    /// Get), or null. A hook overridden by the class is found by its base declaration and runs the override, as reflection does.
    /// </summary>
    public Func<object?, object?[], object?>? Method(MethodInfo? method) => Generated(method)?.Invoke;

    /// <summary>Returns what the generator emitted for a method (see <see cref="Method"/>), with an endpoint's boxed result calls, or null.</summary>
    public GeneratedMethod? Generated(MethodInfo? method)
    {
        if (_component is null || method is null)
        {
            return null;
        }

        var parameters = method.GetParameters();
        foreach (var generated in _component.Methods)
        {
            if (generated.Name == method.Name && (generated.DeclaringType ?? _type) == method.DeclaringType && SameParameters(generated.ParameterTypes, parameters))
            {
                return generated;
            }
        }

        return null;
    }

    private static bool SameParameters(IReadOnlyList<Type> types, ParameterInfo[] parameters)
    {
        if (types.Count != parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (types[i] != parameters[i].ParameterType)
            {
                return false;
            }
        }

        return true;
    }
}
