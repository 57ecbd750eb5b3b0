using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Parsing;

/// <summary>
/// The diagnostic ids of the [Experimental] APIs generated code names: an application that uses one suppresses the id in its own
/// code, which does not reach the generated file, so the registry suppresses the same ids (as it does CS0612/CS0618 for obsolete ones).
/// </summary>
internal static class ExperimentalIds
{
    private const string Experimental = "System.Diagnostics.CodeAnalysis.ExperimentalAttribute";

    /// <summary>Adds the ids of <paramref name="symbol"/>, of what contains it (type, namespace, assembly) and, for a type, of its type arguments or elements.</summary>
    public static void Add(ISet<string> ids, ISymbol? symbol)
    {
        for (var s = symbol; s is not null; s = s.ContainingSymbol)
        {
            foreach (var attribute in s.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == Experimental && attribute.ConstructorArguments is [{ Value: string id }, ..])
                {
                    ids.Add(id);
                }
            }
        }

        switch (symbol)
        {
            case IArrayTypeSymbol array:
                Add(ids, array.ElementType);
                break;
            case INamedTypeSymbol { IsGenericType: true } generic:
                foreach (var argument in generic.TypeArguments)
                {
                    Add(ids, argument);
                }

                break;
        }
    }

    /// <summary>Tells whether using <paramref name="symbol"/> reports an [Experimental] diagnostic.</summary>
    public static bool Marks(ISymbol symbol)
    {
        var ids = new HashSet<string>();
        Add(ids, symbol);
        return ids.Count > 0;
    }

    /// <summary>Adds the ids of a method (or constructor), its parameter types and its return type.</summary>
    public static void AddMethod(ISet<string> ids, IMethodSymbol method)
    {
        Add(ids, method);
        Add(ids, method.ReturnType);
        foreach (var parameter in method.Parameters)
        {
            Add(ids, parameter.Type);
        }
    }

    /// <summary>Tells whether a #pragma can name the id (the compiler requires an identifier or a number).</summary>
    public static bool CanSuppress(string id) => id.Length > 0 && id.All(c => char.IsLetterOrDigit(c) || c == '_');
}
