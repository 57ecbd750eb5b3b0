using Microsoft.Extensions.DependencyInjection;
using Sprig.Refresh;
using Sprig.Tests.Support;

namespace Sprig.Tests.Refresh;

/// <summary>Phase 6: creates the singletons in the given order; a failure carries the path from the outermost component.</summary>
public sealed class InstantiationPhaseTests
{
    public sealed class Top
    {
        public Top(Middle middle, Journal journal)
        {
            Middle = middle;
            journal.Write(nameof(Top));
        }

        public Middle Middle { get; }
    }

    public sealed class Middle
    {
        public Middle(Bottom bottom, Journal journal)
        {
            Bottom = bottom;
            journal.Write(nameof(Middle));
        }

        public Bottom Bottom { get; }
    }

    public sealed class Bottom
    {
        public Bottom(Journal journal) => journal.Write(nameof(Bottom));
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class Prototype
    {
        public Prototype(Journal journal) => journal.Write(nameof(Prototype));
    }

    public sealed class DescriptorSingleton
    {
        public DescriptorSingleton(Journal journal) => journal.Write(nameof(DescriptorSingleton));
    }

    public sealed class First
    {
        public First(Journal journal) => journal.Write(nameof(First));
    }

    public sealed class Second
    {
        public Second(Journal journal) => journal.Write(nameof(Second));
    }

    public sealed class Api(Repository repository)
    {
        public Repository Repository { get; } = repository;
    }

    public sealed class Repository(Database database)
    {
        public Database Database { get; } = database;
    }

    public sealed class Database
    {
        public Database() => throw new InvalidOperationException("connection refused");
    }

    [Fact]
    public void Run_CreatesOnlyAttributedSingletons_DependenciesFirst()
    {
        var journal = new Journal();
        var registry = new PendingRegistry()
            .RegisterInstance("journal", journal)
            .Register<Top>().Register<Prototype>().Register<Middle>().Register<Bottom>()
            .RegisterServices(new ServiceCollection().AddSingleton<DescriptorSingleton>());
        using var run = new PhaseRun(registry);
        var (table, graph, order) = run.Ordered();

        InstantiationPhase.Run(table, order, graph, run.Configuration);

        journal.Entries.Should().Equal("Bottom", "Middle", "Top");
        table.Entries.Where(e => e.IsCreated).Select(e => e.Name).Should().Equal("journal", "Top", "Middle", "Bottom");
        table.Lifetime.Singletons.CreatedCount.Should().Be(3);
        table.Lifetime.IsRefreshing.Should().BeTrue();
    }

    [Fact]
    public void Run_CreatesSingletons_InTheOrderItIsGiven()
    {
        var journal = new Journal();
        using var run = new PhaseRun(new PendingRegistry().RegisterInstance("journal", journal).Register<First>().Register<Second>());
        var (table, graph, order) = run.Ordered();
        order.Select(e => e.Name).Should().Equal("journal", "First", "Second");

        InstantiationPhase.Run(table, [.. order.Reverse()], graph, run.Configuration);

        journal.Entries.Should().Equal("Second", "First");
    }

    [Fact]
    public void Run_Throws_WithThePathFromTheOutermostComponent_WhenAConstructorDeepInTheGraphFails()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Api>().Register<Repository>().Register<Database>());
        var (table, graph, order) = run.Ordered();
        order.Select(e => e.Name).Should().Equal("Database", "Repository", "Api");

        var act = () => InstantiationPhase.Run(table, order, graph, run.Configuration);

        var thrown = act.Should().Throw<ComponentCreationException>().Which;
        thrown.Path.Should().Equal("Api", "Repository", "Database");
        thrown.ComponentName.Should().Be("Database");
        thrown.Message.Should().Be(
            "Creating 'Database' failed: its constructor threw InvalidOperationException: connection refused. Path: Api -> Repository -> Database.");
        thrown.InnerException.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("connection refused");
        table.Entries.Should().OnlyContain(e => !e.IsCreated);
    }
}
