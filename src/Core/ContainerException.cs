namespace Sprig;

/// <summary>
/// The base of every error Sprig raises. It carries the component it is about, the resolution path that led there and,
/// when refresh found several problems at once, each of them in <see cref="Problems"/>.
/// To avoid it, read the message: it names the component, the member and the fix.
/// </summary>
public class ContainerException : Exception
{
    /// <summary>Initializes an exception with a default message.</summary>
    public ContainerException()
        : this("The container reported an error.")
    {
    }

    /// <summary>Initializes an exception with a message.</summary>
    /// <param name="message">What went wrong, where and how to fix it.</param>
    public ContainerException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong, where and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public ContainerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes an exception about one component.</summary>
    /// <param name="message">What went wrong, where and how to fix it.</param>
    /// <param name="componentName">The component the error is about.</param>
    /// <param name="path">The resolution path that led to the component, outermost first.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ContainerException(string message, string? componentName, IReadOnlyList<string>? path, Exception? innerException = null)
        : base(message, innerException)
    {
        ComponentName = componentName;
        Path = path ?? (componentName is null ? [] : [componentName]);
    }

    /// <summary>Initializes an exception that reports several problems found together.</summary>
    /// <param name="message">The summary listing every problem.</param>
    /// <param name="problems">The problems, each a <see cref="ContainerException"/> of its own.</param>
    public ContainerException(string message, IReadOnlyList<ContainerException> problems)
        : base(message, problems is { Count: > 0 } ? problems[0] : null)
    {
        Problems = problems ?? [];
    }

    /// <summary>Gets the name of the component the error is about, if there is one.</summary>
    public string? ComponentName { get; }

    /// <summary>Gets the resolution path that led to the component, outermost first (<c>UserController, UserService, EmailService</c>).</summary>
    public IReadOnlyList<string> Path { get; } = [];

    /// <summary>Gets every problem when refresh or shutdown found more than one; otherwise empty.</summary>
    public IReadOnlyList<ContainerException> Problems { get; } = [];
}
