using Microsoft.CodeAnalysis;
using Sprig.Generator.Analyzers;
using static Sprig.Generator.Tests.Support.AnalyzerRunner;

namespace Sprig.Generator.Tests.Analyzers;

public sealed class ConstructorAnalyzerTests
{
    private const string Sample = """
        using Sprig;

        namespace Shop;

        public class Repo { }

        [Component]
        public class Hidden
        {
            private Hidden() { }
            internal Hidden(Repo repo) { }
        }

        [Service("twice")]
        public class Twice
        {
            [Inject] public Twice() { }
            [Inject] public Twice(Repo repo) { }
        }

        [Component]
        public class Undecided
        {
            public Undecided(Repo repo) { }
            public Undecided(Repo repo, string name) { }
        }

        [Component] public abstract class Base { }
        [Component] public static class Helpers { }
        [Component] public class Box<T> { }
        """;

    [Fact]
    public async Task Reports_ConstructorsSprigCannotUseOrChoose_AndClassesThatCannotBeComponents()
    {
        var reported = await RunAsync(Sample, new ConstructorAnalyzer());

        reported.Should().Equal(
            new Reported("SPRIG0002", DiagnosticSeverity.Error, LineOf(Sample, "class Hidden"), "Hidden",
                "'Hidden' cannot be created: Hidden has no public constructor. Add a public constructor, or mark the one to use with [Inject]."),
            new Reported("SPRIG0003", DiagnosticSeverity.Error, LineOf(Sample, "class Twice"), "Twice",
                "'twice' cannot be created: Twice has several constructors marked [Inject]: Twice(); Twice(Repo repo). Keep [Inject] on one of them."),
            new Reported("SPRIG0003", DiagnosticSeverity.Error, LineOf(Sample, "class Undecided"), "Undecided",
                "'Undecided' cannot be created: Undecided has several public constructors and none is marked [Inject]: "
                + "Undecided(Repo repo); Undecided(Repo repo, string name). Mark the one to use with [Inject]."),
            NotAComponent("Base", "Base", "abstract"),
            NotAComponent("Helpers", "Helpers", "static"),
            NotAComponent("Box", "Box<T>", "generic"));

        static Reported NotAComponent(string name, string shown, string what) =>
            new("SPRIG0008", DiagnosticSeverity.Warning, LineOf(Sample, "class " + name), name,
                $"'{shown}' is marked [Component] but is {what}, so it cannot be a component: scanning skips it, and registering it throws. "
                + "A component must be a concrete, non-generic class; put the attribute on a class that implements it, or remove it.");
    }

    [Fact]
    public async Task Reports_WhatRefreshRefuses()
    {
        var compilation = Compile(Sample);
        var reported = await RunAsync(compilation, new ConstructorAnalyzer());

        ShouldMatchRefresh(reported.Where(r => r.Id != "SPRIG0008"), compilation, 3, "Shop.Repo", "Shop.Hidden", "Shop.Twice", "Shop.Undecided");
    }

    [Fact]
    public async Task DoesNotReport_TheConstructorsSprigCanChoose()
    {
        var source = """
            using Sprig;

            public class Repo { }
            [Component] public class One { public One(Repo repo) { } }
            [Component] public class Marked { [Inject] private Marked(Repo repo) { } public Marked() { } internal Marked(int x) { } }
            [Component] public class Parameterless { public Parameterless() { } public Parameterless(Repo repo) { } }
            [Component] public class OnlyPublic { public OnlyPublic(Repo repo) { } private OnlyPublic() { } }
            [Component] public record Record(Repo Repo);
            [Component] public class Implicit { }
            public class NotAComponent { private NotAComponent() { } }
            """;

        (await RunAsync(source, new ConstructorAnalyzer())).Should().BeEmpty();
    }
}
