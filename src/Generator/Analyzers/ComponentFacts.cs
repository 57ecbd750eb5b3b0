using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// What a class's component attribute says, read as the runtime's DefinitionReader reads it: the name (the attribute's Name,
/// else the class name), the scope (Singleton, a [Controller] Request), the endpoint namespace ("default").
/// </summary>
internal sealed class ComponentFacts
{
    public const int Singleton = 0;
    public const int Prototype = 1;
    public const int Request = 2;

    private ComponentFacts(string name, int? scope, string endpointNamespace, bool isAttributed, bool isProvider)
    {
        Name = name;
        Scope = scope;
        Namespace = endpointNamespace;
        IsAttributed = isAttributed;
        IsProvider = isProvider;
    }

    /// <summary>Gets the component's name (for a provider, the name of its product).</summary>
    public string Name { get; }

    /// <summary>Gets the component's scope, or null when a custom attribute may set it in a way the analyzers cannot see.</summary>
    public int? Scope { get; }

    /// <summary>Gets the namespace of the component's endpoints.</summary>
    public string Namespace { get; }

    /// <summary>Gets whether the class carries a component attribute (else it is read as Register&lt;T&gt;() would read it).</summary>
    public bool IsAttributed { get; }

    /// <summary>Gets whether the class is a provider: the class itself is then the component '&amp;Name'.</summary>
    public bool IsProvider { get; }

    /// <summary>Gets the name of the component the class itself is ('&amp;Name' for a provider, whose product is 'Name').</summary>
    public string ClassComponentName => IsProvider ? "&" + Name : Name;

    /// <summary>Reads the facts of <paramref name="type"/>, with or without a component attribute.</summary>
    public static ComponentFacts Of(INamedTypeSymbol type, SprigTypes sprig)
    {
        var attribute = sprig.ComponentAttribute(type);
        var name = type.MetadataName;
        int? scope = Singleton;
        var ns = "default";
        if (attribute?.AttributeClass is { } attributeClass)
        {
            var own = SymbolEqualityComparer.Default.Equals(attributeClass.ContainingAssembly, sprig.Component.ContainingAssembly);
            if (own && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string given)
            {
                name = given;
            }

            // The constructors of a custom attribute may set anything: only Sprig's own are known.
            scope = !own ? null : SymbolEqualityComparer.Default.Equals(attributeClass, sprig.Controller) ? Request : Singleton;
            foreach (var named in attribute.NamedArguments)
            {
                switch (named.Key)
                {
                    case "Name" when named.Value.Value is string set:
                        name = set;
                        break;
                    case "Scope" when named.Value.Value is int set:
                        scope = set;
                        break;
                    case "Namespace" when named.Value.Value is string set:
                        ns = set;
                        break;
                }
            }
        }

        var isProvider = SymbolEqualityComparer.Default.Equals(attribute?.AttributeClass, sprig.Provider)
            || (attribute is null && sprig.ProvidedType(type) is not null);
        return new ComponentFacts(name, scope, ns, attribute is not null, isProvider);
    }

    /// <summary>Returns the name and scope of a [Bean] method: the attribute's Name, else the method name; its Scope, else Singleton.</summary>
    public static (string Name, int Scope) OfBean(IMethodSymbol method, AttributeData bean)
    {
        var name = bean.ConstructorArguments.Length == 1 && bean.ConstructorArguments[0].Value is string given ? given : method.MetadataName;
        var scope = Singleton;
        foreach (var named in bean.NamedArguments)
        {
            if (named.Key == "Name" && named.Value.Value is string set)
            {
                name = set;
            }
            else if (named.Key == "Scope" && named.Value.Value is int value)
            {
                scope = value;
            }
        }

        return (name, scope);
    }

    /// <summary>Returns the words for a scope, as the runtime prints <c>Scope</c>.</summary>
    public static string ScopeName(int scope) => scope switch
    {
        Singleton => "Singleton",
        Prototype => "Prototype",
        Request => "Request",
        _ => scope.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
