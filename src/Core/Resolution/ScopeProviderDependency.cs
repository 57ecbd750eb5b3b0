using System.Linq.Expressions;
using System.Reflection;

namespace Sprig.Resolution;

/// <summary>An <see cref="IServiceProvider"/> parameter: the request scope the component is created in, or the context at the root.</summary>
internal sealed class ScopeProviderDependency(ApplicationContext context) : Dependency
{
    private static readonly MethodInfo ProviderFor = typeof(RequestScope).GetMethod(nameof(RequestScope.ProviderFor))!;

    public override object? Resolve(RequestScope? scope) => RequestScope.ProviderFor(scope, context);

    public override Expression Build(Expression scope, Type type) =>
        Expression.Convert(Expression.Call(ProviderFor, scope, Expression.Constant(context)), type);
}
