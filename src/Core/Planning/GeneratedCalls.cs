using System.Reflection;
using System.Runtime.CompilerServices;
using Sprig.Generated;

namespace Sprig.Planning;

/// <summary>
/// The generated calls of one class (Sprig.Generator's <see cref="GeneratedComponent"/>), matched with the members the planner
/// chose by reflection: the plan then calls the generated code instead of invoking through reflection. A member the generator
/// did not emit (declared by a base class, or one it could not name) has no generated call and is invoked as before.
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

    /// <summary>Returns the generated calls of <paramref name="type"/>, or <see cref="None"/> when its assembly was not generated.</summary>
    public static GeneratedCalls Of(Type type)
    {
        // The registry is announced by the assembly's module initializer, which merely naming a type of it does not run.
        RuntimeHelpers.RunModuleConstructor(type.Module.ModuleHandle);
        return GeneratedComponents.Of(type) is { } component ? new GeneratedCalls(type, component) : None;
    }

    /// <summary>Returns the generated call of <paramref name="constructor"/>, or null.</summary>
    public Func<object?[], object>? Constructor(ConstructorInfo? constructor)
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
                return generated.Create;
            }
        }

        return null;
    }

    /// <summary>Returns the generated setter of an injected field or property the class declares itself, or null.</summary>
    public Action<object, object?>? Setter(MemberInfo member)
    {
        if (_component is null || member.DeclaringType != _type)
        {
            return null;
        }

        foreach (var generated in _component.Members)
        {
            if (generated.Name == member.Name)
            {
                return generated.Set;
            }
        }

        return null;
    }

    /// <summary>Returns the generated call of a method the class declares itself (a hook, a [Bean] method, an endpoint), or null.</summary>
    public Func<object?, object?[], object?>? Method(MethodInfo? method)
    {
        if (_component is null || method is null || method.DeclaringType != _type)
        {
            return null;
        }

        var parameters = method.GetParameters();
        foreach (var generated in _component.Methods)
        {
            if (generated.Name == method.Name && SameParameters(generated.ParameterTypes, parameters))
            {
                return generated.Invoke;
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
