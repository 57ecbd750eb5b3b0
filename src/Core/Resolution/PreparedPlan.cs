using System.Reflection;
using Sprig.Definitions;
using Sprig.Generated;

namespace Sprig.Resolution;

/// <summary>
/// A component's plan made ready, once, for repeated creation where code cannot be generated at run time (Native AOT, or the
/// <c>Sprig.IsDynamicCodeSupported</c> switch off): what <see cref="PlanCompiler"/> decides when it compiles, decided here as data.
/// A created singleton is a constant, a simple prototype is inlined (its own prepared plan, called directly), each dependency is a
/// <see cref="PreparedValue"/>, and a generated constructor that asks for its arguments one at a time
/// (<see cref="GeneratedArguments"/>) gets them straight from here: no argument array, no type test, no lookup per creation.
/// Used after refresh only (creations are not timed then); failures are reported by <see cref="ComponentEntry.Fail"/> with the
/// same stages as <see cref="PlanInterpreter"/>.
/// </summary>
internal sealed class PreparedPlan : PreparedValue
{
    // How deep prototypes are inlined into one another: a bound on the work of preparing, and on a cycle of prototypes.
    private const int MaxInlineDepth = 8;

    [ThreadStatic]
    private static int t_depth;

    private readonly ComponentEntry _entry;
    private readonly ComponentPlan _plan;
    private readonly Func<int, GeneratedArguments, object>? _shared;
    private readonly int _id;
    private readonly PreparedValue[] _arguments;
    private readonly PreparedValue? _owner;

    // Index for index with the plan's members: null for a member the plan skips.
    private readonly PreparedValue?[] _members;
    private readonly Action<object, object?>?[] _setters;
    private readonly Func<object?, object?[], object?>?[] _postConstruct;

    // Constructed only: one stage, nothing after the constructor.
    private readonly bool _constructorOnly;

    public PreparedPlan(ComponentEntry entry)
    {
        _entry = entry;
        var plan = _plan = entry.Plan;
        if (plan.ByConstructor && plan.Generated is { Shared: { } shared } generated)
        {
            _shared = shared;
            _id = generated.Id;
        }

        t_depth++;
        try
        {
            _arguments = plan.Arguments.Count == 0 ? [] : new PreparedValue[plan.Arguments.Count];
            for (var i = 0; i < _arguments.Length; i++)
            {
                _arguments[i] = Prepare(plan.Arguments[i]);
            }

            _owner = plan.FactoryOwner is null ? null : Prepare(plan.FactoryOwner);
            _members = plan.Members.Count == 0 ? [] : new PreparedValue?[plan.Members.Count];
            _setters = plan.Members.Count == 0 ? [] : new Action<object, object?>?[plan.Members.Count];
            for (var i = 0; i < _members.Length; i++)
            {
                var member = plan.Members[i];
                _members[i] = member.Dependency.Skip ? null : Prepare(member.Dependency);
                _setters[i] = member.Set;
            }
        }
        finally
        {
            t_depth--;
        }

        _postConstruct = plan.PostConstruct.Count == 0 ? [] : new Func<object?, object?[], object?>?[plan.PostConstruct.Count];
        for (var i = 0; i < _postConstruct.Length; i++)
        {
            _postConstruct[i] = GeneratedHookCalls.At(plan.HookCalls.PostConstruct, i);
        }

        _constructorOnly = _members.Length == 0 && _postConstruct.Length == 0;
    }

    /// <summary>Creates one instance in <paramref name="scope"/>, as <see cref="PlanInterpreter.Create"/> does after refresh.</summary>
    public object Create(RequestScope? scope)
    {
        if (_constructorOnly)
        {
            try
            {
                return Construct(scope);
            }
            catch (Exception ex)
            {
                throw _entry.Fail(0, ex);
            }
        }

        var stage = 0;
        try
        {
            var instance = Construct(scope);
            var members = _members;
            for (var i = 0; i < members.Length; i++)
            {
                if (members[i] is { } member)
                {
                    stage = i + 1;
                    var value = member is ConstantValue constant ? constant.Value : member.Get(scope);
                    if (_setters[i] is { } set)
                    {
                        set(instance, value);
                    }
                    else
                    {
                        PlanInterpreter.SetMember(instance, _plan.Members[i].Member, value);
                    }
                }
            }

            var hooks = _postConstruct;
            for (var i = 0; i < hooks.Length; i++)
            {
                stage = members.Length + 1 + i;
                if (MethodCalls.Invoke(_plan.PostConstruct[i], hooks[i], instance) is Task task)
                {
                    task.GetAwaiter().GetResult();
                }
            }

            return instance;
        }
        catch (Exception ex)
        {
            throw _entry.Fail(stage, ex);
        }
    }

    /// <summary>Creates an inlined prototype: this plan as a dependency of another.</summary>
    public override object? Get(RequestScope? scope) => Create(scope);

    /// <summary>Makes the argument at <paramref name="index"/> when the generated constructor asks for it.</summary>
    public object? Argument(int index, RequestScope? scope) => _arguments[index] is ConstantValue constant ? constant.Value : _arguments[index].Get(scope);

    private object Construct(RequestScope? scope) => _shared is { } shared ? shared(_id, new GeneratedArguments(this, scope)) : ConstructOtherwise(scope);

    private object ConstructOtherwise(RequestScope? scope)
    {
        var plan = _plan;
        if (plan.ByConstructor)
        {
            return plan.Create is { } create ? create(Arguments(scope)) : plan.Constructor!.Invoke(BindingFlags.DoNotWrapExceptions, null, Arguments(scope), null);
        }

        if (plan.FactoryMethod is { } method)
        {
            var owner = _owner?.Get(scope);
            var product = plan.CallFactory is { } call ? call(owner, Arguments(scope)) : method.Invoke(owner, BindingFlags.DoNotWrapExceptions, null, Arguments(scope), null);
            return NullProductException.Check(product);
        }

        return PlanInterpreter.Construct(_entry, plan, scope);
    }

    private object?[] Arguments(RequestScope? scope)
    {
        if (_arguments.Length == 0)
        {
            return [];
        }

        var values = new object?[_arguments.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _arguments[i].Get(scope);
        }

        return values;
    }

    private static PreparedValue Prepare(Dependency dependency) => dependency switch
    {
        // As PlanCompiler.Build: after refresh every singleton exists and is a constant; a simple prototype is inlined.
        ComponentDependency { Target: var target } => target.Definition.Scope == Scope.Singleton && target.IsCreated ? new ConstantValue(target.Resolve(null))
            : target.CanInline && t_depth < MaxInlineDepth ? target.Prepared
            : new ResolvedValue(target),
        ConstantDependency constant => new ConstantValue(constant.Value),
        SkipDependency => ConstantValue.Null,
        _ => new InterpretedValue(dependency),
    };
}
