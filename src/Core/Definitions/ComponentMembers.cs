using System.Diagnostics.CodeAnalysis;

namespace Sprig.Definitions;

/// <summary>What the trimmer must keep on a component class for Sprig to plan it.</summary>
internal static class ComponentMembers
{
    /// <summary>
    /// The members planning reads on a component class and its base classes: constructors, properties, fields and methods of
    /// any accessibility, and interfaces. The inherited non-public members are kept too, because injected fields and lifecycle
    /// methods of a base class count.
    /// </summary>
    public const DynamicallyAccessedMemberTypes Kept =
        DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.NonPublicConstructors
        | DynamicallyAccessedMemberTypes.AllProperties
        | DynamicallyAccessedMemberTypes.AllFields
        | DynamicallyAccessedMemberTypes.AllMethods
        | DynamicallyAccessedMemberTypes.Interfaces;
}
