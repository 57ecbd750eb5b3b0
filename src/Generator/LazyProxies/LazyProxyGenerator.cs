using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sprig.Generator.Model;

namespace Sprig.Generator.LazyProxies;

/// <summary>
/// Generates a [Lazy] proxy class for every interface a member or parameter of the compilation marks [Lazy], and registers
/// them with Sprig when the assembly loads: [Lazy] then needs no Castle DynamicProxy, which cannot run under Native AOT. A
/// class target whose public members are all virtual gets a generated subclass (<see cref="ClassProxy"/>); one the generated
/// code cannot subclass keeps Castle's.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class LazyProxyGenerator : IIncrementalGenerator
{
    private const string LazyAttribute = "Sprig.LazyAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var enabled = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GeneratorSwitch.IsOn(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Enabled);

        var proxies = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                LazyAttribute,
                static (node, _) => node is PropertyDeclarationSyntax or VariableDeclaratorSyntax or ParameterSyntax,
                static (attributed, token) => ProxyModel.For(attributed.TargetSymbol, token))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Proxies)
            .Collect()
            .Select(static (models, _) => new EquatableArray<ProxyModel>(models.Distinct().OrderBy(m => m.InterfaceName, System.StringComparer.Ordinal)))
            .WithTrackingName(TrackingNames.Distinct);

        context.RegisterSourceOutput(proxies.Combine(enabled), static (output, input) =>
        {
            var (models, on) = input;
            if (on && models.Count > 0)
            {
                output.AddSource("SprigLazyProxies.g.cs", Emit(models));
            }
        });
    }

    private static string Emit(EquatableArray<ProxyModel> models) =>
        ProxyFile.Write("[Lazy] proxies", "SprigLazyProxies", models.Select(model => (
            $"global::Sprig.Generated.GeneratedComponents.Register(new global::Sprig.Generated.GeneratedProxy(typeof({model.InterfaceName}), static resolve => {(model.Subclass ? $"{model.ClassName}.Create(resolve)" : $"new {model.ClassName}(resolve)")}));",
            model.Source)));
}
