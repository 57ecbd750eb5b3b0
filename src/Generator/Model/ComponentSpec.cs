namespace Sprig.Generator.Model;

/// <summary>What the generator emits for one component class. Strings are C# source text (fully qualified type names).</summary>
/// <param name="Type">The class, e.g. <c>global::App.Clock</c>.</param>
/// <param name="Constructors">Its public constructors and the non-public one marked [Inject].</param>
/// <param name="Members">Its injected fields and properties, base class first.</param>
/// <param name="Methods">The methods Sprig calls on it, base class first.</param>
/// <param name="Facts">What it and its base classes carry, for the runtime to skip reading the rest (Parsing/FactsReader).</param>
internal sealed record ComponentSpec(
    string Type,
    EquatableArray<ConstructorSpec> Constructors,
    EquatableArray<MemberSpec> Members,
    EquatableArray<MethodSpec> Methods,
    char Facts);
