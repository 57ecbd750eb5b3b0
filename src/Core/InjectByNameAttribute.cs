namespace Sprig;

/// <summary>
/// Injects a component by its name into a property, field or constructor parameter.
/// Without a name, the name is inferred from the member: <c>UserRepo</c>, <c>userRepo</c> and <c>_userRepo</c> all mean "UserRepo".
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class InjectByNameAttribute : Attribute
{
    /// <summary>Initializes the attribute; the component name is inferred from the member name.</summary>
    public InjectByNameAttribute()
    {
    }

    /// <summary>Initializes the attribute with the name of the component to inject.</summary>
    /// <param name="name">The component name.</param>
    public InjectByNameAttribute(string name) => Name = name;

    /// <summary>Gets the component name, or <see langword="null"/> to infer it from the member name.</summary>
    public string? Name { get; }

    /// <summary>Gets or sets whether a missing component fails refresh; when <see langword="false"/> the member is left as it is.</summary>
    public bool Required { get; set; } = true;
}
