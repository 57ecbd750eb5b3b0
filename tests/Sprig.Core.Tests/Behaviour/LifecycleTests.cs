using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>[PostConstruct], [OnStart], [PreDestroy], Dispose, DependsOn and the context's states.</summary>
public sealed class LifecycleTests
{
    public sealed class Repository;

    public sealed class Service(Journal journal)
    {
        [Inject]
        public Repository? Repository { get; set; }

        [PostConstruct]
        public void Init() => journal.Write($"Service.Init repository={Repository is not null}");
    }

    public sealed class AsyncService(Journal journal)
    {
        [Inject]
        private Repository? _repository;

        [PostConstruct]
        public async Task InitAsync()
        {
            await Task.Yield();
            journal.Write($"AsyncService.InitAsync repository={_repository is not null}");
        }
    }

    public sealed class Engine
    {
        private readonly Journal _journal;

        public Engine(Journal journal)
        {
            _journal = journal;
            journal.Write("Engine.ctor");
        }

        [OnStart]
        public Task StartAsync()
        {
            _journal.Write("Engine.OnStart");
            return Task.CompletedTask;
        }

        [PreDestroy]
        public void Stop() => _journal.Write("Engine.PreDestroy");
    }

    public sealed class Car : IDisposable
    {
        private readonly Journal _journal;

        public Car(Engine engine, Journal journal)
        {
            _journal = journal;
            journal.Write("Car.ctor");
        }

        [OnStart]
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await Task.Yield();
            _journal.Write($"Car.OnStart canBeCanceled={cancellationToken.CanBeCanceled}");
        }

        [PreDestroy]
        public async Task ParkAsync()
        {
            await Task.Yield();
            _journal.Write("Car.PreDestroy");
        }

        public void Dispose() => _journal.Write("Car.Dispose");
    }

    public sealed class Garage(Car car, Journal journal) : IAsyncDisposable
    {
        public Car Car { get; } = car;

        public ValueTask DisposeAsync()
        {
            journal.Write("Garage.DisposeAsync");
            return ValueTask.CompletedTask;
        }
    }

    public sealed class TokenStarter(Journal journal)
    {
        public CancellationToken Received { get; private set; }

        [OnStart]
        public Task StartAsync(CancellationToken cancellationToken)
        {
            Received = cancellationToken;
            journal.Write("TokenStarter.OnStart");
            return Task.CompletedTask;
        }
    }

    public sealed class FailingHook(Journal journal)
    {
        [PreDestroy]
        public void Stop()
        {
            journal.Write("FailingHook.PreDestroy");
            throw new InvalidOperationException("Flush failed.");
        }
    }

    public sealed class FailingDispose(Journal journal) : IDisposable
    {
        public void Dispose()
        {
            journal.Write("FailingDispose.Dispose");
            throw new IOException("Socket already closed.");
        }
    }

    public sealed class Healthy(Journal journal) : IDisposable
    {
        public void Dispose() => journal.Write("Healthy.Dispose");
    }

    [Component(DependsOn = new[] { "Migrations" })]
    public sealed class Api
    {
        public Api(Journal journal) => journal.Write("Api.ctor");
    }

    public sealed class Migrations(Journal journal)
    {
        [PostConstruct]
        public void Run() => journal.Write("Migrations.PostConstruct");
    }

    public sealed class StateWatcher(ApplicationContext context, Journal journal)
    {
        [PostConstruct]
        public void Init() => journal.Write($"PostConstruct {context.State}");

        [OnStart]
        public Task StartAsync()
        {
            journal.Write($"OnStart {context.State}");
            return Task.CompletedTask;
        }

        [PreDestroy]
        public void Stop() => journal.Write($"PreDestroy {context.State}");
    }

    public sealed class PostConstructWithParameter
    {
        [PostConstruct]
        public void Init(int attempts)
        {
        }
    }

    public sealed class PreDestroyReturningValue
    {
        [PreDestroy]
        public int Stop() => 0;
    }

    public sealed class OnStartReturningVoid
    {
        [OnStart]
        public void Start()
        {
        }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class PrototypeStarter
    {
        [OnStart]
        public Task StartAsync() => Task.CompletedTask;
    }

    [Fact]
    public void PostConstruct_RunsAfterInjection()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Repository), typeof(Service));

        context.Refresh();

        journal.Entries.Should().Equal("Service.Init repository=True");
    }

    [Fact]
    public void PostConstruct_IsAwaited_WhenItReturnsTask()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Repository), typeof(AsyncService));

        context.Refresh();

        journal.Entries.Should().Equal("AsyncService.InitAsync repository=True");
    }

    [Fact]
    public void OnStart_RunsAfterWholeGraphIsCreated_InDependencyOrder()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Car), typeof(Engine));

        context.Refresh();

        journal.Entries.Should().Equal("Engine.ctor", "Car.ctor", "Engine.OnStart", "Car.OnStart canBeCanceled=False");
    }

    [Fact]
    public async Task OnStart_ReceivesRefreshCancellationToken()
    {
        var journal = new Journal();
        using var cancellation = new CancellationTokenSource();
        await using var context = Create(journal, typeof(TokenStarter));

        await context.RefreshAsync(cancellation.Token);

        context.Get<TokenStarter>().Received.Should().Be(cancellation.Token);
    }

    [Fact]
    public void Shutdown_RunsPreDestroyThenDispose_InReverseCreationOrder()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Garage), typeof(Car), typeof(Engine));
        context.Refresh();
        var created = journal.Entries.Count;

        context.Shutdown();

        journal.Entries.Skip(created).Should().Equal("Garage.DisposeAsync", "Car.PreDestroy", "Car.Dispose", "Engine.PreDestroy");
        context.State.Should().Be(ContextState.Stopped);
    }

    [Fact]
    public async Task ShutdownAsync_RunsPreDestroyThenDispose_InReverseCreationOrder()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Garage), typeof(Car), typeof(Engine));
        await context.RefreshAsync();
        var created = journal.Entries.Count;

        await context.ShutdownAsync();

        journal.Entries.Skip(created).Should().Equal("Garage.DisposeAsync", "Car.PreDestroy", "Car.Dispose", "Engine.PreDestroy");
        context.State.Should().Be(ContextState.Stopped);
    }

    [Fact]
    public void Dispose_ShutsDownRunningContext()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Engine));
        context.Refresh();

        context.Dispose();

        journal.Entries.Should().EndWith("Engine.PreDestroy");
        context.State.Should().Be(ContextState.Stopped);
    }

    [Fact]
    public void Shutdown_StopsEveryComponentAndReportsAllFailures_WhenSomeFail()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Healthy), typeof(FailingHook), typeof(FailingDispose));
        context.Refresh();

        var ex = Assert.Throws<ContainerException>(context.Shutdown);

        journal.Entries.Should().Equal("FailingDispose.Dispose", "FailingHook.PreDestroy", "Healthy.Dispose");
        ex.Message.Should().Be(
            "Shutdown finished, but stopping components failed 2 times:\n"
            + "1. Stopping 'FailingDispose' failed: Dispose threw IOException: Socket already closed.\n"
            + "2. Stopping 'FailingHook' failed: [PreDestroy] method 'Stop' threw InvalidOperationException: Flush failed.");
        ex.Problems.Select(p => p.ComponentName).Should().Equal("FailingDispose", "FailingHook");
        ex.Problems.Select(p => p.InnerException?.GetType()).Should().Equal(typeof(IOException), typeof(InvalidOperationException));
        context.State.Should().Be(ContextState.Stopped);
    }

    [Fact]
    public void Shutdown_ThrowsTheFailure_WhenOneComponentFails()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(FailingHook), typeof(Healthy));
        context.Refresh();

        var ex = Assert.Throws<ContainerException>(context.Shutdown);

        ex.Message.Should().Be("Stopping 'FailingHook' failed: [PreDestroy] method 'Stop' threw InvalidOperationException: Flush failed.");
        ex.ComponentName.Should().Be("FailingHook");
        ex.InnerException.Should().BeOfType<InvalidOperationException>();
        journal.Entries.Should().Equal("Healthy.Dispose", "FailingHook.PreDestroy");
        context.State.Should().Be(ContextState.Stopped);
    }

    [Fact]
    public void DependsOn_CreatesAndPostConstructsNamedComponentsFirst()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Api), typeof(Migrations));

        context.Refresh();

        journal.Entries.Should().Equal("Migrations.PostConstruct", "Api.ctor");
    }

    [Fact]
    public void State_MovesFromCreatedThroughRefreshingRunningStoppingToStopped()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(StateWatcher));
        var initial = context.State;

        context.Refresh();
        var running = context.State;
        context.Shutdown();

        initial.Should().Be(ContextState.Created);
        running.Should().Be(ContextState.Running);
        journal.Entries.Should().Equal("PostConstruct Refreshing", "OnStart Refreshing", "PreDestroy Stopping");
        context.State.Should().Be(ContextState.Stopped);
    }

    [Fact]
    public void Refresh_Throws_WhenPostConstructTakesParameters()
    {
        using var context = Contexts.Create(typeof(PostConstructWithParameter));

        var ex = Assert.Throws<ComponentCreationException>(context.Refresh);

        ex.Message.Should().Be(
            "'PostConstructWithParameter' has [PostConstruct] method 'Init' with an unsupported signature. "
            + "A [PostConstruct] method takes no parameters and returns void or Task.");
        context.State.Should().Be(ContextState.Failed);
    }

    [Fact]
    public void Refresh_Throws_WhenPreDestroyReturnsValue()
    {
        using var context = Contexts.Create(typeof(PreDestroyReturningValue));

        var ex = Assert.Throws<ComponentCreationException>(context.Refresh);

        ex.Message.Should().Be(
            "'PreDestroyReturningValue' has [PreDestroy] method 'Stop' with an unsupported signature. "
            + "A [PreDestroy] method takes no parameters and returns void or Task.");
    }

    [Fact]
    public void Refresh_Throws_WhenOnStartDoesNotReturnTask()
    {
        using var context = Contexts.Create(typeof(OnStartReturningVoid));

        var ex = Assert.Throws<ComponentCreationException>(context.Refresh);

        ex.Message.Should().Be(
            "'OnStartReturningVoid' has [OnStart] method 'Start' with an unsupported signature. "
            + "An [OnStart] method returns Task and takes no parameters or one CancellationToken.");
    }

    [Fact]
    public void Refresh_Throws_WhenOnStartIsOnNonSingleton()
    {
        using var context = Contexts.Create(typeof(PrototypeStarter));

        var ex = Assert.Throws<ComponentCreationException>(context.Refresh);

        ex.Message.Should().Be(
            "'PrototypeStarter' has [OnStart] method 'StartAsync' but is Prototype-scoped. [OnStart] runs once per context, "
            + "so only a Singleton can have it: make 'PrototypeStarter' a Singleton, or call the method from a singleton's [OnStart].");
        context.State.Should().Be(ContextState.Failed);
    }

    private static ApplicationContext Create(Journal journal, params Type[] types) =>
        Contexts.Create(Contexts.Registry(types).RegisterInstance("Journal", journal));
}
