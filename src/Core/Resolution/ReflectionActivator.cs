using System.Reflection;
using Sprig.Definitions;

namespace Sprig.Resolution;

/// <summary>Creates a component by following its plan with reflection. Used only while refresh builds singletons.</summary>
internal static class ReflectionActivator
{
    private const BindingFlags Invoke = BindingFlags.DoNotWrapExceptions;

    public static object Create(ComponentEntry entry, RequestScope? scope)
    {
        var plan = entry.Plan;
        var stage = 0;
        try
        {
            var instance = Construct(entry, plan, scope);
            foreach (var member in plan.Members)
            {
                stage++;
                if (!member.Dependency.Skip)
                {
                    SetMember(instance, member.Member, member.Dependency.Resolve(scope));
                }
            }

            foreach (var method in plan.PostConstruct)
            {
                stage++;
                if (method.Invoke(instance, Invoke, null, null, null) is Task task)
                {
                    task.GetAwaiter().GetResult();
                }
            }

            return instance;
        }
        catch (Exception ex)
        {
            throw entry.Fail(stage, ex);
        }
    }

    private static object Construct(ComponentEntry entry, ComponentPlan plan, RequestScope? scope)
    {
        if (plan.Constructor is { } constructor)
        {
            return constructor.Invoke(Invoke, null, Arguments(plan, scope), null);
        }

        if (plan.FactoryMethod is { } method)
        {
            var owner = plan.FactoryOwner?.Resolve(scope);
            return NullProductException.Check(method.Invoke(owner, Invoke, null, Arguments(plan, scope), null));
        }

        if (entry.Definition.Delegate is { } factory)
        {
            return NullProductException.Check(factory(RequestScope.ProviderFor(scope, entry.Lifetime.Context), entry.Definition.ServiceKey));
        }

        return entry.Definition.Instance ?? throw new InvalidOperationException(Diagnostics.Errors.Bug($"'{entry.Name}' has no way to be created."));
    }

    private static object?[] Arguments(ComponentPlan plan, RequestScope? scope)
    {
        var values = new object?[plan.Arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = plan.Arguments[i].Resolve(scope);
        }

        return values;
    }

    private static void SetMember(object instance, MemberInfo member, object? value)
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
