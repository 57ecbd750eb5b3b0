using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>A cycle of eager links is refused at refresh; one lazy link ([Lazy], Lazy&lt;T&gt;, Func&lt;T&gt;) breaks it.</summary>
public sealed class CircularDependencyTests
{
    private const string Advice = "Mark one link of the cycle [Lazy] (or inject Lazy<T> or Func<T>) so that it is resolved on first use.";

    public sealed class A(B b)
    {
        public B B { get; } = b;
    }

    public sealed class B(A a)
    {
        public A A { get; } = a;
    }

    public sealed class First(Second second)
    {
        public Second Second { get; } = second;
    }

    public sealed class Second(Third third)
    {
        public Third Third { get; } = third;
    }

    public sealed class Third(First first)
    {
        public First First { get; } = first;
    }

    public sealed class Left
    {
        [Inject]
        public Right Right { get; set; } = null!;
    }

    public sealed class Right
    {
        [Inject]
        public Left Left { get; set; } = null!;
    }

    public sealed class Up(Down down)
    {
        public Down Down { get; } = down;
    }

    public sealed class Down
    {
        [Inject]
        private Up _up = null!;

        public Up Up => _up;
    }

    // Lazy targets must be public for Castle DynamicProxy.
    public interface IOrders
    {
        string Describe();

        ICustomers Customers { get; }
    }

    public interface ICustomers
    {
        string Name();

        IOrders Orders { get; }
    }

    public sealed class Orders([Lazy] ICustomers customers) : IOrders
    {
        public ICustomers Customers { get; } = customers;

        public string Describe() => "orders of " + Customers.Name();
    }

    public sealed class Customers(IOrders orders) : ICustomers
    {
        public IOrders Orders { get; } = orders;

        public string Name() => "customers";
    }

    public sealed class Invoices
    {
        [Lazy]
        public IPayments Payments { get; set; } = null!;

        public string Name() => "invoices";
    }

    public interface IPayments
    {
        string Name();
    }

    public sealed class Payments : IPayments
    {
        [Inject]
        public Invoices Invoices { get; set; } = null!;

        public string Name() => "payments";
    }

    public sealed class Hen(Lazy<Egg> egg)
    {
        public Lazy<Egg> Egg { get; } = egg;
    }

    public sealed class Egg(Hen hen)
    {
        public Hen Hen { get; } = hen;
    }

    public sealed class Chicken(Func<Rooster> rooster)
    {
        public Func<Rooster> Rooster { get; } = rooster;
    }

    public sealed class Rooster(Chicken chicken)
    {
        public Chicken Chicken { get; } = chicken;
    }

    public interface IBell
    {
        string Ring();
    }

    public sealed class Tower([Lazy] IBell bell)
    {
        public string Sound { get; } = bell.Ring();
    }

    public sealed class Bell(Tower tower) : IBell
    {
        public Tower Tower { get; } = tower;

        public string Ring() => "ding";
    }

    [Fact]
    public void Refresh_Throws_WhenConstructorCycleHasNoLazyLink()
    {
        using var context = Contexts.Create(typeof(A), typeof(B));

        var ex = Assert.Throws<CircularDependencyException>(context.Refresh);

        ex.Path.Should().Equal("A", "B", "A");
        ex.Message.Should().Be("Circular dependency: A -> B -> A. 'A' cannot be created, because creating it needs 'B', which leads back to 'A'. " + Advice);
        context.State.Should().Be(ContextState.Failed);
    }

    [Fact]
    public void Refresh_Throws_WhenThreeComponentConstructorCycleHasNoLazyLink()
    {
        using var context = Contexts.Create(typeof(First), typeof(Second), typeof(Third));

        var ex = Assert.Throws<CircularDependencyException>(context.Refresh);

        ex.Path.Should().Equal("First", "Second", "Third", "First");
        ex.Message.Should().Be(
            "Circular dependency: First -> Second -> Third -> First. 'First' cannot be created, because creating it needs 'Second', "
            + "which leads back to 'First'. " + Advice);
    }

    [Fact]
    public void Refresh_Throws_WhenPropertyInjectionCycleHasNoLazyLink()
    {
        using var context = Contexts.Create(typeof(Left), typeof(Right));

        var ex = Assert.Throws<CircularDependencyException>(context.Refresh);

        ex.Path.Should().Equal("Left", "Right", "Left");
        ex.Message.Should().Be("Circular dependency: Left -> Right -> Left. 'Left' cannot be created, because creating it needs 'Right', which leads back to 'Left'. " + Advice);
    }

    [Fact]
    public void Refresh_Throws_WhenCycleMixesConstructorAndFieldInjection()
    {
        using var context = Contexts.Create(typeof(Up), typeof(Down));

        var ex = Assert.Throws<CircularDependencyException>(context.Refresh);

        ex.Path.Should().Equal("Up", "Down", "Up");
        ex.Message.Should().Be("Circular dependency: Up -> Down -> Up. 'Up' cannot be created, because creating it needs 'Down', which leads back to 'Up'. " + Advice);
    }

    [Fact]
    public void Refresh_Succeeds_WhenLazyConstructorParameterBreaksCycle()
    {
        using var context = Contexts.Refreshed(typeof(Orders), typeof(Customers));

        var orders = context.Get<IOrders>();
        var customers = context.Get<ICustomers>();

        orders.Describe().Should().Be("orders of customers");
        customers.Orders.Should().BeSameAs(orders);
        orders.Customers.Orders.Should().BeSameAs(orders, "the proxy forwards to the singleton Customers");
    }

    [Fact]
    public void Refresh_Succeeds_WhenLazyPropertyBreaksPropertyCycle()
    {
        using var context = Contexts.Refreshed(typeof(Invoices), typeof(Payments));

        var invoices = context.Get<Invoices>();
        var payments = context.Get<Payments>();

        invoices.Payments.Name().Should().Be("payments");
        payments.Invoices.Should().BeSameAs(invoices);
    }

    [Fact]
    public void Refresh_Succeeds_WhenLazyOfTBreaksCycle()
    {
        using var context = Contexts.Refreshed(typeof(Hen), typeof(Egg));

        var hen = context.Get<Hen>();
        var egg = context.Get<Egg>();

        hen.Egg.Value.Should().BeSameAs(egg);
        egg.Hen.Should().BeSameAs(hen);
    }

    [Fact]
    public void Refresh_Succeeds_WhenFuncOfTBreaksCycle()
    {
        using var context = Contexts.Refreshed(typeof(Chicken), typeof(Rooster));

        var chicken = context.Get<Chicken>();
        var rooster = context.Get<Rooster>();

        chicken.Rooster().Should().BeSameAs(rooster);
        rooster.Chicken.Should().BeSameAs(chicken);
    }

    [Fact]
    public void Refresh_Throws_WhenLazyLinkIsUsedInsideConstructorOfCycle()
    {
        using var context = Contexts.Create(typeof(Tower), typeof(Bell));

        var ex = Assert.Throws<CircularDependencyException>(context.Refresh);

        ex.Message.Should().Be(
            "'Tower' was needed while it was still being created (Tower -> Bell -> Tower): a [Lazy] link (or Lazy<T> / Func<T>) was used "
            + "inside a constructor or [PostConstruct] method, and what it reached needs 'Tower' again. "
            + "Use the lazy link only after creation, e.g. in an [OnStart] method or a later call.");
        ex.Path.Should().Equal("Tower", "Bell", "Tower");
        context.State.Should().Be(ContextState.Failed);
    }
}
