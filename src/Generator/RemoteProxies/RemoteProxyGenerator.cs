using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sprig.Generator.LazyProxies;
using Sprig.Generator.Model;

namespace Sprig.Generator.RemoteProxies;

/// <summary>
/// Generates a remote proxy class for every [ComponentContract] interface of the compilation, and registers them with Sprig
/// when the assembly loads: a component in another process is then called without Castle DynamicProxy, which cannot run under
/// Native AOT. The runtime prefers a generated class and keeps Castle for a contract that has none.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RemoteProxyGenerator : IIncrementalGenerator
{
    private const string ContractAttribute = "Sprig.ComponentContractAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var enabled = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GeneratorSwitch.IsOn(options.GlobalOptions))
            .WithTrackingName(RemoteTrackingNames.Enabled);

        var proxies = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ContractAttribute,
                static (node, _) => node is InterfaceDeclarationSyntax,
                static (attributed, token) => RemoteProxyModel.For(attributed.TargetSymbol, token))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(RemoteTrackingNames.Proxies)
            .Collect()
            .Select(static (models, _) => new EquatableArray<RemoteProxyModel>(models.Distinct().OrderBy(m => m.InterfaceName, System.StringComparer.Ordinal)))
            .WithTrackingName(RemoteTrackingNames.Distinct);

        context.RegisterSourceOutput(proxies.Combine(enabled), static (output, input) =>
        {
            var (models, on) = input;
            if (on && models.Count > 0)
            {
                output.AddSource("SprigRemoteProxies.g.cs", Emit(models));
            }
        });
    }

    private static string Emit(EquatableArray<RemoteProxyModel> models) =>
        ProxyFile.Write("remote contract proxies", "SprigRemoteProxies", models.Select(model => (
            $"global::Sprig.Generated.GeneratedComponents.Register(new global::Sprig.Generated.GeneratedRemoteProxy(typeof({model.InterfaceName}), static target => new {model.ClassName}(target)));",
            model.Source)));
}
