namespace Sprig.Resolution;

/// <summary>
/// A service descriptor's parameter that nothing can satisfy. Microsoft.Extensions.DependencyInjection reports it when the
/// service is resolved, as an <see cref="InvalidOperationException"/>, not when the provider is built; so does this.
/// </summary>
internal sealed class UnresolvableDependency(string message) : Dependency
{
    /// <summary>Marks the exception so that creation lets it through unwrapped, as MS.DI callers expect.</summary>
    public const string Marker = "Sprig.Unresolvable";

    public string Message { get; } = message;

    /// <summary>Throws the marked exception; the interpreter calls it, and compiled factories call it through a constant.</summary>
    public object Throw()
    {
        var exception = new InvalidOperationException(Message);
        exception.Data[Marker] = true;
        throw exception;
    }
}
