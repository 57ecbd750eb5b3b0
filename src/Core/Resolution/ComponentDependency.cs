using System.Linq.Expressions;
using System.Reflection;

namespace Sprig.Resolution;

/// <summary>A direct link to one component.</summary>
internal sealed class ComponentDependency(ComponentEntry target) : Dependency
{
    private static readonly MethodInfo ResolveMethod = typeof(ComponentEntry).GetMethod(nameof(ComponentEntry.Resolve))!;

    public ComponentEntry Target { get; } = target;

    public override IEnumerable<(ComponentEntry Target, bool Lazy)> Links => [(Target, false)];

    public override object? Resolve(RequestScope? scope) => Target.Resolve(scope);

    // Factories compile after refresh, when every singleton exists: a singleton dependency is then a constant, and a simple
    // prototype is constructed inline, in the same compiled method as the component that needs it.
    public override Expression Build(Expression scope, Type type) =>
        Target.Definition.Scope == Scope.Singleton && Target.IsCreated ? Expression.Constant(Target.Resolve(null), type)
        : FactoryCompiler.CanInline(Target) ? Expression.Convert(FactoryCompiler.Inline(Target, scope), type)
        : Expression.Convert(Expression.Call(Expression.Constant(Target), ResolveMethod, scope), type);
}
