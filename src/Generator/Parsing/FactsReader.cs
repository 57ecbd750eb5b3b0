using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Parsing;

/// <summary>
/// What a component class and its base classes carry, as the runtime reads it by reflection (src/Core/Generated/ClassFacts.cs):
/// one character, <c>'@'</c> plus flags, which the runtime reads to skip looking for what a class does not carry; <c>'?'</c> when
/// the compilation cannot show the whole class. A flag may be set where the runtime then finds nothing (it reads as before);
/// it must never be clear where the runtime would find something.
/// </summary>
internal static class FactsReader
{
    private const int Members = 1;
    private const int Hooks = 2;
    private const int Endpoints = 4;
    private const int Conditions = 8;
    private const int ServiceKey = 16;

    /// <summary>The character the runtime reads as "read this class whole".</summary>
    public const char Unknown = '?';

    /// <summary>Returns the facts character of <paramref name="type"/>, whose levels (base first, object left out) are <paramref name="hierarchy"/>.</summary>
    public static char Of(INamedTypeSymbol type, IReadOnlyList<INamedTypeSymbol> hierarchy, Compilation compilation)
    {
        var flags = 0;
        foreach (var level in hierarchy)
        {
            // A referenced assembly's private members are not in the compilation (and a base class may change without a rebuild
            // of this one): such a class is read whole.
            if (!SymbolEqualityComparer.Default.Equals(level.ContainingAssembly, compilation.Assembly))
            {
                return Unknown;
            }

            if (level.GetAttributes().Any(a => Symbols.DerivesFrom(a.AttributeClass, Symbols.Condition)))
            {
                flags |= Conditions;
            }

            foreach (var member in level.GetMembers())
            {
                switch (member)
                {
                    case IFieldSymbol or IPropertySymbol when Symbols.IsInjected(member):
                        flags |= Members;
                        break;
                    case IMethodSymbol method:
                        if (Symbols.Has(method, Symbols.Endpoint))
                        {
                            flags |= Endpoints;
                        }

                        if (Symbols.Has(method, Symbols.PostConstruct) || Symbols.Has(method, Symbols.OnStart) || Symbols.Has(method, Symbols.PreDestroy))
                        {
                            flags |= Hooks;
                        }

                        break;
                }
            }
        }

        if (Symbols.Has(type, Symbols.ServiceKey))
        {
            flags |= ServiceKey;
        }

        return (char)('@' + flags);
    }
}
