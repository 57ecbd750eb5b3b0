using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sprig.Generator.RemoteProxies;
using Sprig.Generator.Tests.Support;

namespace Sprig.Generator.Tests.RemoteProxies;

/// <summary>
/// The remote proxy generator: one class per [ComponentContract] interface, each method a typed call of the contract's
/// endpoint (tests/Sprig.Aot.Tests calls one over real HTTP with dynamic code off; the generated-path suites run every remote
/// test through them).
/// </summary>
public sealed class RemoteProxyGeneratorTests
{
    private const string Sample = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Sprig;

        namespace Shop;

        public sealed record Item(string Name, int? Count);

        public interface IAudited { Task AuditAsync(string? note); }

        [ComponentContract("Inventory", Namespace = "shop")]
        public interface IInventory : IAudited
        {
            [Endpoint("find")]
            Task<Item?> FindAsync(string name, CancellationToken cancellationToken = default);

            ValueTask<int> CountAsync(List<string?> names, int? limit);

            ValueTask ResetAsync();

            IAsyncEnumerable<Item> WatchAsync(CancellationToken cancellationToken);
        }

        [ComponentContract]
        public interface IBlocking { int Count(); }

        [ComponentContract]
        public interface IGeneric<T> { Task<T> GetAsync(); }
        """;

    [Fact]
    public void Generates_ATypedCallPerMethod_ForEachContractItCanServe()
    {
        var (output, result) = Run(Compile(Sample));

        var text = result.GeneratedSources.Should().ContainSingle().Which.SourceText.ToString();
        Lines(text, "GeneratedComponents.Register(").Should().ContainSingle().Which.Should().Contain("typeof(global::Shop.IInventory)");
        Lines(text, "target.Method(").Should().Equal(
            "            _m0 = target.Method(\"FindAsync\", new global::System.Type[] { typeof(string), typeof(global::System.Threading.CancellationToken) });",
            "            _m1 = target.Method(\"CountAsync\", new global::System.Type[] { typeof(global::System.Collections.Generic.List<string>), typeof(int?) });",
            "            _m2 = target.Method(\"ResetAsync\", global::System.Type.EmptyTypes);",
            "            _m3 = target.Method(\"WatchAsync\", new global::System.Type[] { typeof(global::System.Threading.CancellationToken) });",
            "            _m4 = target.Method(\"AuditAsync\", new global::System.Type[] { typeof(string) });");
        Lines(text, ") => _m").Should().Equal(
            "        global::System.Threading.Tasks.Task<global::Shop.Item?> global::Shop.IInventory.@FindAsync(string @name, global::System.Threading.CancellationToken @cancellationToken) "
            + "=> _m0.CallAsync<global::Shop.Item?>(new object?[] { @name, @cancellationToken });",
            "        global::System.Threading.Tasks.ValueTask<int> global::Shop.IInventory.@CountAsync(global::System.Collections.Generic.List<string?> @names, int? @limit) "
            + "=> _m1.CallValueAsync<int>(new object?[] { @names, @limit });",
            "        global::System.Threading.Tasks.ValueTask global::Shop.IInventory.@ResetAsync() => _m2.CallValueAsync(global::System.Array.Empty<object?>());",
            "        global::System.Collections.Generic.IAsyncEnumerable<global::Shop.Item> global::Shop.IInventory.@WatchAsync(global::System.Threading.CancellationToken @cancellationToken) "
            + "=> _m3.StreamAsync<global::Shop.Item>(new object?[] { @cancellationToken });",
            "        global::System.Threading.Tasks.Task global::Shop.IAudited.@AuditAsync(string? @note) => _m4.CallAsync(new object?[] { @note });");
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Should().BeEmpty();
    }

    [Fact]
    public void Steps_StayCached_AfterAnUnrelatedEdit()
    {
        GeneratorRunner.AssertStepsCachedAfterUnrelatedEdit(Driver(), Compile(Sample), "Shop", RemoteTrackingNames.Proxies, RemoteTrackingNames.Distinct, RemoteTrackingNames.Enabled);
    }

    [Fact]
    public void TheSwitch_TurnsItOff()
    {
        var (_, result) = Run(Compile(Sample), Driver(("SprigGenerator", "false")));

        result.GeneratedSources.Should().BeEmpty();
    }

    private static CSharpCompilation Compile(string source) => GeneratorRunner.Compile("Shop" + Guid.NewGuid().ToString("N")[..8], source);

    private static GeneratorDriver Driver(params (string Name, string Value)[] properties) => GeneratorRunner.Driver(new RemoteProxyGenerator(), properties);

    private static (Compilation Output, GeneratorRunResult Result) Run(Compilation compilation, GeneratorDriver? driver = null)
    {
        var (_, output, result) = GeneratorRunner.Run(compilation, driver ?? Driver());
        return (output, result);
    }

    private static List<string> Lines(string text, string containing) => GeneratorRunner.Lines(text, containing);
}
