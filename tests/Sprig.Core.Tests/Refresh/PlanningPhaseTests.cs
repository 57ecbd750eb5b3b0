using Sprig.Conditions;
using Sprig.Refresh;
using Sprig.Resolution;

namespace Sprig.Tests.Refresh;

/// <summary>Phase 3: plans every included component and collects the endpoints; problems are recorded for validation, not thrown.</summary>
public sealed class PlanningPhaseTests
{
    public sealed class Engine
    {
    }

    public sealed class Wheels
    {
    }

    public sealed class Car(Engine engine, Wheels wheels)
    {
        public Engine Engine { get; } = engine;

        public Wheels Wheels { get; } = wheels;
    }

    public sealed class Server
    {
        [Value]
        private readonly TimeSpan _timeout;

        [Value("server.port")]
        public int Port { get; set; }

        public TimeSpan Timeout => _timeout;
    }

    public interface IMailer
    {
    }

    public sealed class Signup(IMailer mailer)
    {
        public IMailer Mailer { get; } = mailer;
    }

    [ConditionalOnProperty("mail.enabled")]
    public sealed class SmtpMailer : IMailer
    {
    }

    public sealed class Greeter
    {
        [Endpoint]
        public string Hello(string name) => $"Hello, {name}";

        public string NotAnEndpoint() => "hidden";
    }

    [Fact]
    public void Run_PlansConstructorAndArguments_AsLinksToTheComponentsTheyNeed()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Car>().Register<Engine>().Register<Wheels>());

        var planned = PlanningPhase.Run(run.Conditioned(), run.Services, run.Context.RemoteProxies, run.Context.KeyedProxies);

        var table = planned.Table;
        table.Entries.Select(e => e.Name).Should().Equal("Car", "Engine", "Wheels");
        var plan = table.ByName["Car"].Plan;
        plan.Constructor.Should().BeSameAs(typeof(Car).GetConstructors().Single());
        plan.Arguments.Should().AllBeOfType<ComponentDependency>();
        plan.Arguments.Cast<ComponentDependency>().Select(a => a.Target).Should().Equal(table.ByName["Engine"], table.ByName["Wheels"]);
        plan.Links.Should().Equal((table.ByName["Engine"], false), (table.ByName["Wheels"], false));
        plan.Stages.Should().Equal("its constructor");
        table.ByName["Engine"].Plan.Arguments.Should().BeEmpty();
        planned.Problems.Count.Should().Be(0);
    }

    [Fact]
    public void Run_PlansValueMembers_AsConstantsConvertedToTheMemberType()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Server>(),
            new Dictionary<string, string?> { ["server:port"] = "8080", ["Server:Timeout"] = "00:00:30" });

        var planned = run.Plan(run.Conditioned());

        var members = planned.Table.ByName["Server"].Plan.Members;
        members.Select(m => m.Description).Should().Equal("field '_timeout'", "property 'Port'");
        members.Select(m => m.Dependency).Should().AllBeOfType<ConstantDependency>();
        members.Select(m => ((ConstantDependency)m.Dependency).Value).Should().Equal(TimeSpan.FromSeconds(30), 8080);
        planned.Problems.Count.Should().Be(0);
    }

    [Fact]
    public void Run_RecordsAMissingDependency_WithoutThrowing()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Signup>().Register<SmtpMailer>());

        var planned = PlanningPhase.Run(run.Conditioned(), run.Services, run.Context.RemoteProxies, run.Context.KeyedProxies);

        planned.Problems.Count.Should().Be(1);
        planned.Table.Excluded.Select(d => d.Name).Should().Equal("SmtpMailer");
        // The path is known only once the graph is: the problem is rendered with whatever path validation finds.
        var problem = planned.Problems.Render(entry => ["Shop", entry.Name]).Single();
        problem.Should().BeOfType<ComponentNotFoundException>();
        problem.Path.Should().Equal("Shop", "Signup");
        problem.Message.Should().Be(
            "'Signup' needs a component of type 'PlanningPhaseTests.IMailer' for constructor parameter 'mailer', but none is registered "
            + "(excluded by a condition: 'SmtpMailer': ConditionalOnProperty('mail.enabled') did not find the property). Path: Shop -> Signup. "
            + "Register a class that is or implements PlanningPhaseTests.IMailer (mark it [Component] or [Service]), or make it optional by giving the parameter a default value.");
    }

    [Fact]
    public void Run_RecordsDuplicateNames_WithoutThrowing()
    {
        using var run = new PhaseRun(new PendingRegistry().Register("engine", typeof(Engine)).Register("engine", typeof(Wheels)));

        var planned = run.Plan(run.Conditioned());

        planned.Table.ByName["engine"].Definition.Type.Should().Be<Engine>();
        planned.Table.Duplicates.Select(d => (d.First.Index, d.Second.Index)).Should().Equal((0, 1));
        planned.Problems.Render(e => [e.Name]).Select(p => p.Message).Should().Equal(
            "Two components are named 'engine': PlanningPhaseTests.Engine and PlanningPhaseTests.Wheels. "
            + "Give one of them another name (e.g. [Component(\"engine2\")]) or remove one of the registrations.");
    }

    [Fact]
    public void Run_CollectsTheEndpointsOfPlannedComponents()
    {
        using var run = new PhaseRun(new PendingRegistry().Register<Greeter>().Register<Engine>());

        var planned = run.Plan(run.Conditioned());

        planned.Endpoints.Select(e => e.Address).Should().Equal("default/Greeter/Hello");
        planned.Endpoints.Find("default/Greeter/Hello")!.Method.Should().BeSameAs(typeof(Greeter).GetMethod(nameof(Greeter.Hello)));
        planned.Report.Should().BeSameAs(planned.Table.Report);
    }
}
