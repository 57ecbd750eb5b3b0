using System.Linq.Expressions;
using System.Reflection;

namespace Sprig.Resolution;

/// <summary>
/// A service descriptor's parameter that nothing can satisfy. Microsoft.Extensions.DependencyInjection reports it when the
/// service is resolved, as an <see cref="InvalidOperationException"/>, not when the provider is built; so does this.
/// </summary>
internal sealed class UnresolvableDependency(string message) : Dependency
{
    /// <summary>Marks the exception so that creation lets it through unwrapped, as MS.DI callers expect.</summary>
    public const string Marker = "Sprig.Unresolvable";

    private static readonly MethodInfo ThrowMethod = typeof(UnresolvableDependency).GetMethod(nameof(Throw), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public override object? Resolve(RequestScope? scope) => Throw();

    public override Expression Build(Expression scope, Type type) =>
        Expression.Convert(Expression.Call(Expression.Constant(this), ThrowMethod), type);

    private object Throw()
    {
        var exception = new InvalidOperationException(message);
        exception.Data[Marker] = true;
        throw exception;
    }
}
