using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Sprig.Definitions;
using Sprig.Diagnostics;

namespace Sprig.Planning;

/// <summary>
/// The Microsoft.Extensions.DependencyInjection rules for components that came from service descriptors: the longest
/// constructor whose parameters can all be satisfied, the last registration for a type, keyed parameters, the service key.
/// </summary>
internal sealed partial class Planner
{
    /// <summary>MS.DI's rule for how a service descriptor's class is made: the longest satisfiable constructor.</summary>
    private Construction Descriptor(ComponentEntry entry, Problems problems)
    {
        var constructor = ConstructorSelection.LongestSatisfiable(entry.Definition, p => CanResolve(entry, p), problems);
        var parameters = constructor?.GetParameters() ?? [];
        var arguments = new Dependency[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = ResolveService(entry, InjectionPoint.ForParameter(parameters[i], "constructor"), parameters[i], problems);
        }

        return new(constructor, null, arguments, ConstructorStage);
    }

    private bool CanResolve(ComponentEntry owner, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttribute<Microsoft.Extensions.DependencyInjection.ServiceKeyAttribute>() is not null)
        {
            return true;
        }

        if (parameter.GetCustomAttribute<FromKeyedServicesAttribute>() is { } keyed)
        {
            return KeyedTarget(type, keyed.Key ?? owner.Definition.ServiceKey) is not null || ElementType(type) is not null;
        }

        return table.FindLast(type) is { } target && target != owner
            || ElementType(type) is not null
            || Builtin(owner, type) is not null;
    }

    private Dependency ResolveService(ComponentEntry owner, InjectionPoint point, ParameterInfo parameter, Problems problems)
    {
        var type = point.Type;
        if (parameter.GetCustomAttribute<Microsoft.Extensions.DependencyInjection.ServiceKeyAttribute>() is not null)
        {
            var key = owner.Definition.ServiceKey;
            return key is null || type.IsInstanceOfType(key)
                ? new ConstantDependency(key)
                : new UnresolvableDependency(Errors.ServiceKeyType(owner.Name, point.Description, key, type));
        }

        if (parameter.GetCustomAttribute<FromKeyedServicesAttribute>() is { } keyed)
        {
            var key = keyed.Key ?? owner.Definition.ServiceKey;
            if (ElementType(type) is { } keyedElement)
            {
                return GenericDependency.All(keyedElement, key is null ? table.FindAll(keyedElement) : table.FindKeyed(keyedElement, key));
            }

            return KeyedTarget(type, key) is { } target ? new ComponentDependency(target) : MissingService(owner, point, problems);
        }

        if (table.FindLast(type) is { } registered && registered != owner)
        {
            return new ComponentDependency(registered);
        }

        if (ElementType(type) is { } element)
        {
            return GenericDependency.All(element, [.. table.FindAll(element).Where(e => e != owner)]);
        }

        return Builtin(owner, type) ?? MissingService(owner, point, problems);
    }

    private ComponentEntry? KeyedTarget(Type type, object? key) =>
        key is null ? table.FindLast(type) : table.FindKeyed(type, key) is { Length: > 0 } all ? all[^1] : table.FindAnyKey(type, key);

    /// <summary>
    /// Returns what a service descriptor gets for a dependency nothing provides: its default when optional; otherwise a failure
    /// when it is resolved (MS.DI's rule), or at once, as a problem of refresh, when the host asks for validation on build.
    /// </summary>
    private Dependency MissingService(ComponentEntry owner, InjectionPoint point, Problems problems)
    {
        if (point.Optional)
        {
            return new ConstantDependency(point.DefaultValue);
        }

        if (services.Context.ValidateOnBuild)
        {
            problems.Add(new ComponentCreationException(Errors.MissingServiceOnBuild(owner.Name, point.Description, point.Type), owner.Name, [owner.Name]));
        }

        return new UnresolvableDependency(Errors.MissingService(owner.Name, point.Description, point.Type));
    }
}
