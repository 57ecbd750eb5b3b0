namespace Sprig;

/// <summary>
/// Raised by refresh when components depend on each other in a cycle with no lazy link.
/// <see cref="ContainerException.Path"/> holds the cycle (A, B, A). To avoid it, mark one link <see cref="LazyAttribute"/>,
/// or inject <see cref="Lazy{T}"/> or <see cref="Func{TResult}"/>.
/// </summary>
public sealed class CircularDependencyException : ContainerException
{
    /// <summary>Initializes an exception with a default message.</summary>
    public CircularDependencyException()
        : this("A circular dependency was found.")
    {
    }

    /// <summary>Initializes an exception with a message.</summary>
    /// <param name="message">The cycle and the fix.</param>
    public CircularDependencyException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with a message and a cause.</summary>
    /// <param name="message">The cycle and the fix.</param>
    /// <param name="innerException">The cause.</param>
    public CircularDependencyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes an exception for a cycle.</summary>
    /// <param name="message">The cycle and the fix.</param>
    /// <param name="path">The cycle, first component repeated at the end (A, B, A).</param>
    public CircularDependencyException(string message, IReadOnlyList<string> path)
        : base(message, path is { Count: > 0 } ? path[0] : null, path)
    {
    }
}
