using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Parsing;

/// <summary>Sprig's attribute names, and the questions the parser asks of a symbol's attributes.</summary>
internal static class Symbols
{
    public const string Component = "Sprig.ComponentAttribute";
    public const string Service = "Sprig.ServiceAttribute";
    public const string Controller = "Sprig.ControllerAttribute";
    public const string ProviderAttribute = "Sprig.ProviderAttribute";
    public const string Configuration = "Sprig.ConfigurationAttribute";
    public const string Inject = "Sprig.InjectAttribute";
    public const string InjectByName = "Sprig.InjectByNameAttribute";
    public const string Value = "Sprig.ValueAttribute";
    public const string Lazy = "Sprig.LazyAttribute";
    public const string PostConstruct = "Sprig.PostConstructAttribute";
    public const string OnStart = "Sprig.OnStartAttribute";
    public const string PreDestroy = "Sprig.PreDestroyAttribute";
    public const string Bean = "Sprig.BeanAttribute";
    public const string Endpoint = "Sprig.EndpointAttribute";
    public const string ServiceKey = "Sprig.ServiceKeyAttribute";
    public const string Condition = "Sprig.ConditionAttribute";
    public const string Provider = "Sprig.IProvider<T>";
    public const string TaskOfT = "System.Threading.Tasks.Task<TResult>";
    public const string ValueTaskOfT = "System.Threading.Tasks.ValueTask<TResult>";
    public const string Task = "System.Threading.Tasks.Task";
    public const string AsyncEnumerable = "System.Collections.Generic.IAsyncEnumerable<T>";
    /// <summary>Sprig's component attributes: <see cref="Component"/> and the four derived from it.</summary>
    public static readonly string[] ComponentAttributes = [Component, Service, Controller, ProviderAttribute, Configuration];

    public const string SetsRequiredMembers = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";

    /// <summary>Tells whether <paramref name="symbol"/> carries the attribute <paramref name="name"/> (exactly that class).</summary>
    public static bool Has(ISymbol symbol, string name) => symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == name);

    /// <summary>Tells whether <paramref name="type"/> is the class <paramref name="name"/> or derives from it.</summary>
    public static bool DerivesFrom(INamedTypeSymbol? type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.ToDisplayString() == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tells whether a method or a method it overrides carries the attribute, as reflection's inherit: true reads it.</summary>
    public static bool HasInherited(IMethodSymbol method, string name)
    {
        for (var m = method; m is not null; m = m.OverriddenMethod)
        {
            if (Has(m, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tells whether a field or property receives something: [Inject], [InjectByName], [Value] or [Lazy].</summary>
    public static bool IsInjected(ISymbol member) => member.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is Inject or InjectByName or Value or Lazy);

    /// <summary>Tells whether the class is a [Configuration] class, whose [Bean] methods the runtime reads.</summary>
    public static bool IsConfiguration(INamedTypeSymbol type) => Has(type, Configuration);

    /// <summary>Tells whether using the symbol is a compile error ([Obsolete(..., true)]): generated code leaves it out.</summary>
    public static bool IsObsoleteError(ISymbol symbol) => symbol.GetAttributes().Any(a =>
        a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute"
        && a.ConstructorArguments is [_, { Value: true }]);
}
