namespace Sprig;

/// <summary>
/// Raised when a constructor, factory, hook or injection failed, or a component cannot be built as declared.
/// The message names the component and the chain of components that led to it; the cause is the inner exception.
/// </summary>
public sealed class ComponentCreationException : ContainerException
{
    /// <summary>Initializes an exception with a default message.</summary>
    public ComponentCreationException()
        : this("A component could not be created.")
    {
    }

    /// <summary>Initializes an exception with a message.</summary>
    /// <param name="message">What failed and where.</param>
    public ComponentCreationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with a message and a cause.</summary>
    /// <param name="message">What failed and where.</param>
    /// <param name="innerException">The cause.</param>
    public ComponentCreationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes an exception about one component.</summary>
    /// <param name="message">What failed and where.</param>
    /// <param name="componentName">The component that failed.</param>
    /// <param name="path">The chain that led to it, outermost first.</param>
    /// <param name="innerException">The cause.</param>
    public ComponentCreationException(string message, string componentName, IReadOnlyList<string> path, Exception? innerException = null)
        : base(message, componentName, path, innerException)
    {
    }

    /// <summary>Gets the description of the failure without the path, so that outer components can extend the path.</summary>
    internal string? Detail { get; private init; }

    internal static ComponentCreationException Create(string detail, string component, Exception? cause) =>
        new(Diagnostics.Errors.CreationFailed(detail, [component]), component, [component], cause) { Detail = detail };

    /// <summary>Returns the same failure seen from a component that needed this one.</summary>
    internal ComponentCreationException WithOuter(string outer) => WithPath([outer, .. Path]);

    internal ComponentCreationException WithPath(IReadOnlyList<string> path)
    {
        var detail = Detail ?? Message;
        return new(Diagnostics.Errors.CreationFailed(detail, path), ComponentName ?? path[^1], path, InnerException) { Detail = detail };
    }
}
