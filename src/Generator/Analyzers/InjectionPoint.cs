using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Analyzers;

/// <summary>
/// A constructor or [Bean] parameter, a field or a property that receives a dependency, with the Sprig attributes that say how;
/// described in the runtime's words ("constructor parameter 'repo'", "field '_cache'").
/// </summary>
internal sealed class InjectionPoint
{
    private InjectionPoint(ISymbol symbol, ITypeSymbol type, string description, bool isParameter, SprigTypes sprig)
    {
        Symbol = symbol;
        Type = type;
        Description = description;
        IsParameter = isParameter;
        Lazy = SprigTypes.Find(symbol, sprig.Lazy);
        ByName = SprigTypes.Find(symbol, sprig.InjectByName);
        Value = SprigTypes.Find(symbol, sprig.Value);
        Inject = SprigTypes.Find(symbol, sprig.Inject);
    }

    public ISymbol Symbol { get; }

    public ITypeSymbol Type { get; }

    public string Description { get; }

    public bool IsParameter { get; }

    public AttributeData? Lazy { get; }

    public AttributeData? ByName { get; }

    public AttributeData? Value { get; }

    public AttributeData? Inject { get; }

    /// <summary>Gets the name given to [Lazy("name")] or [InjectByName("name")], or null.</summary>
    public string? LazyName => Lazy is { ConstructorArguments.Length: 1 } lazy ? lazy.ConstructorArguments[0].Value as string : null;

    /// <summary>Gets the component name an [InjectByName] point asks for: the one given, else the one inferred from the member.</summary>
    public string ByNameTarget => ByName is { ConstructorArguments.Length: 1 } byName && byName.ConstructorArguments[0].Value is string given ? given : InferredName;

    /// <summary>Gets the component name a member stands for: <c>UserRepo</c>, <c>userRepo</c> and <c>_userRepo</c> mean "UserRepo".</summary>
    public string InferredName
    {
        get
        {
            var member = Symbol.Name;
            var name = member.TrimStart('_');
            return name.Length == 0 ? member : char.ToUpperInvariant(name[0]) + name.Substring(1);
        }
    }

    /// <summary>Gets whether the runtime lets the point go unfilled: a parameter with a default value, a member with Required = false.</summary>
    public bool Optional =>
        Symbol is IParameterSymbol parameter ? parameter.HasExplicitDefaultValue
        : Inject is not null ? !IsRequired(Inject)
        : ByName is not null ? !IsRequired(ByName)
        : Value is not null; // a [Value] member without its key keeps the class's own default

    /// <summary>Returns the point of a constructor or [Bean] method parameter.</summary>
    public static InjectionPoint ForParameter(IParameterSymbol parameter, string owner, SprigTypes sprig) =>
        new(parameter, parameter.Type, $"{owner} parameter '{parameter.Name}'", isParameter: true, sprig);

    /// <summary>Returns the point of a field or property that carries an injection attribute, or null for any other member.</summary>
    public static InjectionPoint? ForMember(ISymbol member, SprigTypes sprig)
    {
        var (type, kind) = member switch
        {
            IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } field => (field.Type, "field"),
            IPropertySymbol { IsStatic: false, IsIndexer: false } property => (property.Type, "property"),
            _ => ((ITypeSymbol?)null, ""),
        };
        if (type is null)
        {
            return null;
        }

        var point = new InjectionPoint(member, type, $"{kind} '{member.MetadataName}'", isParameter: false, sprig);
        return point.Inject is null && point.ByName is null && point.Value is null && point.Lazy is null ? null : point;
    }

    /// <summary>Lists the points of a class component: its chosen constructor's parameters, then its members, base class first.</summary>
    public static List<InjectionPoint> OfClass(INamedTypeSymbol type, ConstructorRule constructor, SprigTypes sprig)
    {
        var points = new List<InjectionPoint>();
        foreach (var parameter in constructor.Parameters)
        {
            points.Add(ForParameter(parameter, "constructor", sprig));
        }

        var hierarchy = new List<INamedTypeSymbol>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            hierarchy.Insert(0, t);
        }

        // As the runtime reads them: base class first, and in each class its fields, then its properties.
        foreach (var level in hierarchy)
        {
            var members = level.GetMembers();
            foreach (var member in members.Where(m => m.Kind == SymbolKind.Field).Concat(members.Where(m => m.Kind == SymbolKind.Property)))
            {
                if (ForMember(member, sprig) is { } point)
                {
                    points.Add(point);
                }
            }
        }

        return points;
    }

    private static bool IsRequired(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Required" && named.Value.Value is bool required)
            {
                return required;
            }
        }

        return true;
    }

    /// <summary>Lists the parameters of a [Bean] method as points.</summary>
    public static List<InjectionPoint> OfBean(IMethodSymbol method, SprigTypes sprig)
    {
        var points = new List<InjectionPoint>();
        foreach (var parameter in method.Parameters)
        {
            points.Add(ForParameter(parameter, $"[Bean] method '{method.MetadataName}'", sprig));
        }

        return points;
    }
}
