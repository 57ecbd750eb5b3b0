using System.Runtime.CompilerServices;
using System.Text.Json;
using Sprig.Tests.Support;

namespace Sprig.Tests.Endpoints;

/// <summary>The component each call runs on: the singleton, a new Prototype, or a Request scope of its own disposed after the call.</summary>
public sealed class EndpointScopeTests
{
    public sealed class Counter(Journal journal)
    {
        private int _calls;

        [Endpoint]
        public int Next()
        {
            journal.Write("Counter.Next");
            return ++_calls;
        }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class Draft : IDisposable
    {
        private readonly Journal _journal;

        public Draft(Journal journal)
        {
            _journal = journal;
            journal.Write("Draft.ctor");
        }

        [Endpoint]
        public int Id()
        {
            _journal.Write("Draft.Id");
            return RuntimeHelpers.GetHashCode(this);
        }

        public void Dispose() => _journal.Write("Draft.Dispose");
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class Feed : IDisposable
    {
        private readonly Journal _journal;

        public Feed(Journal journal)
        {
            _journal = journal;
            journal.Write("Feed.ctor");
        }

        [Endpoint]
        public async IAsyncEnumerable<int> Items()
        {
            await Task.Yield();
            yield return 1;
        }

        public void Dispose() => _journal.Write("Feed.Dispose");
    }

    [Component(Scope = Scope.Request)]
    public sealed class Session(Journal journal) : IDisposable
    {
        public void Dispose() => journal.Write("Session.Dispose");
    }

    [Component(Scope = Scope.Request)]
    public sealed class Cart(Session session, Journal journal) : IAsyncDisposable
    {
        public Session Session { get; } = session;

        [Endpoint]
        public int Add(int item)
        {
            journal.Write($"Cart.Add({item})");
            return item;
        }

        [Endpoint]
        public void Fail() => throw new InvalidOperationException("Cart failed.");

        [Endpoint]
        public async IAsyncEnumerable<int> Items()
        {
            for (var i = 0; i < 2; i++)
            {
                await Task.Yield();
                journal.Write($"Cart.Items({i})");
                yield return i;
            }
        }

        public ValueTask DisposeAsync()
        {
            journal.Write("Cart.DisposeAsync");
            return ValueTask.CompletedTask;
        }
    }

    private static (ApplicationContext Context, Journal Journal) Refreshed(params Type[] types)
    {
        var journal = new Journal();
        var registry = Contexts.Registry(types);
        registry.RegisterInstance("journal", journal);
        var context = Contexts.Create(registry);
        context.Refresh();
        return (context, journal);
    }

    [Fact]
    public async Task InvokeAsync_CallsTheSingleton_EachTime()
    {
        var (context, _) = Refreshed(typeof(Counter));
        using var _context = context;

        await context.Endpoints.InvokeAsync("default/Counter/Next", default);
        var second = await context.Endpoints.InvokeAsync("default/Counter/Next", default);

        second.GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task InvokeAsync_CreatesANewPrototype_PerCall_AndDestroysItAfterTheCall()
    {
        var (context, journal) = Refreshed(typeof(Draft));
        using var _context = context;

        var first = await context.Endpoints.InvokeAsync("default/Draft/Id", default);
        var second = await context.Endpoints.InvokeAsync("default/Draft/Id", default);

        first.GetInt32().Should().NotBe(second.GetInt32());
        journal.Entries.Should().Equal("Draft.ctor", "Draft.Id", "Draft.Dispose", "Draft.ctor", "Draft.Id", "Draft.Dispose");
    }

    [Fact]
    public async Task InvokeAsync_RunsInARequestScopeOfItsOwn_DisposedAfterTheCall()
    {
        var (context, journal) = Refreshed(typeof(Session), typeof(Cart));
        using var _context = context;

        await context.Endpoints.InvokeAsync("default/Cart/Add", JsonSerializer.SerializeToElement(1));
        await context.Endpoints.InvokeAsync("default/Cart/Add", JsonSerializer.SerializeToElement(2));

        journal.Entries.Should().Equal(
            "Cart.Add(1)", "Cart.DisposeAsync", "Session.Dispose",
            "Cart.Add(2)", "Cart.DisposeAsync", "Session.Dispose");
    }

    [Fact]
    public async Task InvokeAsync_DisposesTheRequestScope_WhenTheEndpointThrows()
    {
        var (context, journal) = Refreshed(typeof(Session), typeof(Cart));
        using var _context = context;

        var act = () => context.Endpoints.InvokeAsync("default/Cart/Fail", default);

        (await act.Should().ThrowExactlyAsync<InvalidOperationException>()).WithMessage("Cart failed.");
        journal.Entries.Should().Equal("Cart.DisposeAsync", "Session.Dispose");
    }

    [Fact]
    public async Task InvokeAsync_CreatesNothing_WhenArgumentsDoNotBind()
    {
        var (context, journal) = Refreshed(typeof(Session), typeof(Cart));
        using var _context = context;

        var act = () => context.Endpoints.InvokeAsync("default/Cart/Add", JsonSerializer.SerializeToElement("one"));

        await act.Should().ThrowAsync<EndpointBindingException>();
        journal.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task InvokeAsync_GivesEachConcurrentCallItsOwnScope()
    {
        var (context, journal) = Refreshed(typeof(Session), typeof(Cart));
        using var _context = context;

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => context.Endpoints.InvokeAsync("default/Cart/Add", JsonSerializer.SerializeToElement(i)))));

        results.Select(r => r.GetInt32()).Should().Equal(Enumerable.Range(0, 50));
        journal.Entries.Count(e => e == "Cart.DisposeAsync").Should().Be(50);
        journal.Entries.Count(e => e == "Session.Dispose").Should().Be(50);
    }

    [Fact]
    public async Task StreamAsync_DisposesTheRequestScope_WhenTheEnumerationEnds()
    {
        var (context, journal) = Refreshed(typeof(Session), typeof(Cart));
        using var _context = context;

        var items = new List<int>();
        await foreach (var item in context.Endpoints.StreamAsync("default/Cart/Items", default))
        {
            items.Add(item.GetInt32());
            journal.Entries.Should().NotContain(["Cart.DisposeAsync", "Session.Dispose"], "the scope lives while the stream is enumerated");
        }

        items.Should().Equal(0, 1);
        journal.Entries.Should().Equal("Cart.Items(0)", "Cart.Items(1)", "Cart.DisposeAsync", "Session.Dispose");
    }

    [Fact]
    public async Task StreamAsync_DisposesTheRequestScope_WhenTheConsumerStopsEarly()
    {
        var (context, journal) = Refreshed(typeof(Session), typeof(Cart));
        using var _context = context;

        await foreach (var item in context.Endpoints.StreamAsync("default/Cart/Items", default))
        {
            break;
        }

        journal.Entries.Should().Equal("Cart.Items(0)", "Cart.DisposeAsync", "Session.Dispose");
    }

    [Fact]
    public async Task StreamAsync_MakesNothing_ForAStreamNobodyReads()
    {
        var (context, journal) = Refreshed(typeof(Feed));
        await using var _context = context;

        var unread = context.Endpoints.StreamAsync("default/Feed/Items", default);
        await using (unread.GetAsyncEnumerator())
        {
        }

        journal.Entries.Should().BeEmpty("the stream's scope and component are made when it is first read");
        await foreach (var _ in context.Endpoints.StreamAsync("default/Feed/Items", default))
        {
        }

        journal.Entries.Should().Equal(["Feed.ctor", "Feed.Dispose"], "a stream that is read makes its component and destroys it at the end");
    }
}
