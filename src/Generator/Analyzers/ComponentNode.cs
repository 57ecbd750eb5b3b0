using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// One component of the compilation as the runtime's registry would hold it: a class, a [Bean] method's product, a provider and
/// its product; with its scope and the points through which it receives dependencies.
/// </summary>
internal sealed class ComponentNode
{
    public ComponentNode(string name, ITypeSymbol type, int? scope, ISymbol declaration, List<InjectionPoint> points)
    {
        Name = name;
        Type = type;
        Scope = scope;
        Declaration = declaration;
        Points = points;
    }

    public string Name { get; }

    /// <summary>Gets the type the component is found by (a [Bean]'s return type, a provider's product type).</summary>
    public ITypeSymbol Type { get; }

    /// <summary>Gets the component's scope, or null when the analyzers cannot know it.</summary>
    public int? Scope { get; }

    /// <summary>Gets the class or method that declares the component; problems without a better place are reported on it.</summary>
    public ISymbol Declaration { get; }

    public List<InjectionPoint> Points { get; }

    /// <summary>Gets the name of the component whose method makes this one (a [Bean]'s configuration class, a provider), or null.</summary>
    public string? Owner { get; init; }

    /// <summary>Gets whether the component is a provider class ('&amp;Name'), which by-type lookups pass over when another matches.</summary>
    public bool IsInfrastructure { get; init; }
}
