using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>A refresh that fails names the component and the path to it, destroys what it built, and leaves the context Failed.</summary>
public sealed class FailureTests
{
    public sealed class AuditLog(Journal journal) : IDisposable
    {
        public void Dispose() => journal.Write("AuditLog.Dispose");
    }

    public sealed class Metrics(Journal journal)
    {
        [PreDestroy]
        public void Flush() => journal.Write("Metrics.PreDestroy");
    }

    public sealed class UserController(UserService users)
    {
        public UserService Users { get; } = users;
    }

    public sealed class UserService(EmailService email)
    {
        public EmailService Email { get; } = email;
    }

    public sealed class EmailService
    {
        public EmailService(Journal journal)
        {
            journal.Write("EmailService.ctor");
            throw new InvalidOperationException("SMTP server unreachable.");
        }
    }

    public sealed class Cache
    {
        [PostConstruct]
        public void Warm() => throw new TimeoutException("Cache warm-up timed out.");
    }

    public sealed class Worker(Journal journal) : IDisposable
    {
        [OnStart]
        public async Task StartAsync()
        {
            await Task.Yield();
            throw new InvalidOperationException("Queue unavailable.");
        }

        public void Dispose() => journal.Write("Worker.Dispose");
    }

    public interface IPaymentGateway
    {
        void Pay();
    }

    public sealed class Checkout(IPaymentGateway gateway)
    {
        public IPaymentGateway Gateway { get; } = gateway;
    }

    public sealed class Ping(Pong pong)
    {
        public Pong Pong { get; } = pong;
    }

    public sealed class Pong(Ping ping)
    {
        public Ping Ping { get; } = ping;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class Outer(Inner inner)
    {
        public Inner Inner { get; } = inner;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class Inner
    {
        public Inner() => throw new InvalidOperationException("Inner is broken.");
    }

    public sealed class Fine;

    [Fact]
    public void Refresh_ThrowsWithPathFromOutermostDependent_WhenConstructorThrows()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(AuditLog), typeof(UserController), typeof(UserService), typeof(EmailService));

        var ex = Assert.Throws<ComponentCreationException>(context.Refresh);

        ex.Message.Should().Be(
            "Creating 'EmailService' failed: its constructor threw InvalidOperationException: SMTP server unreachable. "
            + "Path: UserController -> UserService -> EmailService.");
        ex.ComponentName.Should().Be("EmailService");
        ex.Path.Should().Equal("UserController", "UserService", "EmailService");
        ex.InnerException.Should().BeOfType<InvalidOperationException>();
        context.State.Should().Be(ContextState.Failed);
    }

    [Fact]
    public void Refresh_DestroysComponentsAlreadyBuilt_WhenConstructorThrows()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(AuditLog), typeof(Metrics), typeof(UserController), typeof(UserService), typeof(EmailService));

        Assert.Throws<ComponentCreationException>(context.Refresh);

        journal.Entries.Should().Equal("EmailService.ctor", "Metrics.PreDestroy", "AuditLog.Dispose");
        context.State.Should().Be(ContextState.Failed);
    }

    [Fact]
    public void Refresh_Throws_WhenPostConstructThrows()
    {
        using var context = Contexts.Create(typeof(Cache));

        var ex = Assert.Throws<ComponentCreationException>(context.Refresh);

        ex.Message.Should().Be("Creating 'Cache' failed: [PostConstruct] method 'Warm' threw TimeoutException: Cache warm-up timed out. Path: Cache.");
        ex.InnerException.Should().BeOfType<TimeoutException>();
        context.State.Should().Be(ContextState.Failed);
    }

    [Fact]
    public void Refresh_ThrowsAndDestroysEverything_WhenOnStartFails()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(AuditLog), typeof(Worker));

        var ex = Assert.Throws<ComponentCreationException>(context.Refresh);

        ex.Message.Should().Be(
            "Starting 'Worker' failed: [OnStart] method 'StartAsync' threw InvalidOperationException: Queue unavailable. "
            + "Refresh stopped and destroyed what it had created; fix the hook or what it uses, or catch the failure inside the hook if the component can run without it.");
        ex.ComponentName.Should().Be("Worker");
        ex.InnerException.Should().BeOfType<InvalidOperationException>();
        journal.Entries.Should().Equal("Worker.Dispose", "AuditLog.Dispose");
        context.State.Should().Be(ContextState.Failed);
    }

    [Fact]
    public void Refresh_ReportsEveryProblemAtOnce_WhenDependencyIsMissingAndCycleExists()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(AuditLog), typeof(Checkout), typeof(Ping), typeof(Pong));

        var ex = Assert.Throws<ContainerException>(context.Refresh);

        ex.Message.Should().Be(
            "Refresh found 2 problems; nothing was created:\n"
            + "1. 'Checkout' needs a component of type 'FailureTests.IPaymentGateway' for constructor parameter 'gateway', but none is registered. "
            + "Path: Checkout. Register a class that is or implements FailureTests.IPaymentGateway (mark it [Component] or [Service]), "
            + "or make it optional by giving the parameter a default value.\n"
            + "2. Circular dependency: Ping -> Pong -> Ping. 'Ping' cannot be created, because creating it needs 'Pong', which leads back to 'Ping'. "
            + "Mark one link of the cycle [Lazy] (or inject Lazy<T> or Func<T>) so that it is resolved on first use.");
        ex.Problems.Should().HaveCount(2);
        ex.Problems[0].Should().BeOfType<ComponentNotFoundException>();
        ex.Problems[1].Should().BeOfType<CircularDependencyException>().Which.Path.Should().Equal("Ping", "Pong", "Ping");
        journal.Entries.Should().BeEmpty("refresh validates the whole graph before creating anything");
        context.State.Should().Be(ContextState.Failed);
    }

    [Fact]
    public void Refresh_Throws_WhenCalledTwice()
    {
        using var context = Contexts.Refreshed(typeof(Fine));

        var ex = Assert.Throws<InvalidOperationException>(context.Refresh);

        ex.Message.Should().Be("Refresh() cannot run on a context that is Running: a context refreshes once. Create a new ApplicationContext to start again.");
        context.State.Should().Be(ContextState.Running);
        context.Get<Fine>().Should().NotBeNull();
    }

    [Fact]
    public void Refresh_Throws_WhenCalledAfterFailedRefresh()
    {
        using var context = Contexts.Create(typeof(Ping), typeof(Pong));
        Assert.Throws<CircularDependencyException>(context.Refresh);

        var ex = Assert.Throws<InvalidOperationException>(context.Refresh);

        ex.Message.Should().Be("Refresh() cannot run on a context that is Failed: a context refreshes once. Create a new ApplicationContext to start again.");
    }

    [Fact]
    public void Get_Throws_WhenRefreshFailed()
    {
        using var context = Contexts.Create(typeof(Ping), typeof(Pong));
        Assert.Throws<CircularDependencyException>(context.Refresh);

        var ex = Assert.Throws<InvalidOperationException>(() => context.Get("Ping"));

        ex.Message.Should().Be("The context cannot resolve components while it is Failed. Resolve components only between Refresh() and Shutdown().");
    }

    [Fact]
    public void Get_ThrowsWithResolutionChain_WhenPrototypeDependencyConstructorThrows()
    {
        using var context = Contexts.Refreshed(typeof(Outer), typeof(Inner));

        var ex = Assert.Throws<ComponentCreationException>(() => context.Get("Outer"));

        ex.Message.Should().Be("Creating 'Inner' failed: its constructor threw InvalidOperationException: Inner is broken. Path: Outer -> Inner.");
        ex.ComponentName.Should().Be("Inner");
        ex.Path.Should().Equal("Outer", "Inner");
        ex.InnerException.Should().BeOfType<InvalidOperationException>();
        context.State.Should().Be(ContextState.Running, "a failing prototype does not stop the context");
    }

    [Fact]
    public void Get_ThrowsWithResolutionChain_EveryTimePrototypeIsResolved()
    {
        using var context = Contexts.Refreshed(typeof(Outer), typeof(Inner));

        var first = Assert.Throws<ComponentCreationException>(() => context.Get<Outer>());
        var second = Assert.Throws<ComponentCreationException>(() => context.Get<Outer>());

        first.Path.Should().Equal("Outer", "Inner");
        second.Message.Should().Be(first.Message);
    }

    private static ApplicationContext Create(Journal journal, params Type[] types) =>
        Contexts.Create(Contexts.Registry(types).RegisterInstance("Journal", journal));
}
