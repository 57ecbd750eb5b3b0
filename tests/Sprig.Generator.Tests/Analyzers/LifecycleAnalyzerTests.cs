using Microsoft.CodeAnalysis;
using Sprig.Generator.Analyzers;
using static Sprig.Generator.Tests.Support.AnalyzerRunner;

namespace Sprig.Generator.Tests.Analyzers;

public sealed class LifecycleAnalyzerTests
{
    private const string Sample = """
        using System.Threading;
        using System.Threading.Tasks;
        using Sprig;

        namespace Shop;

        [Component("cache")]
        public class Cache
        {
            [PostConstruct] public void Fill(int size) { }
            [PostConstruct] public ValueTask Warm() => default;
            [PreDestroy] public Task<int> Flush() => Task.FromResult(0);
            [PreDestroy] public void Drop<T>() { }
            [OnStart] public void Begin() { }
            [OnStart] public Task Connect(CancellationToken token, int retries) => Task.CompletedTask;
            [PostConstruct] public static void Prepare() { }
        }

        [Controller]
        public class Orders
        {
            [OnStart] public Task Load(CancellationToken token) => Task.CompletedTask;
        }
        """;

    [Fact]
    public async Task Reports_LifecycleMethodsRefreshRefuses_AndStaticOnesItNeverCalls()
    {
        var reported = await RunAsync(Sample, new LifecycleAnalyzer());

        const string PostConstruct = "A [PostConstruct] method takes no parameters and returns void or Task.";
        const string PreDestroy = "A [PreDestroy] method takes no parameters and returns void or Task.";
        const string OnStart = "An [OnStart] method returns Task and takes no parameters or one CancellationToken.";
        reported.Should().Equal(
            new Reported("SPRIG0004", DiagnosticSeverity.Error, LineOf(Sample, "Fill(int size)"), "Fill",
                "'cache' has [PostConstruct] method 'Fill' with an unsupported signature. " + PostConstruct),
            new Reported("SPRIG0004", DiagnosticSeverity.Error, LineOf(Sample, "ValueTask Warm"), "Warm",
                "'cache' has [PostConstruct] method 'Warm' with an unsupported signature. " + PostConstruct),
            new Reported("SPRIG0004", DiagnosticSeverity.Error, LineOf(Sample, "Task<int> Flush"), "Flush",
                "'cache' has [PreDestroy] method 'Flush' with an unsupported signature. " + PreDestroy),
            new Reported("SPRIG0004", DiagnosticSeverity.Error, LineOf(Sample, "Drop<T>"), "Drop",
                "'cache' has [PreDestroy] method 'Drop' with an unsupported signature. " + PreDestroy),
            new Reported("SPRIG0004", DiagnosticSeverity.Error, LineOf(Sample, "void Begin"), "Begin",
                "'cache' has [OnStart] method 'Begin' with an unsupported signature. " + OnStart),
            new Reported("SPRIG0004", DiagnosticSeverity.Error, LineOf(Sample, "Task Connect"), "Connect",
                "'cache' has [OnStart] method 'Connect' with an unsupported signature. " + OnStart),
            new Reported("SPRIG0010", DiagnosticSeverity.Warning, LineOf(Sample, "static void Prepare"), "Prepare",
                "'cache' has [PostConstruct] method 'Prepare' that is static, so it is never called: Sprig calls lifecycle methods on the "
                + "component instance. Make it an instance method."),
            new Reported("SPRIG0009", DiagnosticSeverity.Error, LineOf(Sample, "Task Load"), "Load",
                "'Orders' has [OnStart] method 'Load' but is Request-scoped. [OnStart] runs once per context, so only a Singleton can have it: "
                + "make 'Orders' a Singleton, or call the method from a singleton's [OnStart]."));
    }

    [Fact]
    public async Task Reports_WhatRefreshRefuses()
    {
        var compilation = Compile(Sample);
        var reported = await RunAsync(compilation, new LifecycleAnalyzer());

        ShouldMatchRefresh(reported.Where(r => r.Id != "SPRIG0010"), compilation, 7, "Shop.Cache", "Shop.Orders");
    }
}
