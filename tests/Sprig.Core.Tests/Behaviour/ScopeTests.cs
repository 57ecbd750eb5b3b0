using Microsoft.Extensions.DependencyInjection;
using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>Singleton (eager, in dependency order), Prototype (new each time) and Request (one per scope, destroyed with it).</summary>
public sealed class ScopeTests
{
    public sealed class Top
    {
        public Top(Middle middle, Journal journal) => journal.Write("Top");
    }

    public sealed class Middle
    {
        public Middle(Bottom bottom, Journal journal) => journal.Write("Middle");
    }

    public sealed class Bottom
    {
        public Bottom(Journal journal) => journal.Write("Bottom");
    }

    public sealed class Solo;

    [Component(Scope = Scope.Prototype)]
    public sealed class Proto
    {
        public Proto(Journal journal) => journal.Write("Proto");
    }

    [Component(Scope = Scope.Request)]
    public sealed class Basket(Journal journal) : IDisposable
    {
        public void Dispose() => journal.Write("Basket.Dispose");
    }

    [Component(Scope = Scope.Request)]
    public sealed class Checkout(Basket basket, Journal journal) : IAsyncDisposable
    {
        public Basket Basket { get; } = basket;

        [PreDestroy]
        public void Close() => journal.Write("Checkout.PreDestroy");

        public ValueTask DisposeAsync()
        {
            journal.Write("Checkout.DisposeAsync");
            return ValueTask.CompletedTask;
        }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class Receipt(Journal journal) : IDisposable
    {
        public void Dispose() => journal.Write("Receipt.Dispose");
    }

    [Component(Scope = Scope.Request)]
    public sealed class Order(Receipt receipt, Journal journal) : IDisposable
    {
        public Receipt Receipt { get; } = receipt;

        public void Dispose() => journal.Write("Order.Dispose");
    }

    [Component(Scope = Scope.Request)]
    public sealed class Ledger(Journal journal) : IDisposable, IAsyncDisposable
    {
        [PreDestroy]
        public void Close() => journal.Write("Ledger.PreDestroy");

        public void Dispose() => journal.Write("Ledger.Dispose");

        public ValueTask DisposeAsync()
        {
            journal.Write("Ledger.DisposeAsync");
            return ValueTask.CompletedTask;
        }
    }

    [Component(Scope = Scope.Request)]
    public sealed class Flusher(Journal journal) : IDisposable
    {
        [PreDestroy]
        public async Task FlushAsync()
        {
            await Task.Yield();
            journal.Write("Flusher.FlushAsync");
        }

        public void Dispose() => journal.Write("Flusher.Dispose");
    }

    public sealed class Cart(Basket basket)
    {
        public Basket Basket { get; } = basket;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class Pricing(Basket basket)
    {
        public Basket Basket { get; } = basket;
    }

    public sealed class Shop(Pricing pricing)
    {
        public Pricing Pricing { get; } = pricing;
    }

    [Fact]
    public void Refresh_CreatesSingletonsEagerly_DependenciesFirst()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Top), typeof(Middle), typeof(Bottom));

        context.Refresh();

        journal.Entries.Should().Equal("Bottom", "Middle", "Top");
    }

    [Fact]
    public void Get_ReturnsSameInstance_WhenScopeIsSingleton()
    {
        using var context = Contexts.Refreshed(typeof(Solo));

        context.Get<Solo>().Should().BeSameAs(context.Get<Solo>()).And.BeSameAs(context.Get("Solo"));
    }

    [Fact]
    public void Get_ReturnsNewInstanceEachTime_WhenScopeIsPrototype()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Proto));
        context.Refresh();
        journal.Entries.Should().BeEmpty("a prototype is not created at refresh");

        var first = context.Get<Proto>();
        var second = context.Get<Proto>();
        var third = context.Get("Proto");

        first.Should().NotBeSameAs(second);
        third.Should().NotBeSameAs(first).And.NotBeSameAs(second);
        journal.Entries.Should().Equal("Proto", "Proto", "Proto");
    }

    [Fact]
    public void Resolve_ReturnsOneInstancePerScope_WhenScopeIsRequest()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Basket), typeof(Checkout));
        context.Refresh();
        using var scope = context.CreateScope();

        var basket = scope.ServiceProvider.GetRequiredService<Basket>();
        var checkout = scope.ServiceProvider.GetRequiredService<Checkout>();

        scope.ServiceProvider.GetRequiredService<Basket>().Should().BeSameAs(basket);
        scope.ServiceProvider.GetRequiredService<Checkout>().Should().BeSameAs(checkout);
        checkout.Basket.Should().BeSameAs(basket, "Request dependencies are shared inside one scope");
    }

    [Fact]
    public void Resolve_ReturnsDifferentInstances_InDifferentScopes()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Basket), typeof(Checkout));
        context.Refresh();
        using var first = context.CreateScope();
        using var second = context.CreateScope();

        var one = first.ServiceProvider.GetRequiredService<Checkout>();
        var two = second.ServiceProvider.GetRequiredService<Checkout>();

        one.Should().NotBeSameAs(two);
        one.Basket.Should().NotBeSameAs(two.Basket);
    }

    [Fact]
    public void DisposeScope_DestroysRequestComponents_InReverseCreationOrder()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Basket), typeof(Checkout));
        context.Refresh();
        var scope = context.CreateScope();
        scope.ServiceProvider.GetRequiredService<Checkout>();

        scope.Dispose();

        journal.Entries.Should().Equal("Checkout.PreDestroy", "Checkout.DisposeAsync", "Basket.Dispose");
    }

    [Fact]
    public void DisposeScope_CallsDispose_OfAComponentThatIsBothDisposables_AsMsDiDoes()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Basket), typeof(Ledger));
        context.Refresh();
        var scope = context.CreateScope();
        scope.ServiceProvider.GetRequiredService<Basket>();
        scope.ServiceProvider.GetRequiredService<Ledger>();

        scope.Dispose();
        scope.Dispose();

        journal.Entries.Should().Equal("Ledger.PreDestroy", "Ledger.Dispose", "Basket.Dispose");
    }

    [Fact]
    public async Task DisposeScopeAsync_CallsDisposeAsync_OfAComponentThatIsBothDisposables()
    {
        var journal = new Journal();
        await using var context = Create(journal, typeof(Ledger));
        context.Refresh();
        var scope = context.CreateScope();
        scope.ServiceProvider.GetRequiredService<Ledger>();

        await ((IAsyncDisposable)scope).DisposeAsync();

        journal.Entries.Should().Equal("Ledger.PreDestroy", "Ledger.DisposeAsync");
    }

    [Fact]
    public void DisposeScope_WaitsForAnAsynchronousPreDestroy_BeforeDisposing()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Basket), typeof(Flusher));
        context.Refresh();
        var scope = context.CreateScope();
        scope.ServiceProvider.GetRequiredService<Basket>();
        scope.ServiceProvider.GetRequiredService<Flusher>();

        scope.Dispose();

        journal.Entries.Should().Equal("Flusher.FlushAsync", "Flusher.Dispose", "Basket.Dispose");
    }

    [Fact]
    public async Task DisposeScopeAsync_DestroysRequestComponents_InReverseCreationOrder()
    {
        var journal = new Journal();
        await using var context = Create(journal, typeof(Basket), typeof(Checkout));
        context.Refresh();
        var scope = context.CreateScope();
        scope.ServiceProvider.GetRequiredService<Checkout>();

        await ((IAsyncDisposable)scope).DisposeAsync();

        journal.Entries.Should().Equal("Checkout.PreDestroy", "Checkout.DisposeAsync", "Basket.Dispose");
    }

    [Fact]
    public void DisposeScope_DestroysOnlyThatScopesInstances()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Basket));
        context.Refresh();
        using var kept = context.CreateScope();
        kept.ServiceProvider.GetRequiredService<Basket>();
        var disposed = context.CreateScope();
        disposed.ServiceProvider.GetRequiredService<Basket>();

        disposed.Dispose();

        journal.Entries.Should().Equal("Basket.Dispose");
    }

    [Fact]
    public void DisposeScope_DisposesPrototypesCreatedInIt()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Receipt));
        context.Refresh();
        var scope = context.CreateScope();
        var first = scope.ServiceProvider.GetRequiredService<Receipt>();
        var second = scope.ServiceProvider.GetRequiredService<Receipt>();
        first.Should().NotBeSameAs(second);

        scope.Dispose();

        journal.Entries.Should().Equal("Receipt.Dispose", "Receipt.Dispose");
    }

    [Fact]
    public void DisposeScope_DisposesPrototypeDependenciesOfRequestComponents_AfterTheirDependents()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Receipt), typeof(Order));
        context.Refresh();
        var scope = context.CreateScope();
        scope.ServiceProvider.GetRequiredService<Order>();

        scope.Dispose();

        journal.Entries.Should().Equal("Order.Dispose", "Receipt.Dispose");
    }

    [Fact]
    public void Get_Throws_WhenRequestComponentIsResolvedFromRootContext()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Basket));
        context.Refresh();

        var byType = Assert.Throws<ContainerException>(() => context.Get<Basket>());
        var byName = Assert.Throws<ContainerException>(() => context.Get("Basket"));

        const string Expected = "'Basket' is Request-scoped, so it exists only inside a request scope and cannot be resolved from the root context. "
            + "Resolve it through context.CreateScope() (scope.ServiceProvider), or make it Singleton or Prototype.";
        byType.Message.Should().Be(Expected);
        byName.Message.Should().Be(Expected);
        journal.Entries.Should().BeEmpty();
    }

    [Fact]
    public void Resolve_Throws_WhenRequestComponentIsResolvedFromDisposedScope()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Basket));
        context.Refresh();
        var scope = context.CreateScope();
        var provider = scope.ServiceProvider;
        scope.Dispose();

        var ex = Assert.Throws<ContainerException>(() => provider.GetService(typeof(Basket)));

        ex.Message.Should().Be("Cannot resolve 'Basket': its request scope has been disposed. Resolve Request components only while their scope is open.");
    }

    [Fact]
    public void Resolve_Throws_WhenRequestComponentCreatedEarlierIsResolvedFromDisposedScope()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Basket));
        context.Refresh();
        var scope = context.CreateScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<Basket>();
        scope.Dispose();

        var ex = Assert.Throws<ContainerException>(() => provider.GetService(typeof(Basket)));

        ex.Message.Should().Be("Cannot resolve 'Basket': its request scope has been disposed. Resolve Request components only while their scope is open.");
    }

    [Fact]
    public void Refresh_Throws_WhenSingletonCapturesRequestComponent()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Basket), typeof(Cart));

        var ex = Assert.Throws<ContainerException>(context.Refresh);

        ex.Message.Should().Be(
            "Singleton 'Cart' depends on Request-scoped 'Basket' (path: Cart -> Basket). A singleton outlives every request, "
            + "so it would keep one request's instance forever. Make 'Cart' Request- or Prototype-scoped, or make 'Basket' a Singleton.");
        ex.Path.Should().Equal("Cart", "Basket");
        context.State.Should().Be(ContextState.Failed);
    }

    [Fact]
    public void Refresh_Throws_WhenSingletonCapturesRequestComponentThroughPrototype()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Basket), typeof(Pricing), typeof(Shop));

        var ex = Assert.Throws<ContainerException>(context.Refresh);

        ex.Message.Should().Be(
            "Singleton 'Shop' depends on Request-scoped 'Basket' (path: Shop -> Pricing -> Basket). A singleton outlives every request, "
            + "so it would keep one request's instance forever. Make 'Shop' Request- or Prototype-scoped, or make 'Basket' a Singleton.");
        ex.Path.Should().Equal("Shop", "Pricing", "Basket");
    }

    [Fact]
    public void Resolve_GivesPrototypeTheScopesRequestInstance_WhenResolvedInScope()
    {
        var journal = new Journal();
        using var context = Create(journal, typeof(Basket), typeof(Pricing));
        context.Refresh();
        using var scope = context.CreateScope();

        var pricing = scope.ServiceProvider.GetRequiredService<Pricing>();

        pricing.Basket.Should().BeSameAs(scope.ServiceProvider.GetRequiredService<Basket>());
    }

    private static ApplicationContext Create(Journal journal, params Type[] types) =>
        Contexts.Create(Contexts.Registry(types).RegisterInstance("Journal", journal));
}
