using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sprig.Definitions;
using Sprig.Diagnostics;

namespace Sprig.Refresh;

/// <summary>
/// The Microsoft.Extensions.DependencyInjection rules for components that came from service descriptors: the longest
/// constructor whose parameters can all be satisfied, the last registration for a type, keyed parameters, the service key.
/// </summary>
internal sealed partial class PlanBuilder
{
    /// <summary>Plans a component closed from an open generic registration after refresh; its problems are thrown at once.</summary>
    public static ComponentPlan BuildDynamic(ComponentEntry entry, ComponentTable table, IConfiguration configuration, ILoggerFactory loggers, ApplicationContext context)
    {
        var problems = new Problems();
        new PlanBuilder(table, configuration, loggers, context, problems).Build(entry);
        ApplicationContext.ThrowProblems(problems.Render(e => [e.Name]), Errors.RefreshProblems);
        return entry.Plan;
    }

    private ConstructorInfo? SelectLongestSatisfiable(ComponentEntry entry)
    {
        var type = entry.Definition.ImplementationType!;
        // [Inject] on a constructor decides, as the ambiguity message advises; MS.DI's rule picks among the others.
        var marked = type.GetConstructors().Where(c => c.IsDefined(typeof(InjectAttribute), inherit: false)).ToList();
        if (marked.Count > 1)
        {
            problems.Add(new ComponentCreationException(Errors.SeveralInjectConstructors(entry.Definition, marked), entry.Name, [entry.Name]));
            return null;
        }

        if (marked.Count == 1)
        {
            return marked[0];
        }

        var candidates = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).ToList();
        ConstructorInfo? best = null;
        foreach (var constructor in candidates)
        {
            if (best is not null && constructor.GetParameters().Length < best.GetParameters().Length)
            {
                break;
            }

            if (constructor.GetParameters().All(p => p.HasDefaultValue || CanResolve(entry, p)))
            {
                if (best is not null)
                {
                    problems.Add(new ComponentCreationException(Errors.SeveralConstructors(entry.Definition, [best, constructor]), entry.Name, [entry.Name]));
                    return null;
                }

                best = constructor;
            }
        }

        if (best is null && candidates.Count > 0)
        {
            // Report what the longest constructor lacks.
            return candidates[0];
        }

        if (best is null)
        {
            problems.Add(new ComponentCreationException(Errors.NoPublicConstructor(entry.Definition), entry.Name, [entry.Name]));
        }

        return best;
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
            || ServiceBuiltin(owner, type) is not null
            || Builtin(owner, type) is not null;
    }

    private Dependency ResolveService(ComponentEntry owner, InjectionPoint point, ParameterInfo parameter)
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

            return KeyedTarget(type, key) is { } target ? new ComponentDependency(target) : MissingService(owner, point);
        }

        if (table.FindLast(type) is { } registered && registered != owner)
        {
            return new ComponentDependency(registered);
        }

        if (ElementType(type) is { } element)
        {
            return GenericDependency.All(element, [.. table.FindAll(element).Where(e => e != owner)]);
        }

        if (ServiceBuiltin(owner, type) is { } service)
        {
            return service;
        }

        return Builtin(owner, type) is { } builtin ? new ConstantDependency(builtin) : MissingService(owner, point);
    }

    private ComponentEntry? KeyedTarget(Type type, object? key) =>
        key is null ? table.FindLast(type) : table.FindKeyed(type, key) is { Length: > 0 } all ? all[^1] : table.FindAnyKey(type, key);

    private Dependency? ServiceBuiltin(ComponentEntry owner, Type type) =>
        type == typeof(IServiceProvider) ? new ScopeProviderDependency(context)
        : type == typeof(IServiceScopeFactory) || type == typeof(IServiceProviderIsService) || type == typeof(IServiceProviderIsKeyedService)
            || type == typeof(IKeyedServiceProvider) ? new ConstantDependency(context)
        : null;

    /// <summary>
    /// Returns what a service descriptor gets for a dependency nothing provides: its default when optional; otherwise a failure
    /// when it is resolved (MS.DI's rule), or at once, as a problem of refresh, when the host asks for validation on build.
    /// </summary>
    private Dependency MissingService(ComponentEntry owner, InjectionPoint point)
    {
        if (point.Optional)
        {
            return new ConstantDependency(point.DefaultValue);
        }

        if (context.ValidateOnBuild)
        {
            problems.Add(new ComponentCreationException(Errors.MissingServiceOnBuild(owner.Name, point.Description, point.Type), owner.Name, [owner.Name]));
        }

        return new UnresolvableDependency(Errors.MissingService(owner.Name, point.Description, point.Type));
    }
}
