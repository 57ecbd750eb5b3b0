namespace Sprig.Generator.Model;

/// <summary>One method Sprig calls: a lifecycle hook, a [Bean] method, an endpoint, or a provider's Get.</summary>
/// <param name="Name">Its name, as declared.</param>
/// <param name="DeclaringType">The type that declares it (the component, a base class, or <c>IProvider&lt;T&gt;</c>).</param>
/// <param name="Parameters">The parameter types, in order.</param>
/// <param name="ReturnType">The return type, or null for void.</param>
/// <param name="IsStatic">Whether it is static (called with a null instance).</param>
/// <param name="Accessor">Whether generated code reaches it through [UnsafeAccessor].</param>
/// <param name="ImplementingType">The class whose implementation is called: for a virtual method, the component's most derived
/// override (an [UnsafeAccessor] call is not virtual); else <paramref name="DeclaringType"/>.</param>
/// <param name="ResultOf">For an endpoint returning <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c>: T, whose
/// values the generated code hands the runtime boxed (no generic code made at run time); else null.</param>
/// <param name="Streams">Whether <paramref name="ResultOf"/> is the item type of an <c>IAsyncEnumerable&lt;T&gt;</c> (returned as
/// the interface, or as a class or interface implementing it).</param>
/// <param name="Contracts">For an endpoint: the interfaces whose methods it implements on the component (their attributes are its
/// route's metadata, which Native AOT's reflection cannot find); else empty.</param>
internal sealed record MethodSpec(
    string Name, string DeclaringType, EquatableArray<string> Parameters, string? ReturnType, bool IsStatic, bool Accessor, string ImplementingType,
    string? ResultOf = null, bool Streams = false, EquatableArray<string> Contracts = default);
