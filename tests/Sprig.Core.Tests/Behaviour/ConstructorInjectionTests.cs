using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>
/// Which constructor the container calls and what it passes. Each feature is checked on a Singleton (built at refresh, by
/// reflection) and on a Prototype resolved after refresh (through its compiled factory).
/// </summary>
public sealed class ConstructorInjectionTests
{
    public interface ICtorMissing
    {
    }

    [Component]
    public sealed class CtorEngine
    {
    }

    [Component]
    public sealed class CtorWheels
    {
    }

    [Component]
    public class CtorSingleCar(CtorEngine engine, CtorWheels wheels)
    {
        public CtorEngine Engine { get; } = engine;

        public CtorWheels Wheels { get; } = wheels;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class CtorSingleCarPrototype(CtorEngine engine, CtorWheels wheels) : CtorSingleCar(engine, wheels);

    [Component]
    public class CtorMarkedCar
    {
        public CtorMarkedCar() => Used = "()";

        [Inject]
        public CtorMarkedCar(CtorEngine engine)
        {
            Engine = engine;
            Used = "(engine)";
        }

        public CtorMarkedCar(CtorEngine engine, CtorWheels wheels)
            : this(engine) => Used = "(engine, wheels)";

        public CtorEngine? Engine { get; }

        public string Used { get; }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class CtorMarkedCarPrototype : CtorMarkedCar
    {
        public CtorMarkedCarPrototype()
        {
        }

        [Inject]
        public CtorMarkedCarPrototype(CtorEngine engine)
            : base(engine)
        {
        }

        public CtorMarkedCarPrototype(CtorEngine engine, CtorWheels wheels)
            : base(engine, wheels)
        {
        }
    }

    [Component]
    public class CtorHiddenCar
    {
        [Inject]
        private CtorHiddenCar(CtorEngine engine) => Engine = engine;

        protected CtorHiddenCar(CtorEngine engine, int marker) => Engine = engine;

        public CtorEngine Engine { get; }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class CtorHiddenCarPrototype : CtorHiddenCar
    {
        [Inject]
        private CtorHiddenCarPrototype(CtorEngine engine)
            : base(engine, 0)
        {
        }
    }

    [Component]
    public class CtorDefaultCar
    {
        public CtorDefaultCar(CtorEngine engine) => Used = "(engine)";

        public CtorDefaultCar() => Used = "()";

        public string Used { get; }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class CtorDefaultCarPrototype : CtorDefaultCar
    {
        public CtorDefaultCarPrototype(CtorEngine engine)
            : base(engine)
        {
        }

        public CtorDefaultCarPrototype()
        {
        }
    }

    [Component]
    public class CtorOptionalCar(CtorEngine engine, ICtorMissing? missing = null, int doors = 3, string colour = "red")
    {
        public CtorEngine Engine { get; } = engine;

        public ICtorMissing? Missing { get; } = missing;

        public int Doors { get; } = doors;

        public string Colour { get; } = colour;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class CtorOptionalCarPrototype(CtorEngine engine, ICtorMissing? missing = null, int doors = 3, string colour = "red")
        : CtorOptionalCar(engine, missing, doors, colour);

    [Component]
    public sealed class CtorUndecidedCar
    {
        public CtorUndecidedCar(CtorEngine engine)
        {
        }

        public CtorUndecidedCar(CtorEngine engine, CtorWheels wheels)
        {
        }
    }

    [Component]
    public sealed class CtorOvermarkedCar
    {
        [Inject]
        public CtorOvermarkedCar(CtorEngine engine)
        {
        }

        [Inject]
        public CtorOvermarkedCar(CtorWheels wheels)
        {
        }
    }

    [Component]
    public sealed class CtorClosedCar
    {
        private CtorClosedCar()
        {
        }
    }

    [Theory]
    [InlineData(typeof(CtorSingleCar))]
    [InlineData(typeof(CtorSingleCarPrototype))]
    public void Constructor_ReceivesDependenciesByType_WhenItIsTheOnlyPublicOne(Type type)
    {
        using var ctx = Contexts.Refreshed(typeof(CtorEngine), typeof(CtorWheels), type);

        var car = (CtorSingleCar)ctx.Get(type.Name);

        car.Engine.Should().BeSameAs(ctx.Get<CtorEngine>());
        car.Wheels.Should().BeSameAs(ctx.Get<CtorWheels>());
    }

    [Theory]
    [InlineData(typeof(CtorMarkedCar))]
    [InlineData(typeof(CtorMarkedCarPrototype))]
    public void Constructor_MarkedInject_IsChosen_AmongSeveral(Type type)
    {
        using var ctx = Contexts.Refreshed(typeof(CtorEngine), typeof(CtorWheels), type);

        var car = (CtorMarkedCar)ctx.Get(type.Name);

        car.Used.Should().Be("(engine)");
        car.Engine.Should().BeSameAs(ctx.Get<CtorEngine>());
    }

    [Theory]
    [InlineData(typeof(CtorHiddenCar))]
    [InlineData(typeof(CtorHiddenCarPrototype))]
    public void Constructor_MarkedInject_IsChosen_EvenWhenNotPublic(Type type)
    {
        using var ctx = Contexts.Refreshed(typeof(CtorEngine), type);

        var car = (CtorHiddenCar)ctx.Get(type.Name);

        car.Engine.Should().BeSameAs(ctx.Get<CtorEngine>());
    }

    [Theory]
    [InlineData(typeof(CtorDefaultCar))]
    [InlineData(typeof(CtorDefaultCarPrototype))]
    public void Constructor_Parameterless_IsChosen_WhenSeveralAndNoneMarked(Type type)
    {
        using var ctx = Contexts.Refreshed(typeof(CtorEngine), type);

        ((CtorDefaultCar)ctx.Get(type.Name)).Used.Should().Be("()");
    }

    [Theory]
    [InlineData(typeof(CtorOptionalCar))]
    [InlineData(typeof(CtorOptionalCarPrototype))]
    public void Constructor_OptionalParameters_FallBackToTheirDefaults(Type type)
    {
        using var ctx = Contexts.Refreshed(typeof(CtorEngine), type);

        var car = (CtorOptionalCar)ctx.Get(type.Name);

        car.Engine.Should().BeSameAs(ctx.Get<CtorEngine>());
        car.Missing.Should().BeNull();
        car.Doors.Should().Be(3);
        car.Colour.Should().Be("red");
    }

    [Fact]
    public void Refresh_Throws_WhenSeveralConstructorsHaveParametersAndNoneIsMarked()
    {
        using var ctx = Contexts.Create(typeof(CtorEngine), typeof(CtorWheels), typeof(CtorUndecidedCar));

        var act = () => ctx.Refresh();

        var ex = act.Should().Throw<ComponentCreationException>().Which;
        ex.Message.Should().Be(
            "'CtorUndecidedCar' cannot be created: ConstructorInjectionTests.CtorUndecidedCar has several public constructors and none is marked [Inject]: "
            + "ConstructorInjectionTests.CtorUndecidedCar(ConstructorInjectionTests.CtorEngine engine); "
            + "ConstructorInjectionTests.CtorUndecidedCar(ConstructorInjectionTests.CtorEngine engine, ConstructorInjectionTests.CtorWheels wheels). "
            + "Mark the one to use with [Inject].");
        ex.ComponentName.Should().Be("CtorUndecidedCar");
        ctx.State.Should().Be(ContextState.Failed);
    }

    [Fact]
    public void Refresh_Throws_WhenSeveralConstructorsAreMarkedInject()
    {
        using var ctx = Contexts.Create(typeof(CtorEngine), typeof(CtorWheels), typeof(CtorOvermarkedCar));

        var act = () => ctx.Refresh();

        act.Should().Throw<ComponentCreationException>().Which.Message.Should().Be(
            "'CtorOvermarkedCar' cannot be created: ConstructorInjectionTests.CtorOvermarkedCar has several constructors marked [Inject]: "
            + "ConstructorInjectionTests.CtorOvermarkedCar(ConstructorInjectionTests.CtorEngine engine); "
            + "ConstructorInjectionTests.CtorOvermarkedCar(ConstructorInjectionTests.CtorWheels wheels). Keep [Inject] on one of them.");
    }

    [Fact]
    public void Refresh_Throws_WhenClassHasNoPublicConstructor()
    {
        using var ctx = Contexts.Create(typeof(CtorClosedCar));

        var act = () => ctx.Refresh();

        act.Should().Throw<ComponentCreationException>().Which.Message.Should().Be(
            "'CtorClosedCar' cannot be created: ConstructorInjectionTests.CtorClosedCar has no public constructor. "
            + "Add a public constructor, or mark the one to use with [Inject].");
    }
}
