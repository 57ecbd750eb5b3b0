using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using System.Reflection.Emit;
using Sprig.Definitions;

namespace Sprig.Resolution;

/// <summary>
/// The one expression builder: compiles a component's plan into a <c>Func&lt;RequestScope?, object&gt;</c>, once, on first use
/// after refresh: construction, member injection and [PostConstruct] with no reflection per call. Never used where code cannot
/// be generated at run time; <see cref="PlanInterpreter"/> follows the same plan there.
/// </summary>
[RequiresDynamicCode(Generated.DynamicCode.Message)]
[RequiresUnreferencedCode(Generated.DynamicCode.Message)]
internal static class PlanCompiler
{
    private static readonly MethodInfo FailMethod = typeof(ComponentEntry).GetMethod(nameof(ComponentEntry.Fail))!;
    private static readonly MethodInfo CheckMethod = typeof(NullProductException).GetMethod(nameof(NullProductException.Check))!;
    private static readonly MethodInfo ProviderForMethod = typeof(RequestScope).GetMethod(nameof(RequestScope.ProviderFor))!;
    private static readonly MethodInfo ResolveMethod = typeof(ComponentEntry).GetMethod(nameof(ComponentEntry.Resolve))!;
    private static readonly MethodInfo LazyProxyMethod = typeof(PlanInterpreter).GetMethod(nameof(PlanInterpreter.LazyProxy))!;
    private static readonly MethodInfo ThrowMethod = typeof(UnresolvableDependency).GetMethod(nameof(UnresolvableDependency.Throw))!;
    private static readonly MethodInfo WaitMethod = typeof(PlanCompiler).GetMethod(nameof(Wait), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Func<RequestScope?, object> Compile(ComponentEntry entry)
    {
        var scope = Expression.Parameter(typeof(RequestScope), "scope");
        var body = Expression.Convert(Guarded(entry, scope), typeof(object));
        return Expression.Lambda<Func<RequestScope?, object>>(body, $"Create_{entry.Definition.Name}", [scope]).Compile();
    }

    /// <summary>
    /// Builds one component: construction, member injection and [PostConstruct], counting stages so that a failure is reported
    /// by <see cref="ComponentEntry.Fail"/> with the stage it happened in. Used for a whole factory and for inlined prototypes.
    /// </summary>
    private static Expression Guarded(ComponentEntry entry, ParameterExpression scope)
    {
        var plan = entry.Plan;
        var type = entry.Definition.Type;
        var exception = Expression.Parameter(typeof(Exception), "ex");
        if (plan.Members.Count == 0 && plan.PostConstruct.Count == 0)
        {
            // One stage (the constructor or factory): no stage counter, no local; a failure is always stage 0.
            var construct = Construct(entry, plan, scope, type);
            return Expression.TryCatch(
                construct.Type == type ? construct : Expression.Convert(construct, type),
                Expression.Catch(exception, Expression.Throw(Expression.Call(Expression.Constant(entry), FailMethod, Expression.Constant(0), exception), type)));
        }

        var stage = Expression.Variable(typeof(int), "stage");
        var instance = Expression.Variable(type, "instance");
        var body = new List<Expression> { Expression.Assign(stage, Expression.Constant(0)), Expression.Assign(instance, Construct(entry, plan, scope, type)) };
        var index = 0;
        foreach (var member in plan.Members)
        {
            body.Add(Expression.Assign(stage, Expression.Constant(++index)));
            if (!member.Dependency.Skip)
            {
                body.Add(Assign(instance, member, Build(member.Dependency, scope, member.MemberType)));
            }
        }

        foreach (var method in plan.PostConstruct)
        {
            body.Add(Expression.Assign(stage, Expression.Constant(++index)));
            var call = Expression.Call(Expression.Convert(instance, method.DeclaringType!), method);
            body.Add(method.ReturnType == typeof(void) ? call : Expression.Call(WaitMethod, call));
        }

        body.Add(instance);
        return Expression.Block(type, [stage, instance], Expression.TryCatch(
            Expression.Block(type, body),
            Expression.Catch(exception, Expression.Throw(Expression.Call(Expression.Constant(entry), FailMethod, stage, exception), type))));
    }

    private static Expression Construct(ComponentEntry entry, ComponentPlan plan, ParameterExpression scope, Type type)
    {
        if (plan.Constructor is { } constructor)
        {
            var parameters = constructor.GetParameters();
            return Expression.New(constructor, plan.Arguments.Select((a, i) => Build(a, scope, parameters[i].ParameterType)));
        }

        if (plan.FactoryMethod is { } method)
        {
            var parameters = method.GetParameters();
            var arguments = plan.Arguments.Select((a, i) => Build(a, scope, parameters[i].ParameterType));
            var owner = method.IsStatic ? null : Build(plan.FactoryOwner!, scope, method.DeclaringType!);
            var call = Expression.Call(owner, method, arguments);
            return Expression.Convert(Expression.Call(CheckMethod, Expression.Convert(call, typeof(object))), type);
        }

        if (entry.Definition.Delegate is { } factory)
        {
            var provider = Expression.Call(ProviderForMethod, scope, Expression.Constant(entry.Lifetime.Context));
            var call = Expression.Invoke(Expression.Constant(factory), provider, Expression.Constant(entry.Definition.ServiceKey, typeof(object)));
            return Expression.Convert(Expression.Call(CheckMethod, call), type);
        }

        return Expression.Constant(entry.Definition.Instance, type);
    }

    /// <summary>Builds an expression of type <paramref name="type"/> that makes the value one dependency stands for.</summary>
    private static Expression Build(Dependency dependency, ParameterExpression scope, Type type) => dependency switch
    {
        // Factories compile after refresh, when every singleton exists: a singleton dependency is then a constant, and a simple
        // prototype is constructed inline, in the same compiled method as the component that needs it.
        ComponentDependency { Target: var target } => target.Definition.Scope == Scope.Singleton && target.IsCreated ? Constant(target.Resolve(null), type)
            : target.CanInline ? Expression.Convert(Guarded(target, scope), type)
            : Expression.Convert(Expression.Call(Expression.Constant(target), ResolveMethod, scope), type),
        ConstantDependency constant => Expression.Constant(constant.Value, type),
        GenericDependency generic => Expression.Convert(Expression.Call(generic.Method!, Expression.Constant(generic.Targets), scope), type),
        LazyProxyDependency lazy => Expression.Convert(Expression.Call(LazyProxyMethod, Expression.Constant(lazy), scope), type),
        ScopeProviderDependency provider => Expression.Convert(Expression.Call(ProviderForMethod, scope, Expression.Constant(provider.Context)), type),
        UnresolvableDependency unresolvable => Expression.Convert(Expression.Call(Expression.Constant(unresolvable), ThrowMethod), type),
        SkipDependency => Expression.Default(type),
        _ => throw new InvalidOperationException(Diagnostics.Errors.Bug($"No compilation of {dependency.GetType().Name}.")),
    };

    /// <summary>
    /// A constant typed as its own class, then converted to <paramref name="type"/>: loading a compiled constant checks its type,
    /// and checking for a sealed class is one comparison, where checking for an interface walks the class's interfaces.
    /// </summary>
    private static Expression Constant(object value, Type type)
    {
        var own = value.GetType();
        // A value type stays boxed as it is: converting would unbox it and box a copy for every dependent.
        return own == type || !own.IsSealed || own.IsValueType || !own.IsVisible
            ? Expression.Constant(value, type)
            : Expression.Convert(Expression.Constant(value, own), type);
    }

    private static Expression Assign(ParameterExpression instance, MemberInjection member, Expression value)
    {
        if (member.Member is FieldInfo { IsInitOnly: true } field)
        {
            // Expression trees cannot assign a readonly field; a small dynamic method can.
            var setter = ReadonlyFieldSetter(field);
            return Expression.Invoke(Expression.Constant(setter), Expression.Convert(instance, typeof(object)), Expression.Convert(value, typeof(object)));
        }

        var target = Expression.Convert(instance, member.Member.DeclaringType!);
        var access = member.Member is FieldInfo f ? Expression.Field(target, f) : Expression.Property(target, (PropertyInfo)member.Member);
        return Expression.Assign(access, value);
    }

    private static Action<object, object?> ReadonlyFieldSetter(FieldInfo field)
    {
        var method = new DynamicMethod($"Set_{field.Name}", null, [typeof(object), typeof(object)], field.DeclaringType!.Module, skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, field.DeclaringType!);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(field.FieldType.IsValueType ? OpCodes.Unbox_Any : OpCodes.Castclass, field.FieldType);
        il.Emit(OpCodes.Stfld, field);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Action<object, object?>>();
    }

    private static void Wait(Task task) => task.GetAwaiter().GetResult();
}
