namespace Sprig.Generator.Model;

/// <summary>One constructor.</summary>
/// <param name="Parameters">The parameter types, in order.</param>
/// <param name="Accessor">Whether generated code reaches it through [UnsafeAccessor] (it is not accessible, or the class has
/// required members the constructor does not set).</param>
/// <param name="Names">The parameter names, in order.</param>
internal sealed record ConstructorSpec(EquatableArray<string> Parameters, bool Accessor, EquatableArray<string> Names);
