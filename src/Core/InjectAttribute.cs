namespace Sprig;

/// <summary>
/// Injects a component by the member's type into a property (with a setter of any accessibility) or field,
/// or chooses the constructor the container calls.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Constructor)]
public sealed class InjectAttribute : Attribute
{
    /// <summary>Gets or sets whether a missing component fails refresh; when <see langword="false"/> the member is left as it is.</summary>
    public bool Required { get; set; } = true;
}
