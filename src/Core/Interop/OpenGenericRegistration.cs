using System.Diagnostics.CodeAnalysis;

namespace Sprig.Interop;

/// <summary>An open generic <c>ServiceDescriptor</c> (<c>IRepo&lt;&gt;</c> -> <c>Repo&lt;&gt;</c>), closed on demand for each type argument list.</summary>
internal sealed record OpenGenericRegistration(
    Type ServiceType,
    [property: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type ImplementationType,
    Scope Scope,
    object? ServiceKey,
    int Order);
