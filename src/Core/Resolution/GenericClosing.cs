using System.Diagnostics.CodeAnalysis;

namespace Sprig.Resolution;

/// <summary>
/// Closes open generic types at run time (an open generic registration for a closed service type, <c>Logger&lt;T&gt;</c> for an
/// <c>ILogger&lt;T&gt;</c>). Under Native AOT, as in MS.DI, this works over reference types only: the AOT compiler compiles a
/// generic type's code once for every reference type (shared code), but over a value type only where the build saw it used.
/// </summary>
internal static class GenericClosing
{
    /// <summary>Returns the argument that keeps <paramref name="arguments"/> from closing a generic type here (a value type without dynamic code), or null.</summary>
    public static Type? Blocking(Type[] arguments) => Generated.DynamicCode.IsSupported ? null : Array.Find(arguments, a => a.IsValueType);

    /// <summary>Closes <paramref name="definition"/> over <paramref name="arguments"/>; the caller has checked that <see cref="Blocking"/> is null.</summary>
    [UnconditionalSuppressMessage("AotAnalysis", "IL3050:RequiresDynamicCode",
        Justification = "Callers check Blocking: without dynamic code only reference types close a definition, whose shared code Native AOT always compiles (MS.DI's rule for open generics).")]
    [UnconditionalSuppressMessage("Trimming", "IL2055:MakeGenericType",
        Justification = "The definition's public constructors are kept by its annotation, and a constructed type has its definition's constructors; no generic parameter here carries trimming annotations of its own (MS.DI's rule for open generics).")]
    [UnconditionalSuppressMessage("Trimming", "IL2073:UnrecognizedReflectionPattern",
        Justification = "As above: the constructed type's constructors are the definition's, which its annotation keeps.")]
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    public static Type Close([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type definition, Type[] arguments) =>
        definition.MakeGenericType(arguments);

    /// <summary>Makes an array of <paramref name="element"/>; without dynamic code only of a reference type (else a <see cref="ContainerException"/> says why).</summary>
    [UnconditionalSuppressMessage("AotAnalysis", "IL3050:RequiresDynamicCode",
        Justification = "Reference element types only without dynamic code (checked): Native AOT shares the code of arrays of reference types, as MS.DI's IEnumerable<T> relies on.")]
    public static Array ArrayOf(Type element, int length) =>
        Generated.DynamicCode.IsSupported || !element.IsValueType
            ? Array.CreateInstance(element, length)
            : throw new ContainerException(Diagnostics.Errors.GenericNeedsDynamicCode("an array", element));
}
