namespace Sprig;

/// <summary>
/// Raised when no component answers to a name or type. The message lists the closest registered names.
/// To avoid it, register the component, check the spelling, or use <see cref="ApplicationContext.TryGet{T}"/> or an optional injection.
/// </summary>
public sealed class ComponentNotFoundException : ContainerException
{
    /// <summary>Initializes an exception with a default message.</summary>
    public ComponentNotFoundException()
        : this("A component was not found.")
    {
    }

    /// <summary>Initializes an exception with a message.</summary>
    /// <param name="message">What was missing and how to fix it.</param>
    public ComponentNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with a message and a cause.</summary>
    /// <param name="message">What was missing and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public ComponentNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes an exception about a missing name or type.</summary>
    /// <param name="message">What was missing and how to fix it.</param>
    /// <param name="requested">The name or type name that was asked for.</param>
    /// <param name="suggestions">The closest registered names.</param>
    /// <param name="componentName">The component that needed it, if any.</param>
    /// <param name="path">The resolution path, outermost first.</param>
    public ComponentNotFoundException(string message, string requested, IReadOnlyList<string> suggestions, string? componentName = null, IReadOnlyList<string>? path = null)
        : base(message, componentName, path)
    {
        Requested = requested;
        Suggestions = suggestions;
    }

    /// <summary>Gets the name or type name that was asked for.</summary>
    public string? Requested { get; }

    /// <summary>Gets the closest registered names ("did you mean").</summary>
    public IReadOnlyList<string> Suggestions { get; } = [];
}
