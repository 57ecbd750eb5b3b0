namespace Sprig.Generator.Model;

/// <summary>What the generator emits for one component class. Strings are C# source text (fully qualified type names).</summary>
/// <param name="Type">The class, e.g. <c>global::App.Clock</c>.</param>
/// <param name="Constructors">Its public constructors and the non-public one marked [Inject].</param>
/// <param name="Members">Its injected fields and properties, base class first.</param>
/// <param name="Methods">The methods Sprig calls on it, base class first.</param>
/// <param name="Facts">What it and its base classes carry, for the runtime to skip reading the rest (Parsing/FactsReader).</param>
/// <param name="Chosen">The index in <paramref name="Constructors"/> of the one Sprig's rule chooses, when its parameters are plain
/// (Parsing/ConstructorChoice); else -1.</param>
/// <param name="Attribute">Source that makes its component attribute (Parsing/AttributeSource), or null.</param>
/// <param name="Experimental">The diagnostic ids of the [Experimental] APIs its generated code names (Parsing/ExperimentalIds).</param>
internal sealed record ComponentSpec(
    string Type,
    EquatableArray<ConstructorSpec> Constructors,
    EquatableArray<MemberSpec> Members,
    EquatableArray<MethodSpec> Methods,
    char Facts,
    int Chosen = -1,
    string? Attribute = null,
    EquatableArray<string> Experimental = default);
