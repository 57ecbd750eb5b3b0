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

    public override Expression Build(Expression scope, Type type) =>
        Expression.Convert(Expression.Call(Expression.Constant(Target), ResolveMethod, scope), type);
}
