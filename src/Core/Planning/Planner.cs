using System.Reflection;
using Sprig.Definitions;
using Sprig.Diagnostics;

namespace Sprig.Planning;

/// <summary>
/// Decides how each component is built, as a <see cref="ComponentPlan"/>: the constructor or factory, a <see cref="Dependency"/>
/// for every injection point, the lifecycle methods. Two rule sets: Sprig's for attributed components (this file) and MS.DI's
/// for service descriptors (<c>Planner.Descriptors.cs</c>). One planner per component table serves both refresh and the
/// components closed from open generic registrations on demand. Problems are recorded, never thrown, so that refresh reports
/// all at once.
/// </summary>
internal sealed partial class Planner(ComponentTable table, PlanServices services)
{
    /// <summary>Plans one component of the table; its problems go to <paramref name="problems"/>.</summary>
    public ComponentPlan Plan(ComponentEntry entry, Problems problems)
    {
        var definition = entry.Definition;
        return definition.Kind switch
        {
            ComponentKind.Instance => ComponentPlan.Empty,
            ComponentKind.Delegate => ComponentPlan.Delegate,
            ComponentKind.Class when definition.FromDescriptor => Complete(entry, Descriptor(entry, problems), problems),
            _ => Complete(entry, Attributed(entry, problems), problems),
        };
    }

    /// <summary>Plans a component closed from an open generic registration after refresh; its problems are thrown at once.</summary>
    public ComponentPlan PlanClosed(ComponentEntry entry)
    {
        var problems = new Problems();
        var plan = Plan(entry, problems);
        ApplicationContext.ThrowProblems(problems.Render(e => [e.Name]), Errors.RefreshProblems);
        return plan;
    }

    /// <summary>Sprig's rule for how an attributed component is made: its constructor, or its [Bean] method or provider.</summary>
    private Construction Attributed(ComponentEntry entry, Problems problems)
    {
        var definition = entry.Definition;
        if (definition.Kind == ComponentKind.Class)
        {
            var (constructor, generated, points) = ConstructorSelection.Attributed(definition, problems);
            var arguments = new Dependency[points.Length];
            for (var i = 0; i < points.Length; i++)
            {
                arguments[i] = Resolve(entry, points[i], problems);
            }

            return new(constructor, null, arguments, ConstructorStage) { Generated = generated };
        }

        var method = definition.FactoryMethod!;
        var owner = definition.FactoryOwner is null ? null : new ComponentDependency(table.ByName[definition.FactoryOwner]);
        var factoryParameters = method.GetParameters();
        var factoryArguments = new Dependency[factoryParameters.Length];
        for (var i = 0; i < factoryParameters.Length; i++)
        {
            factoryArguments[i] = Resolve(entry, InjectionPoint.ForParameter(factoryParameters[i], $"[Bean] method '{method.Name}'"), problems);
        }

        var stage = definition.Factory == FactoryKind.Provider
            ? $"provider '{Errors.TypeName(definition.Source)}'.Get()"
            : $"[Bean] method '{Errors.TypeName(definition.Source)}.{method.Name}'";
        return new(null, owner, factoryArguments, stage);
    }

    /// <summary>Completes a plan from how the component is made: members, lifecycle methods, the words for each stage.</summary>
    private ComponentPlan Complete(ComponentEntry entry, Construction construction, Problems problems)
    {
        var definition = entry.Definition;
        var stages = new List<string> { construction.Stage };
        var type = definition.ImplementationType ?? definition.Type;
        var scan = definition is { FromDescriptor: false, ImplementationType: { } implementation } ? TypeScan.Of(implementation) : TypeScan.OfUnannotated(type);
        var members = Members(entry, scan, problems);
        foreach (var member in members)
        {
            stages.Add($"injecting {member.Description}");
        }

        foreach (var hook in scan.BadHooks)
        {
            problems.Add(new ComponentCreationException(Errors.InvalidLifecycleMethod(definition, hook.Attribute, hook.Method, hook.Rule), entry.Name, [entry.Name]));
        }

        foreach (var method in scan.PostConstruct)
        {
            stages.Add($"[PostConstruct] method '{method.Name}'");
        }

        if (scan.OnStart.Length > 0 && definition.Scope != Scope.Singleton)
        {
            problems.Add(new ComponentCreationException(Errors.OnStartNeedsSingleton(definition, scan.OnStart[0]), definition.Name, [definition.Name]));
        }

        return new ComponentPlan
        {
            Constructor = construction.Constructor,
            Generated = construction.Generated ?? scan.Generated.Constructor(construction.Constructor),
            GeneratedFor = construction.Generated is null ? null : scan.Type,
            FactoryMethod = definition.FactoryMethod,
            CallFactory = definition.FactoryMethod is { } factory ? GeneratedCalls.Of(definition.Source).Method(factory) : null,
            FactoryOwner = construction.FactoryOwner,
            Arguments = construction.Arguments,
            Members = members,
            PostConstruct = scan.PostConstruct,
            OnStart = scan.OnStart,
            PreDestroy = scan.PreDestroy,
            HookCalls = HookCalls(scan),
            Stages = stages.Count == 1 && ReferenceEquals(stages[0], ConstructorStage) ? ConstructorOnly : [.. stages],
            MayNeedDestroy = scan.PreDestroy.Length > 0 || ComponentPlan.TypeMayNeedDestroy(type, exact: definition.Kind == ComponentKind.Class),
        };
    }

    // The lifecycle methods' generated calls, matched once here rather than on each call.
    private static GeneratedHookCalls HookCalls(TypeScan scan) =>
        ReferenceEquals(scan.Generated, GeneratedCalls.None) || scan.PostConstruct.Length + scan.OnStart.Length + scan.PreDestroy.Length == 0
            ? GeneratedHookCalls.None
            : new([.. scan.PostConstruct.Select(scan.Generated.Method)], [.. scan.OnStart.Select(scan.Generated.Method)], [.. scan.PreDestroy.Select(scan.Generated.Method)]);

    private MemberInjection[] Members(ComponentEntry entry, TypeScan scan, Problems problems)
    {
        if (scan.Members.Length == 0)
        {
            return [];
        }

        var result = new List<MemberInjection>(scan.Members.Length);
        foreach (var member in scan.Members)
        {
            if (member.HasNoSetter)
            {
                problems.Add(new ComponentCreationException(Errors.PropertyWithoutSetter(entry.Definition, (PropertyInfo)member.Member), entry.Name, [entry.Name]));
                continue;
            }

            result.Add(new MemberInjection(member.Member, member.Type, Resolve(entry, member.Point, problems), member.Point.Description)
            {
                Set = scan.Generated.Setter(member.Member),
            });
        }

        return [.. result];
    }

    private const string ConstructorStage = "its constructor";

    // The stages of most components: shared, not one array each.
    private static readonly string[] ConstructorOnly = [ConstructorStage];

    /// <summary>How a component is made: a constructor, or a factory method on an owner, with its arguments.</summary>
    private readonly record struct Construction(ConstructorInfo? Constructor, Dependency? FactoryOwner, Dependency[] Arguments, string Stage)
    {
        /// <summary>Gets the generated call of the constructor Sprig.Generator chose, when <see cref="Constructor"/> was not read.</summary>
        public Generated.GeneratedConstructor? Generated { get; init; }
    }
}
