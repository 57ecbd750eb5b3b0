using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// The components a compilation declares, collected by a symbol action (any thread) and read at the compilation's end: what
/// the runtime's DefinitionReader makes of each attributed class.
/// </summary>
internal sealed class ComponentIndex
{
    private readonly List<ComponentNode> _nodes = [];
    private readonly SprigTypes _sprig;

    public ComponentIndex(SprigTypes sprig) => _sprig = sprig;

    /// <summary>Adds the components <paramref name="type"/> declares, if it is an attributed class the runtime would scan.</summary>
    public void Add(INamedTypeSymbol type)
    {
        var nodes = Read(type, _sprig, withPoints: true);
        if (nodes.Count > 0)
        {
            lock (_nodes)
            {
                _nodes.AddRange(nodes);
            }
        }
    }

    /// <summary>Returns the components collected, in a stable order (by where they are declared), once every symbol was seen.</summary>
    public List<ComponentNode> Nodes()
    {
        lock (_nodes)
        {
            return [.. _nodes.OrderBy(n => n.Declaration.Locations.FirstOrDefault()?.SourceTree?.FilePath, System.StringComparer.Ordinal)
                .ThenBy(n => n.Declaration.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0)];
        }
    }

    /// <summary>Lists the component names the Sprig libraries referenced by <paramref name="compilation"/> declare.</summary>
    public static HashSet<string> ReferencedNames(Compilation compilation, SprigTypes sprig)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var core = sprig.Component.ContainingAssembly;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Modules.Any(m => m.ReferencedAssemblySymbols.Any(r => SymbolEqualityComparer.Default.Equals(r, core))))
            {
                AddNames(assembly.GlobalNamespace, names, sprig);
            }
        }

        return names;
    }

    private static void AddNames(INamespaceOrTypeSymbol container, HashSet<string> names, SprigTypes sprig)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol inner)
            {
                if (inner is INamedTypeSymbol type)
                {
                    foreach (var node in Read(type, sprig, withPoints: false))
                    {
                        names.Add(node.Name);
                    }
                }

                AddNames(inner, names, sprig);
            }
        }
    }

    // DefinitionReader: the class itself (a provider as '&Name' and its product as 'Name'), and a [Configuration]'s [Bean]s.
    private static List<ComponentNode> Read(INamedTypeSymbol type, SprigTypes sprig, bool withPoints)
    {
        var nodes = new List<ComponentNode>();
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.IsGenericType || sprig.ComponentAttribute(type) is not { } attribute)
        {
            return nodes;
        }

        var facts = ComponentFacts.Of(type, sprig);
        var points = withPoints ? InjectionPoint.OfClass(type, ConstructorRule.Read(type, sprig), sprig) : [];
        if (facts.IsProvider)
        {
            nodes.Add(new ComponentNode(facts.ClassComponentName, type, ComponentFacts.Singleton, type, points) { IsInfrastructure = true });
            if (sprig.ProvidedType(type) is { } product)
            {
                nodes.Add(new ComponentNode(facts.Name, product, facts.Scope, type, []) { Owner = facts.ClassComponentName });
            }

            return nodes;
        }

        nodes.Add(new ComponentNode(facts.Name, type, facts.Scope, type, points));
        if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, sprig.Configuration))
        {
            return nodes;
        }

        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (SprigTypes.Find(method, sprig.Bean) is { } bean && !method.ReturnsVoid && !method.IsGenericMethod)
            {
                var (name, scope) = ComponentFacts.OfBean(method, bean);
                nodes.Add(new ComponentNode(name, method.ReturnType, scope, method, withPoints ? InjectionPoint.OfBean(method, sprig) : [])
                {
                    Owner = method.IsStatic ? null : facts.Name,
                });
            }
        }

        return nodes;
    }
}
