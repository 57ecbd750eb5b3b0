using Microsoft.Extensions.DependencyInjection;
using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>After refresh, Get, CreateScope and lazy proxies are correct from many threads at once.</summary>
public sealed class ThreadSafetyTests
{
    private const int Threads = 16;
    private const int Iterations = 50;

    /// <summary>Counts constructions; registered as an instance so each test has its own.</summary>
    public sealed class Counter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public int Next() => Interlocked.Increment(ref _count);
    }

    public sealed class Settings;

    public sealed class Repository(Settings settings)
    {
        public Settings Settings { get; } = settings;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class Command(Repository repository, Counter counter)
    {
        public Repository Repository { get; } = repository;

        public int Id { get; } = counter.Next();
    }

    [Component(Scope = Scope.Request)]
    public sealed class RequestContext(Counter counter) : IDisposable
    {
        public int Id { get; } = counter.Next();

        public bool IsDisposed { get; private set; }

        public void Dispose() => IsDisposed = true;
    }

    [Component(Scope = Scope.Request)]
    public sealed class Handler(RequestContext request, Command command)
    {
        public RequestContext Request { get; } = request;

        public Command Command { get; } = command;
    }

    public interface IReport
    {
        int Id();
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class Report(Counter counter) : IReport
    {
        private readonly int _id = counter.Next();

        public int Id() => _id;
    }

    [Component(Scope = Scope.Prototype)]
    public class Ledger
    {
        private readonly int _id;

        public Ledger(Counter counter) => _id = counter.Next();

        public virtual int Id() => _id;
    }

    public sealed class Dashboard
    {
        [Lazy]
        public IReport Report { get; set; } = null!;

        [Lazy]
        public Ledger Ledger { get; set; } = null!;
    }

    [Fact]
    public async Task Get_ReturnsSameSingleton_FromManyThreads()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Settings), typeof(Repository), typeof(Command));
        var expected = context.Get<Repository>();

        var results = await Concurrently(() => Enumerable.Range(0, Iterations)
            .Select(i => i % 2 == 0 ? context.Get<Repository>() : (Repository)context.Get("Repository"))
            .ToList());

        results.SelectMany(r => r).Should().OnlyContain(r => ReferenceEquals(r, expected));
    }

    [Fact]
    public async Task Get_ReturnsNewPrototypeEachTime_FromManyThreads()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Settings), typeof(Repository), typeof(Command));
        var repository = context.Get<Repository>();

        var results = await Concurrently(() => Enumerable.Range(0, Iterations).Select(_ => context.Get<Command>()).ToList());

        var commands = results.SelectMany(r => r).ToList();
        commands.Should().HaveCount(Threads * Iterations).And.OnlyHaveUniqueItems();
        commands.Select(c => c.Id).Should().OnlyHaveUniqueItems();
        commands.Should().OnlyContain(c => ReferenceEquals(c.Repository, repository));
        counter.Count.Should().Be(Threads * Iterations);
    }

    [Fact]
    public async Task CreateScope_GivesEachScopeItsOwnRequestComponents_FromManyThreads()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Settings), typeof(Repository), typeof(Command), typeof(RequestContext), typeof(Handler));

        var results = await Concurrently(() =>
        {
            var seen = new List<RequestContext>();
            for (var i = 0; i < Iterations; i++)
            {
                using var scope = context.CreateScope();
                var handler = scope.ServiceProvider.GetRequiredService<Handler>();
                var request = scope.ServiceProvider.GetRequiredService<RequestContext>();
                handler.Request.Should().BeSameAs(request);
                scope.ServiceProvider.GetRequiredService<Handler>().Should().BeSameAs(handler);
                seen.Add(request);
            }

            return seen;
        });

        var requests = results.SelectMany(r => r).ToList();
        requests.Should().HaveCount(Threads * Iterations).And.OnlyHaveUniqueItems();
        requests.Should().OnlyContain(r => r.IsDisposed);
    }

    [Fact]
    public async Task Scope_CreatesRequestComponentOnce_WhenManyThreadsResolveItInOneScope()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Settings), typeof(Repository), typeof(Command), typeof(RequestContext), typeof(Handler));
        using var scope = context.CreateScope();

        var results = await Concurrently(() => scope.ServiceProvider.GetRequiredService<Handler>());

        results.Should().OnlyContain(h => ReferenceEquals(h, results[0]));
        results.Should().OnlyContain(h => ReferenceEquals(h.Request, results[0].Request));
        counter.Count.Should().Be(2, "one RequestContext and the one Command its Handler needs");
    }

    [Fact]
    public async Task LazyProxies_ResolveTargetsOnce_WhenManyThreadsMakeFirstCalls()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Report), typeof(Ledger), typeof(Dashboard));
        var dashboard = context.Get<Dashboard>();

        var results = await Concurrently(() => Enumerable.Range(0, Iterations)
            .Select(_ => (Report: dashboard.Report.Id(), Ledger: dashboard.Ledger.Id()))
            .ToList());

        var calls = results.SelectMany(r => r).ToList();
        calls.Select(c => c.Report).Distinct().Should().ContainSingle();
        calls.Select(c => c.Ledger).Distinct().Should().ContainSingle();
        counter.Count.Should().Be(2, "each proxy resolved its Prototype target exactly once");
    }

    [Fact]
    public async Task LazyProxies_EachResolveTheirOwnTargetOnce_WhenManyThreadsCallManyProxies()
    {
        var counter = new Counter();
        using var context = Refreshed(counter, typeof(Report), typeof(PrototypeDashboard));
        var dashboards = Enumerable.Range(0, Iterations).Select(_ => context.Get<PrototypeDashboard>()).ToList();
        counter.Count.Should().Be(0);

        var results = await Concurrently(() => dashboards.Select(d => d.Report.Id()).ToList());

        for (var i = 0; i < dashboards.Count; i++)
        {
            results.Select(r => r[i]).Distinct().Should().ContainSingle("proxy {0} must forward every call to one target", i);
        }

        results[0].Should().OnlyHaveUniqueItems("each proxy has a target of its own");
        counter.Count.Should().Be(Iterations);
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class PrototypeDashboard
    {
        [Lazy]
        public IReport Report { get; set; } = null!;
    }

    private static ApplicationContext Refreshed(Counter counter, params Type[] types)
    {
        var context = Contexts.Create(Contexts.Registry(types).RegisterInstance("Counter", counter));
        context.Refresh();
        return context;
    }

    /// <summary>Runs <paramref name="work"/> on <see cref="Threads"/> dedicated threads released together by one gate.</summary>
    private static async Task<T[]> Concurrently<T>(Func<T> work)
    {
        using var ready = new CountdownEvent(Threads);
        using var go = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, Threads)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    ready.Signal();
                    go.Wait();
                    return work();
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default))
            .ToList();
        ready.Wait();
        go.Set();
        return await Task.WhenAll(tasks);
    }
}
