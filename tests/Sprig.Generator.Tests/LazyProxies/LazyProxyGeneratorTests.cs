using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sprig.Generator.LazyProxies;
using Sprig.Generator.Tests.Support;

namespace Sprig.Generator.Tests.LazyProxies;

/// <summary>
/// The [Lazy] proxy generator: one proxy class per interface the compilation injects lazily, compiled, loaded and used by a
/// real context, which then needs no Castle DynamicProxy.
/// </summary>
public sealed class LazyProxyGeneratorTests
{
    private const string Sample = """
        using System;
        using System.Collections.Generic;
        using Sprig;

        namespace Desk;

        public interface INamed { string Name { get; } }

        public interface IClock : INamed
        {
            DateTime Now { get; }
            int this[int hour] { get; set; }
            event EventHandler? Ticked;
            bool TryRead(string zone, out DateTime time);
            void Shift(ref int minutes, in int by);
            T Convert<T>(object value) where T : class;
            string Describe() => "a clock";
            void Tick();
        }

        internal interface IJournal { void Write(string line); IReadOnlyList<string> Lines { get; } }

        public sealed class Sealed { }

        [Component]
        public sealed class TowerClock : IClock
        {
            public static int Made;
            private readonly Dictionary<int, int> _chimes = [];
            public TowerClock() => Made++;
            public string Name => "tower";
            public DateTime Now => new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
            public int this[int hour] { get => _chimes.GetValueOrDefault(hour); set => _chimes[hour] = value; }
            public event EventHandler? Ticked;
            public bool TryRead(string zone, out DateTime time) { time = Now; return zone == "UTC"; }
            public void Shift(ref int minutes, in int by) => minutes += by;
            public T Convert<T>(object value) where T : class => (T)value;
            public string Describe() => "the tower clock";
            public void Tick() => Ticked?.Invoke(this, EventArgs.Empty);
        }

        [Component]
        internal sealed class Journal : IJournal
        {
            private readonly List<string> _lines = [];
            public void Write(string line) => _lines.Add(line);
            public IReadOnlyList<string> Lines => _lines;
        }

        [Component]
        public sealed class Dashboard([Lazy] IClock clock)
        {
            public IClock Clock => clock;

            [Lazy]
            internal IJournal Journal { get; set; } = null!;
        }

        [Component]
        public sealed class Wall
        {
            [Lazy]
            private IClock _clock = null!;

            public IClock Clock => _clock;
        }
        """;

    [Fact]
    public void Generates_OneProxyPerInterface_AndRegistersThemAll()
    {
        var (_, result) = Run(Compile(Sample));

        var source = result.GeneratedSources.Should().ContainSingle().Which;
        source.HintName.Should().Be("SprigLazyProxies.g.cs");
        var text = source.SourceText.ToString();
        Lines(text, "GeneratedComponents.Register(").Should().Equal(
            "            global::Sprig.Generated.GeneratedComponents.Register(new global::Sprig.Generated.GeneratedProxy(typeof(global::Desk.IClock)"
            + ", static resolve => new SprigLazyProxy_Desk_IClock_" + Hash(text, "Desk_IClock") + "(resolve)));",
            "            global::Sprig.Generated.GeneratedComponents.Register(new global::Sprig.Generated.GeneratedProxy(typeof(global::Desk.IJournal)"
            + ", static resolve => new SprigLazyProxy_Desk_IJournal_" + Hash(text, "Desk_IJournal") + "(resolve)));");
        Lines(text, "file sealed class").Should().HaveCount(2);
    }

    [Fact]
    public void Proxy_ForwardsEveryKindOfMember_ExplicitlyPerDeclaringInterface()
    {
        var (_, result) = Run(Compile(Sample));
        var text = result.GeneratedSources.Single().SourceText.ToString();

        Lines(text, "global::Desk.IClock.").Should().Equal(
            "        global::System.DateTime global::Desk.IClock.@Now { get => ((global::Desk.IClock)Target).@Now; }",
            "        int global::Desk.IClock.this[int @hour] { get => ((global::Desk.IClock)Target)[@hour]; set => ((global::Desk.IClock)Target)[@hour] = value; }",
            "        event global::System.EventHandler? global::Desk.IClock.@Ticked { add => ((global::Desk.IClock)Target).@Ticked += value; "
            + "remove => ((global::Desk.IClock)Target).@Ticked -= value; }",
            "        bool global::Desk.IClock.@TryRead(string @zone, out global::System.DateTime @time) => ((global::Desk.IClock)Target).@TryRead(@zone, out @time);",
            "        void global::Desk.IClock.@Shift(ref int @minutes, in int @by) => ((global::Desk.IClock)Target).@Shift(ref @minutes, in @by);",
            "        T global::Desk.IClock.@Convert<T>(object @value) where T : class => ((global::Desk.IClock)Target).@Convert<T>(@value);",
            "        string global::Desk.IClock.@Describe() => ((global::Desk.IClock)Target).@Describe();",
            "        void global::Desk.IClock.@Tick() => ((global::Desk.IClock)Target).@Tick();");
        Lines(text, "global::Desk.INamed.").Should().Equal(
            "        string global::Desk.INamed.@Name { get => ((global::Desk.INamed)Target).@Name; }");
    }

    [Fact]
    public void Output_CompilesWithoutDiagnostics()
    {
        var (output, _) = Run(Compile(Sample));

        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Should().BeEmpty();
    }

    [Fact]
    public void AContext_UsesTheGeneratedProxies_AndResolvesEachTargetOnItsFirstCallOnly()
    {
        var assembly = Load(Sample);
        var types = new[] { "Desk.TowerClock", "Desk.Journal", "Desk.Dashboard", "Desk.Wall" }.Select(n => assembly.GetType(n, throwOnError: true)!);
        var registry = new PendingRegistry();
        foreach (var type in types)
        {
            registry.Register(type);
        }

        using var context = new ApplicationContext(registry);
        context.Refresh();
        var made = assembly.GetType("Desk.TowerClock")!.GetField("Made")!;
        made.GetValue(null).Should().Be(1, "the singleton is created at refresh, and no proxy creates another");

        dynamic dashboard = context.Get("Dashboard");
        object clock = dashboard.Clock;
        clock.GetType().Name.Should().Contain("SprigLazyProxy_Desk_IClock_", "a file-local class of the generated file");
        var clockType = assembly.GetType("Desk.IClock")!;
        clockType.GetMethod("Describe")!.Invoke(clock, null).Should().Be("the tower clock");
        object?[] read = ["UTC", null];
        clockType.GetMethod("TryRead")!.Invoke(clock, read).Should().Be(true);
        read[1].Should().Be(new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc));
        var ticks = 0;
        clockType.GetEvent("Ticked")!.AddEventHandler(clock, new EventHandler((_, _) => ticks++));
        clockType.GetMethod("Tick")!.Invoke(clock, null);
        ticks.Should().Be(1);

        object journal = ((dynamic)context.Get("Dashboard")).GetType().GetProperty("Journal", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(dashboard);
        journal.GetType().Name.Should().Contain("SprigLazyProxy_Desk_IJournal_");
        var journalType = assembly.GetType("Desk.IJournal")!;
        journalType.GetMethod("Write")!.Invoke(journal, ["first"]);
        ((IEnumerable)journalType.GetProperty("Lines")!.GetValue(journal)!).Cast<string>().Should().Equal("first");
    }

    [Fact]
    public void Output_CompilesWithoutDiagnostics_ForNullableGenericsRefReadonlyDefaultMembersAndNullabilityAttributes()
    {
        // Shapes that need care in an explicit implementation (found in review): 'T?' of a class-constrained and of an
        // unconstrained type parameter, 'ref readonly' and 'in' parameters, a sealed member with a body (not forwarded), and
        // nullability attributes the proxy does not copy.
        var (output, result) = Run(Compile("""
            using System.Diagnostics.CodeAnalysis;
            using Sprig;

            namespace Store;

            public interface IShelf
            {
                T? Find<T>(string key) where T : class;
                T? FindAny<T>(string key);
                int Sum(ref readonly int a, in int b, params int[] rest);
                bool TryTake(string key, [MaybeNullWhen(false)] out string value);
                sealed string Describe() => "a shelf";
            }

            [Component] public sealed class Shelf : IShelf
            {
                public T? Find<T>(string key) where T : class => null;
                public T? FindAny<T>(string key) => default;
                public int Sum(ref readonly int a, in int b, params int[] rest) => a + b + rest.Length;
                public bool TryTake(string key, [MaybeNullWhen(false)] out string value) { value = key; return true; }
            }

            [Component] public sealed class Clerk([Lazy] IShelf shelf) { public IShelf Shelf => shelf; }
            """));

        var text = result.GeneratedSources.Single().SourceText.ToString();
        Lines(text, "global::Store.IShelf.@Find").Should().Equal(
            "        T? global::Store.IShelf.@Find<T>(string @key) where T : class => ((global::Store.IShelf)Target).@Find<T>(@key);",
            "        T? global::Store.IShelf.@FindAny<T>(string @key) where T : default => ((global::Store.IShelf)Target).@FindAny<T>(@key);");
        Lines(text, "Describe").Should().BeEmpty();
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Should().BeEmpty();
    }

    [Fact]
    public void LeavesOut_ClassesItCannotSubclass_AndInterfacesTheAssemblyCannotName()
    {
        // Castle may still proxy some of these under JIT (Guarded, Named); generated code cannot: a sealed class, a public member
        // that is not virtual, a protected setter, an init accessor, an internal abstract member, only a private constructor,
        // a record, a generic class, a private interface.
        var source = """
            using Sprig;
            public sealed class Sealed { public void Ring() { } }
            public class Plain { public void Ring() { } }
            public class Named { public virtual string Name { get; protected set; } = ""; }
            public class Initialized { public virtual string Name { get; init; } = ""; }
            public abstract class Hidden { internal abstract void Run(); }
            public class Guarded { private Guarded() { } public virtual void Ring() { } }
            public record class Entry(string Name);
            public class Box<T> { public virtual T Get() => default!; }
            public class Outer { private interface ISecret { } [Component] private sealed class Secret : ISecret { } [Component] private sealed class User { [Lazy] public ISecret S { get; set; } = null!; } }
            [Component] public class Reader
            {
                [Lazy] public Sealed A { get; set; } = null!;
                [Lazy] public Plain B { get; set; } = null!;
                [Lazy] public Named C { get; set; } = null!;
                [Lazy] public Initialized D { get; set; } = null!;
                [Lazy] public Hidden E { get; set; } = null!;
                [Lazy] public Guarded F { get; set; } = null!;
                [Lazy] public Entry G { get; set; } = null!;
                [Lazy] public Box<int> H { get; set; } = null!;
            }
            """;

        var (_, result) = Run(Compile(source));

        result.GeneratedSources.Should().BeEmpty();
    }

    private const string Bells = """
        using System;
        using Sprig;
        namespace Bells;
        public abstract class Instrument
        {
            protected Instrument(string name) => Name = name;
            public virtual string Name { get; }
            public abstract string Play(int times);
            public virtual string Tune() => "base tune";
        }
        public class Bell : Instrument
        {
            public static int Made;
            public Bell(string tone) : base("bell") { Made++; Tone = tone; }
            public Bell() : this("ding") { }
            public virtual string Tone { get; }
            public override string Play(int times) => string.Join(" ", System.Linq.Enumerable.Repeat(Tone, times));
            public override string Tune() => "tuned " + Tone;
            public virtual int Volume { get; set; } = 3;
            public virtual bool TryRing(out string sound) { sound = Tone; return true; }
            public virtual T Echo<T>(T value) where T : class => value;
            public virtual event EventHandler? Rung;
            public virtual void Ring() => Rung?.Invoke(this, EventArgs.Empty);
            public override string ToString() => "bell " + Tone;
        }
        [Configuration] public sealed class BellFactory { [Bean] public Bell Bell() => new Bell("dong"); }
        [Component] public sealed class Tower([Lazy] Bell bell) { public Bell Bell => bell; }
        """;

    [Fact]
    public void Refresh_FindsTheGeneratedProxy_BeforeAnyCodeOfTheAssemblyRan()
    {
        // Nothing of the loaded assembly has run, so neither has its module initializer, which registers the proxies: refresh
        // runs it. Castle cannot proxy the internal interface, so only the generated proxy serves it (this process calls
        // constructors by reflection, so nothing else of refresh touches the generated registry).
        var assembly = Load("""
            using Sprig;
            namespace Quiet;
            internal interface IBell { string Ring(); }
            [Component] internal sealed class Bell : IBell { public string Ring() => "ding"; }
            [Component] internal sealed class Tower([Lazy] IBell bell) { public string Ring() => bell.Ring(); }
            """, runInitializers: false);
        var registry = new PendingRegistry();
        registry.Register(assembly.GetType("Quiet.Bell", throwOnError: true)!);
        registry.Register(assembly.GetType("Quiet.Tower", throwOnError: true)!);
        using var context = new ApplicationContext(registry);

        context.Refresh();

        var tower = context.Get("Tower");
        tower.GetType().GetMethod("Ring")!.Invoke(tower, null).Should().Be("ding");
    }

    [Fact]
    public void ClassTarget_GetsASubclassOverridingEveryPublicMember_ItsBaseClassesIncluded()
    {
        var (output, result) = Run(Compile(Bells));

        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Should().BeEmpty();
        var text = result.GeneratedSources.Single().SourceText.ToString();
        var hash = Hash(text, "Bells_Bell");
        Lines(text, "global::Sprig.Generated.GeneratedComponents.Register(").Should().Equal(
            $"            global::Sprig.Generated.GeneratedComponents.Register(new global::Sprig.Generated.GeneratedProxy(typeof(global::Bells.Bell), static resolve => SprigLazyProxy_Bells_Bell_{hash}.Create(resolve)));");
        Lines(text, "base(").Should().Equal($"        private SprigLazyProxy_Bells_Bell_{hash}() : base()");
        Lines(text, "public override").Should().Equal(
            "        public override string @Tone { get => Target.@Tone; }",
            "        public override string @Play(int @times) => Target.@Play(@times);",
            "        public override string @Tune() => Target.@Tune();",
            "        public override int @Volume { get => Target.@Volume; set => Target.@Volume = value; }",
            "        public override bool @TryRing(out string @sound) => Target.@TryRing(out @sound);",
            "        public override T @Echo<T>(T @value) where T : class => Target.@Echo<T>(@value);",
            "        public override event global::System.EventHandler? @Rung { add => Target.@Rung += value; remove => Target.@Rung -= value; }",
            "        public override void @Ring() => Target.@Ring();",
            "        public override string @ToString() => Target.@ToString();",
            "        public override string @Name { get => Target.@Name; }");
    }

    [Fact]
    public void AContext_UsesTheGeneratedClassProxy_WithoutRunningAConstructor_AndResolvesTheTargetOnItsFirstCall()
    {
        var assembly = Load(Bells);
        var registry = new PendingRegistry();
        registry.Register(assembly.GetType("Bells.BellFactory", throwOnError: true)!);
        registry.Register(assembly.GetType("Bells.Tower", throwOnError: true)!);
        using var context = new ApplicationContext(registry);
        context.Refresh();
        var made = assembly.GetType("Bells.Bell")!.GetField("Made")!;
        made.GetValue(null).Should().Be(1, "the [Bean] made the one bell; the proxy ran no constructor");

        object bell = ((dynamic)context.Get("Tower")).Bell;
        bell.GetType().Name.Should().Contain("SprigLazyProxy_Bells_Bell_", "a file-local class of the generated file");
        var type = assembly.GetType("Bells.Bell")!;
        type.GetMethod("Play")!.Invoke(bell, [2]).Should().Be("dong dong");
        type.GetMethod("Tune")!.Invoke(bell, null).Should().Be("tuned dong");
        type.GetProperty("Volume")!.SetValue(bell, 7);
        type.GetProperty("Volume")!.GetValue(context.Get("Bell")).Should().Be(7, "the setter went to the target");
        object?[] sound = [null];
        type.GetMethod("TryRing")!.Invoke(bell, sound).Should().Be(true);
        sound[0].Should().Be("dong");
        var rung = 0;
        type.GetEvent("Rung")!.AddEventHandler(bell, new EventHandler((_, _) => rung++));
        type.GetMethod("Ring")!.Invoke(bell, null);
        rung.Should().Be(1);
        bell.ToString().Should().Be("bell dong");
        type.GetProperty("Name")!.GetValue(bell).Should().Be("bell", "the base class's property is forwarded too");
        made.GetValue(null).Should().Be(1);
    }

    [Fact]
    public void Steps_StayCached_AfterAnUnrelatedEdit()
    {
        GeneratorRunner.AssertStepsCachedAfterUnrelatedEdit(Driver(), Compile(Sample), "Desk", TrackingNames.Proxies, TrackingNames.Distinct, TrackingNames.Enabled);
    }

    [Fact]
    public void TheSwitch_TurnsItOff()
    {
        var (_, result) = Run(Compile(Sample), Driver(("SprigGenerator", "false")));

        result.GeneratedSources.Should().BeEmpty();
    }

    private static CSharpCompilation Compile(string source) => GeneratorRunner.Compile("Desk" + Guid.NewGuid().ToString("N")[..8], source);

    private static GeneratorDriver Driver(params (string Name, string Value)[] properties) => GeneratorRunner.Driver(new LazyProxyGenerator(), properties);

    private static (Compilation Output, GeneratorRunResult Result) Run(Compilation compilation, GeneratorDriver? driver = null)
    {
        var (_, output, result) = GeneratorRunner.Run(compilation, driver ?? Driver());
        return (output, result);
    }

    private static Assembly Load(string source, bool runInitializers = true)
    {
        var (output, _) = Run(Compile(source));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        emitted.Success.Should().BeTrue(string.Join(Environment.NewLine, emitted.Diagnostics));
        image.Position = 0;
        var assembly = new AssemblyLoadContext("Desk", isCollectible: true).LoadFromStream(image);
        if (runInitializers)
        {
            RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        }

        return assembly;
    }

    private static List<string> Lines(string text, string containing) => GeneratorRunner.Lines(text, containing);

    // The proxy class's name ends with a hash of the interface's name: read it back from the class's declaration.
    private static string Hash(string text, string name)
    {
        var marker = "file sealed class SprigLazyProxy_" + name + "_";
        var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return text.Substring(start, 8);
    }
}
