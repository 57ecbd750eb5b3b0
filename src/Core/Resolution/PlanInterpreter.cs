using System.Reflection;
using Sprig.Definitions;

namespace Sprig.Resolution;

/// <summary>
/// The runtime resolver: creates a component by following its plan with reflection. Refresh uses it (a singleton is created once:
/// compiling would cost more), and so does everything where code cannot be generated at run time (Native AOT), as MS.DI
/// interprets its call sites there.
/// </summary>
internal static class PlanInterpreter
{
    private const BindingFlags Invoke = BindingFlags.DoNotWrapExceptions;

    public static object Create(ComponentEntry entry, RequestScope? scope)
    {
        var plan = entry.Plan;
        var stage = 0;

        // While refresh runs, each creation of a component of the table is a "create" step (and its hooks a "post-construct" step).
        var startup = entry.Index >= 0 ? entry.Lifetime.Startup : null;
        var step = startup is null ? -1 : startup.Begin(entry.Name, Diagnostics.StartupRecorder.Create);
        try
        {
            var instance = Construct(entry, plan, scope);
            foreach (var member in plan.Members)
            {
                stage++;
                if (!member.Dependency.Skip)
                {
                    var value = Value(member.Dependency, scope);
                    if (member.Set is { } set)
                    {
                        set(instance, value);
                    }
                    else
                    {
                        SetMember(instance, member.Member, value);
                    }
                }
            }

            if (startup is not null)
            {
                startup.End(step);
                step = plan.PostConstruct.Count > 0 ? startup.Begin(entry.Name, Diagnostics.StartupRecorder.PostConstruct) : -1;
            }

            for (var i = 0; i < plan.PostConstruct.Count; i++)
            {
                stage++;
                if (MethodCalls.Invoke(plan.PostConstruct[i], GeneratedHookCalls.At(plan.HookCalls.PostConstruct, i), instance) is Task task)
                {
                    task.GetAwaiter().GetResult();
                }
            }

            startup?.End(step);
            return instance;
        }
        catch (Exception ex)
        {
            // A failed step keeps its duration up to the failure.
            startup?.End(step);
            throw entry.Fail(stage, ex);
        }
    }

    public static object Construct(ComponentEntry entry, ComponentPlan plan, RequestScope? scope)
    {
        if (plan.ByConstructor)
        {
            return plan.Create is { } create ? create(Arguments(plan, scope)) : plan.Constructor!.Invoke(Invoke, null, Arguments(plan, scope), null);
        }

        if (plan.FactoryMethod is { } method)
        {
            var owner = plan.FactoryOwner is null ? null : Value(plan.FactoryOwner, scope);
            var product = plan.CallFactory is { } call ? call(owner, Arguments(plan, scope)) : method.Invoke(owner, Invoke, null, Arguments(plan, scope), null);
            return NullProductException.Check(product);
        }

        if (entry.Definition.Delegate is { } factory)
        {
            return NullProductException.Check(factory(RequestScope.ProviderFor(scope, entry.Lifetime.Context), entry.Definition.ServiceKey));
        }

        return entry.Definition.Instance ?? throw new InvalidOperationException(Diagnostics.Errors.Bug($"'{entry.Name}' has no way to be created."));
    }

    private static object?[] Arguments(ComponentPlan plan, RequestScope? scope)
    {
        if (plan.Arguments.Count == 0)
        {
            return []; // one shared empty array: a parameterless constructor allocates nothing here
        }

        var values = new object?[plan.Arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Value(plan.Arguments[i], scope);
        }

        return values;
    }

    /// <summary>Makes the value one dependency stands for, in <paramref name="scope"/>.</summary>
    public static object? Value(Dependency dependency, RequestScope? scope) => dependency switch
    {
        ComponentDependency component => component.Target.Resolve(scope),
        ConstantDependency constant => constant.Value,
        GenericDependency generic => generic.Make(generic.Targets, scope),
        LazyProxyDependency lazy => LazyProxy(lazy, scope),
        ScopeProviderDependency provider => RequestScope.ProviderFor(scope, provider.Context),
        UnresolvableDependency unresolvable => unresolvable.Throw(),
        SkipDependency => null,
        _ => throw new InvalidOperationException(Diagnostics.Errors.Bug($"No interpretation of {dependency.GetType().Name}.")),
    };

    /// <summary>Makes a [Lazy] link's proxy: its target is resolved, in the scope the owner was created in, on the first call.</summary>
    public static object LazyProxy(LazyProxyDependency lazy, RequestScope? scope)
    {
        var target = lazy.Target;
        return Proxies.LazyProxyFactory.Create(lazy.ProxyType, () => target.Resolve(scope));
    }

    public static void SetMember(object instance, MemberInfo member, object? value)
    {
        if (member is FieldInfo field)
        {
            field.SetValue(instance, value);
        }
        else
        {
            ((PropertyInfo)member).SetValue(instance, value);
        }
    }
}
