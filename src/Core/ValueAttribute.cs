namespace Sprig;

/// <summary>
/// Injects a configuration value, converted to the member's type. A missing key leaves the member's own default in place.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class ValueAttribute : Attribute
{
    /// <summary>Initializes the attribute; the key is "&lt;ComponentName&gt;:&lt;MemberName&gt;".</summary>
    public ValueAttribute()
    {
    }

    /// <summary>Initializes the attribute with a configuration key; "feature.timeout" and "feature:timeout" are the same key.</summary>
    /// <param name="key">The configuration key.</param>
    public ValueAttribute(string key) => Key = key;

    /// <summary>Gets the configuration key, or <see langword="null"/> for "&lt;ComponentName&gt;:&lt;MemberName&gt;".</summary>
    public string? Key { get; }

    /// <summary>Gets or sets the value used when configuration does not set the key; it wins over the member's own initial value.</summary>
    public string? Default { get; set; }
}
