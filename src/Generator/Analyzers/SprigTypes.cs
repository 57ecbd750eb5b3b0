using Microsoft.CodeAnalysis;

namespace Sprig.Generator.Analyzers;

/// <summary>The Sprig.Core types the analyzers look for, resolved once per compilation; null when Sprig is not referenced.</summary>
internal sealed class SprigTypes
{
    private SprigTypes(Compilation compilation, INamedTypeSymbol component)
    {
        Component = component;
        Controller = compilation.GetTypeByMetadataName("Sprig.ControllerAttribute");
        Provider = compilation.GetTypeByMetadataName("Sprig.ProviderAttribute");
        Configuration = compilation.GetTypeByMetadataName("Sprig.ConfigurationAttribute");
        Service = compilation.GetTypeByMetadataName("Sprig.ServiceAttribute");
        Bean = compilation.GetTypeByMetadataName("Sprig.BeanAttribute");
        Inject = compilation.GetTypeByMetadataName("Sprig.InjectAttribute");
        InjectByName = compilation.GetTypeByMetadataName("Sprig.InjectByNameAttribute");
        Lazy = compilation.GetTypeByMetadataName("Sprig.LazyAttribute");
        Value = compilation.GetTypeByMetadataName("Sprig.ValueAttribute");
        PostConstruct = compilation.GetTypeByMetadataName("Sprig.PostConstructAttribute");
        OnStart = compilation.GetTypeByMetadataName("Sprig.OnStartAttribute");
        PreDestroy = compilation.GetTypeByMetadataName("Sprig.PreDestroyAttribute");
        Endpoint = compilation.GetTypeByMetadataName("Sprig.EndpointAttribute");
        IProvider = compilation.GetTypeByMetadataName("Sprig.IProvider`1");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        SystemLazy = compilation.GetTypeByMetadataName("System.Lazy`1");
        Func = compilation.GetTypeByMetadataName("System.Func`1");
    }

    public INamedTypeSymbol Component { get; }

    public INamedTypeSymbol? Controller { get; }

    public INamedTypeSymbol? Provider { get; }

    public INamedTypeSymbol? Configuration { get; }

    public INamedTypeSymbol? Service { get; }

    public INamedTypeSymbol? Bean { get; }

    public INamedTypeSymbol? Inject { get; }

    public INamedTypeSymbol? InjectByName { get; }

    public INamedTypeSymbol? Lazy { get; }

    public INamedTypeSymbol? Value { get; }

    public INamedTypeSymbol? PostConstruct { get; }

    public INamedTypeSymbol? OnStart { get; }

    public INamedTypeSymbol? PreDestroy { get; }

    public INamedTypeSymbol? Endpoint { get; }

    public INamedTypeSymbol? IProvider { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? SystemLazy { get; }

    public INamedTypeSymbol? Func { get; }

    /// <summary>Returns the Sprig types of <paramref name="compilation"/>, or null when it does not reference Sprig.Core.</summary>
    public static SprigTypes? From(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Sprig.ComponentAttribute") is { } component ? new SprigTypes(compilation, component) : null;

    /// <summary>Returns the first attribute of <paramref name="symbol"/> whose class is <paramref name="type"/>, or null.</summary>
    public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Tells whether <paramref name="symbol"/> carries an attribute of class <paramref name="type"/>.</summary>
    public static bool Has(ISymbol symbol, INamedTypeSymbol? type) => Find(symbol, type) is not null;

    /// <summary>Returns the class's own component attribute ([Component] or one derived from it), or null.</summary>
    public AttributeData? ComponentAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            for (var c = attribute.AttributeClass; c is not null; c = c.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(c, Component))
                {
                    return attribute;
                }
            }
        }

        return null;
    }

    /// <summary>Returns T when <paramref name="type"/> implements IProvider&lt;T&gt;, else null.</summary>
    public ITypeSymbol? ProvidedType(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, IProvider))
            {
                return implemented.TypeArguments[0];
            }
        }

        return null;
    }
}
