using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// SPRIG0007: a singleton of the compilation that reaches a Request-scoped component of the compilation, directly or through
/// Prototype components, as the runtime's DependencyGraph.FindScopeCaptures finds it. Like the runtime, every link counts:
/// by type, by name, [Lazy], Lazy&lt;T&gt;, Func&lt;T&gt; and collections (a lazy link still keeps the one instance it resolves).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CaptiveDependencyAnalyzer : SprigAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(SprigDiagnostics.CaptiveDependency);

    private protected override void Start(CompilationStartAnalysisContext context, SprigTypes sprig) =>
        AtEnd(context, sprig, (c, nodes) => new ComponentGraph(nodes, sprig).ReportCaptures(c));

    /// <summary>The links between the compilation's components, resolved as the runtime's planner resolves them.</summary>
    private sealed class ComponentGraph
    {
        private readonly List<ComponentNode> _nodes;
        private readonly Dictionary<string, ComponentNode> _byName = new(System.StringComparer.Ordinal);
        private readonly SprigTypes _sprig;

        public ComponentGraph(List<ComponentNode> nodes, SprigTypes sprig)
        {
            _nodes = nodes;
            _sprig = sprig;
            foreach (var node in nodes)
            {
                // Two components with one name are a problem of their own (refresh reports it); the first one stands.
                if (!_byName.ContainsKey(node.Name))
                {
                    _byName.Add(node.Name, node);
                }
            }
        }

        public void ReportCaptures(CompilationAnalysisContext context)
        {
            foreach (var singleton in _nodes)
            {
                if (singleton.Scope != ComponentFacts.Singleton)
                {
                    continue;
                }

                foreach (var (first, point) in Links(singleton))
                {
                    var path = new List<ComponentNode> { singleton };
                    var seen = new HashSet<ComponentNode> { singleton };
                    if (Reaches(first, path, seen) is { } request)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            SprigDiagnostics.CaptiveDependency, LocationOf(point?.Symbol ?? singleton.Declaration, singleton.Declaration),
                            AnalyzerMessages.ScopeCapture(singleton.Name, request.Name, [.. path.Select(n => n.Name)])));
                        break; // one report per singleton, as refresh makes
                    }
                }
            }
        }

        // Depth first through components that are not singletons, to the first Request one.
        private ComponentNode? Reaches(ComponentNode target, List<ComponentNode> path, HashSet<ComponentNode> seen)
        {
            if (!seen.Add(target) || target.Scope is null or ComponentFacts.Singleton)
            {
                return null;
            }

            path.Add(target);
            if (target.Scope == ComponentFacts.Request)
            {
                return target;
            }

            foreach (var (next, _) in Links(target))
            {
                if (Reaches(next, path, seen) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        // The plan's links in the runtime's order: the factory owner, the arguments, the members.
        private IEnumerable<(ComponentNode Target, InjectionPoint? Point)> Links(ComponentNode node)
        {
            if (node.Owner is not null && _byName.TryGetValue(node.Owner, out var owner))
            {
                yield return (owner, null);
            }

            foreach (var point in node.Points)
            {
                foreach (var target in Targets(node, point))
                {
                    yield return (target, point);
                }
            }
        }

        private IEnumerable<ComponentNode> Targets(ComponentNode owner, InjectionPoint point)
        {
            if (point.Value is not null)
            {
                return [];
            }

            if (point.Lazy is not null)
            {
                return point.LazyName is { } lazyName ? ByName(lazyName) : ByType(owner, point, point.Type);
            }

            if (point.ByName is not null)
            {
                return ByName(point.ByNameTarget);
            }

            if (ElementType(point.Type) is { } element)
            {
                return _nodes.Where(n => n != owner && !n.IsInfrastructure && IsAssignable(n.Type, element));
            }

            return ByType(owner, point, Deferred(point.Type) ?? point.Type);
        }

        private IEnumerable<ComponentNode> ByName(string name) => _byName.TryGetValue(name, out var target) ? [target] : [];

        // One candidate, or among several the one named after the point, or the one that is not a provider class; else none.
        private List<ComponentNode> ByType(ComponentNode owner, InjectionPoint point, ITypeSymbol type)
        {
            var candidates = _nodes.Where(n => n != owner && IsAssignable(n.Type, type)).ToList();
            if (candidates.Count > 1)
            {
                var named = candidates.Where(c => string.Equals(c.Name, point.InferredName, System.StringComparison.OrdinalIgnoreCase)).ToList();
                candidates = named.Count == 1 ? named : [.. candidates.Where(c => !c.IsInfrastructure)];
            }

            return candidates.Count == 1 ? candidates : [];
        }

        // T of IEnumerable<T>, IReadOnlyList<T>, IReadOnlyCollection<T>, ICollection<T>, IList<T> and T[].
        private static ITypeSymbol? ElementType(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType;
            }

            return type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
                && named.ConstructedFrom.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_Generic_IReadOnlyList_T
                    or SpecialType.System_Collections_Generic_IReadOnlyCollection_T or SpecialType.System_Collections_Generic_ICollection_T
                    or SpecialType.System_Collections_Generic_IList_T
                ? named.TypeArguments[0]
                : null;
        }

        // T of Lazy<T> and Func<T>.
        private ITypeSymbol? Deferred(ITypeSymbol type) =>
            type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && (SymbolEqualityComparer.Default.Equals(named.ConstructedFrom, _sprig.SystemLazy) || SymbolEqualityComparer.Default.Equals(named.ConstructedFrom, _sprig.Func))
                ? named.TypeArguments[0]
                : null;

        private static bool IsAssignable(ITypeSymbol type, ITypeSymbol to)
        {
            if (to.TypeKind == TypeKind.Error)
            {
                return false;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t, to))
                {
                    return true;
                }
            }

            return type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, to));
        }
    }
}
