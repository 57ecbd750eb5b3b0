namespace Sprig;

/// <summary>
/// Raised when a <see cref="ValueAttribute"/> member cannot be given its configuration value: the raw value does not convert
/// to the member's type. To avoid it, fix the value in configuration or change the member's type.
/// </summary>
public sealed class ConfigurationBindingException : ContainerException
{
    /// <summary>Initializes an exception with a default message.</summary>
    public ConfigurationBindingException()
        : this("A configuration value could not be bound.")
    {
    }

    /// <summary>Initializes an exception with a message.</summary>
    /// <param name="message">The key, the raw value and the target type.</param>
    public ConfigurationBindingException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with a message and a cause.</summary>
    /// <param name="message">The key, the raw value and the target type.</param>
    /// <param name="innerException">The cause.</param>
    public ConfigurationBindingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes an exception about one key.</summary>
    /// <param name="message">The key, the raw value and the target type.</param>
    /// <param name="componentName">The component whose member was bound.</param>
    /// <param name="key">The configuration key.</param>
    /// <param name="rawValue">The raw configuration value.</param>
    /// <param name="targetType">The member's type.</param>
    /// <param name="innerException">The conversion failure.</param>
    public ConfigurationBindingException(string message, string componentName, string key, string? rawValue, Type targetType, Exception? innerException)
        : base(message, componentName, null, innerException)
    {
        Key = key;
        RawValue = rawValue;
        TargetType = targetType;
    }

    /// <summary>Gets the configuration key.</summary>
    public string? Key { get; }

    /// <summary>Gets the raw value found in configuration.</summary>
    public string? RawValue { get; }

    /// <summary>Gets the type the value had to be converted to.</summary>
    public Type? TargetType { get; }
}
