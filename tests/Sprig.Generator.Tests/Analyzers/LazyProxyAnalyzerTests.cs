using Microsoft.CodeAnalysis;
using Sprig.Generator.Analyzers;
using Sprig.Generator.Tests.Support;
using static Sprig.Generator.Tests.Support.AnalyzerRunner;

namespace Sprig.Generator.Tests.Analyzers;

public sealed class LazyProxyAnalyzerTests
{
    private const string Sample = """
        using Sprig;

        namespace Shop;

        public sealed class Clock { public System.DateTime Now => System.DateTime.UtcNow; }
        public class Audit { public void Record(string what) { } public virtual int Count => 0; public int Total { get; set; } }
        internal interface IHidden { }
        public interface IMailer { void Send(string to); }

        [Configuration] public class ClockSource { [Bean] public Clock MakeClock() => new(); }
        [Component] public class AuditLog : Audit { }
        [Component] internal class Hidden : IHidden { }
        [Component] public class Mailer : IMailer { public void Send(string to) { } }

        [Component]
        public class Checkout
        {
            public Checkout([Lazy] Clock clock, [Lazy] IMailer mailer) { }

            [Lazy] public Audit Audit { get; set; } = null!;

            [Lazy] private IHidden? _hidden;

            internal IHidden? Hidden => _hidden;
        }
        """;

    [Fact]
    public async Task Reports_EveryLazyTargetCastleCannotProxy_InTheRuntimesWords()
    {
        var reported = await RunAsync(Sample, new LazyProxyAnalyzer());

        reported.Should().Equal(
            new Reported("SPRIG0001", DiagnosticSeverity.Error, LineOf(Sample, "[Lazy] Clock clock"), "clock",
                "'Checkout' cannot get a [Lazy] proxy of 'Clock' for constructor parameter 'clock': class Clock is sealed. "
                + "Inject an interface that Clock implements, unseal it and make its public members virtual, or inject Lazy<Clock> instead."),
            new Reported("SPRIG0001", DiagnosticSeverity.Error, LineOf(Sample, "[Lazy] public Audit"), "Audit",
                "'Checkout' cannot get a [Lazy] proxy of 'Audit' for property 'Audit': class Audit has public members that are not virtual "
                + "(method Record, property Total). Inject an interface that Audit implements, make those members virtual, or inject Lazy<Audit> instead."),
            new Reported("SPRIG0001", DiagnosticSeverity.Error, LineOf(Sample, "[Lazy] private IHidden"), "_hidden",
                "'Checkout' cannot get a [Lazy] proxy of 'IHidden' for field '_hidden': interface IHidden is not public, and Castle DynamicProxy "
                + "can only proxy public types. Make IHidden public (an internal type needs [assembly: InternalsVisibleTo(\"DynamicProxyGenAssembly2\")] "
                + "in its assembly), or inject Lazy<IHidden> instead."));
    }

    [Fact]
    public async Task WithTheGeneratorOn_DoesNotReport_AnInterfaceItMakesAProxyFor()
    {
        // The generator makes a proxy class for IHidden (internal to this assembly): Castle's accessibility rule no longer applies.
        var reported = await RunWithGeneratorAsync(Sample, new LazyProxyAnalyzer());

        reported.Select(r => r.Span).Should().Equal("clock", "Audit");
    }

    [Fact]
    public async Task WhenPublishedAsNativeAot_WarnsAboutAClassTarget_WhichOnlyCastleProxies_ButNotAboutAnInterface()
    {
        var source = """
            using Sprig;

            namespace Desk;

            public class Audit { public virtual void Record(string what) { } public virtual string Name { get; protected set; } = ""; }
            public interface IMailer { void Send(string to); }
            [Component] public class AuditLog : Audit { }
            [Component] public class Mailer : IMailer { public void Send(string to) { } }

            [Component]
            public class Checkout
            {
                [Lazy] public Audit Audit { get; set; } = null!;

                [Lazy] public IMailer Mailer { get; set; } = null!;
            }
            """;

        var published = await RunAsync(source, BuildProperties.Of(("PublishAot", "true")), new LazyProxyAnalyzer());
        var jit = await RunAsync(source, BuildProperties.Of(), new LazyProxyAnalyzer());

        published.Should().Equal(
            new Reported("SPRIG0011", DiagnosticSeverity.Warning, LineOf(source, "[Lazy] public Audit"), "Audit",
                "'Checkout' cannot get a [Lazy] proxy of 'Audit' for property 'Audit': class Audit gets its proxy from Castle DynamicProxy at run "
                + "time, which this application does not allow (Native AOT, or the 'Sprig.IsDynamicCodeSupported' switch is off), and no generated "
                + "proxy class serves it (Sprig.Generator subclasses a class injected [Lazy] in an assembly built with it when the class is unsealed, "
                + "not generic nor a record, has a constructor a subclass may call, and every public member is virtual with public accessors). "
                + "Inject an interface that Audit implements, or inject Lazy<Audit> instead."));
        jit.Should().BeEmpty();
    }

    [Fact]
    public async Task Reports_WhatRefreshRefuses()
    {
        var compilation = Compile(Sample);
        var reported = await RunAsync(compilation, new LazyProxyAnalyzer());

        ShouldMatchRefresh(reported, compilation, 3, "Shop.ClockSource", "Shop.AuditLog", "Shop.Hidden", "Shop.Mailer", "Shop.Checkout");
    }

    [Fact]
    public async Task DoesNotReport_AnInternalTypeWhenItsAssemblyShowsInternalsToDynamicProxy()
    {
        var source = """
            using Sprig;

            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("DynamicProxyGenAssembly2")]

            internal interface IHidden { }
            [Component] internal class Hidden : IHidden { }
            [Component] public class User { [Lazy] internal IHidden Hidden { get; set; } = null!; }
            """;

        (await RunAsync(source, new LazyProxyAnalyzer())).Should().BeEmpty();
    }

    [Fact]
    public async Task Reports_ABeanParameter_WithTheBeansName()
    {
        var source = """
            using Sprig;

            public sealed class Clock { }
            [Configuration] public class ClockSource { [Bean] public Clock Clock() => new(); }
            [Configuration]
            public class Timing
            {
                [Bean("ticker")] public object Ticker([Lazy] Clock clock) => new();
            }
            """;

        var reported = await RunAsync(source, new LazyProxyAnalyzer());

        reported.Should().ContainSingle().Which.Message.Should().Be(
            "'ticker' cannot get a [Lazy] proxy of 'Clock' for [Bean] method 'Ticker' parameter 'clock': class Clock is sealed. "
            + "Inject an interface that Clock implements, unseal it and make its public members virtual, or inject Lazy<Clock> instead.");
    }
}
