namespace Sprig.Generator.Model;

/// <summary>One injected field or property.</summary>
/// <param name="Name">Its name, as declared.</param>
/// <param name="DeclaringType">The class that declares it (the component or one of its base classes).</param>
/// <param name="Type">Its type.</param>
/// <param name="Access">How generated code sets it.</param>
internal sealed record MemberSpec(string Name, string DeclaringType, string Type, MemberAccess Access);

/// <summary>How generated code sets a member.</summary>
internal enum MemberAccess
{
    /// <summary>An assignment: the member (and its setter) is accessible and writable.</summary>
    Assign,

    /// <summary>A <c>ref</c> to the field from <c>[UnsafeAccessor(UnsafeAccessorKind.Field)]</c>.</summary>
    FieldAccessor,

    /// <summary>A call of <c>set_Name</c> through <c>[UnsafeAccessor(UnsafeAccessorKind.Method)]</c>.</summary>
    SetterAccessor,
}
