using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>
/// [Inject] on properties and fields of any accessibility, in the class or its base classes, and [Inject(Required = false)].
/// Each feature is checked on a Singleton (built at refresh, by reflection) and on a Prototype resolved after refresh
/// (through its compiled factory).
/// </summary>
public sealed class MemberInjectionTests
{
    public interface IMemMissing
    {
    }

    [Component]
    public sealed class MemClock
    {
    }

    public sealed class MemFallbackMissing : IMemMissing
    {
    }

    [Component]
    public class MemTarget
    {
        [Inject]
        private readonly MemClock _readonlyField = null!;

        [Inject]
        private MemClock? _privateField;

        [Inject]
        public MemClock? PublicField;

        [Inject]
        public MemClock? PublicSetter { get; set; }

        [Inject]
        public MemClock? PrivateSetter { get; private set; }

        [Inject]
        public MemClock? InitSetter { get; init; }

        [Inject]
        internal MemClock? InternalProperty { get; set; }

        public MemClock? ProtectedSetterValue => ProtectedSetter;

        public MemClock ReadonlyField => _readonlyField;

        public MemClock? PrivateField => _privateField;

        public MemClock? PrivateProperty => Hidden;

        [Inject]
        protected MemClock? ProtectedSetter { get; set; }

        [Inject]
        private MemClock? Hidden { get; set; }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class MemTargetPrototype : MemTarget
    {
    }

    /// <summary>Not a component: only declares members that the components below inherit.</summary>
    public abstract class MemBase
    {
        [Inject]
        private readonly MemClock _baseField = null!;

        public MemClock BaseField => _baseField;

        [Inject]
        public MemClock? BaseProperty { get; private set; }
    }

    [Component]
    public sealed class MemDerived : MemBase
    {
        [Inject]
        private readonly MemClock _ownField = null!;

        public MemClock OwnField => _ownField;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class MemDerivedPrototype : MemBase
    {
        [Inject]
        private readonly MemClock _ownField = null!;

        public MemClock OwnField => _ownField;
    }

    [Component]
    public class MemOptional
    {
        public static readonly IMemMissing Fallback = new MemFallbackMissing();

        [Inject(Required = false)]
        private readonly IMemMissing _missingField = Fallback;

        [Inject(Required = false)]
        public IMemMissing MissingProperty { get; set; } = Fallback;

        [Inject(Required = false)]
        public IMemMissing? MissingNull { get; set; }

        [Inject(Required = false)]
        public MemClock? PresentClock { get; set; }

        public IMemMissing MissingField => _missingField;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class MemOptionalPrototype : MemOptional
    {
    }

    [Component]
    public sealed class MemNeedy
    {
        [Inject]
        public IMemMissing? Missing { get; set; }
    }

    [Component]
    public sealed class MemGetterOnly
    {
        [Inject]
        public MemClock? Clock { get; }
    }

    [Theory]
    [InlineData(typeof(MemTarget))]
    [InlineData(typeof(MemTargetPrototype))]
    public void InjectMembers_AreSet_WhateverTheirAccessibility(Type type)
    {
        using var ctx = Contexts.Refreshed(typeof(MemClock), type);
        var clock = ctx.Get<MemClock>();

        var target = (MemTarget)ctx.Get(type.Name);

        target.ReadonlyField.Should().BeSameAs(clock);
        target.PrivateField.Should().BeSameAs(clock);
        target.PublicField.Should().BeSameAs(clock);
        target.PublicSetter.Should().BeSameAs(clock);
        target.PrivateSetter.Should().BeSameAs(clock);
        target.InitSetter.Should().BeSameAs(clock);
        target.InternalProperty.Should().BeSameAs(clock);
        target.ProtectedSetterValue.Should().BeSameAs(clock);
        target.PrivateProperty.Should().BeSameAs(clock);
    }

    [Theory]
    [InlineData(typeof(MemDerived))]
    [InlineData(typeof(MemDerivedPrototype))]
    public void InjectMembers_AreSet_WhenDeclaredInBaseClass(Type type)
    {
        using var ctx = Contexts.Refreshed(typeof(MemClock), type);
        var clock = ctx.Get<MemClock>();

        var target = (MemBase)ctx.Get(type.Name);

        target.BaseField.Should().BeSameAs(clock);
        target.BaseProperty.Should().BeSameAs(clock);
        (target is MemDerived d ? d.OwnField : ((MemDerivedPrototype)target).OwnField).Should().BeSameAs(clock);
    }

    [Theory]
    [InlineData(typeof(MemOptional))]
    [InlineData(typeof(MemOptionalPrototype))]
    public void OptionalInject_LeavesMemberAsItWas_WhenNothingMatches(Type type)
    {
        using var ctx = Contexts.Refreshed(typeof(MemClock), type);

        var target = (MemOptional)ctx.Get(type.Name);

        target.MissingField.Should().BeSameAs(MemOptional.Fallback);
        target.MissingProperty.Should().BeSameAs(MemOptional.Fallback);
        target.MissingNull.Should().BeNull();
        target.PresentClock.Should().BeSameAs(ctx.Get<MemClock>());
    }

    [Fact]
    public void Refresh_Throws_WhenRequiredMemberHasNoMatch()
    {
        using var ctx = Contexts.Create(typeof(MemNeedy));

        var act = () => ctx.Refresh();

        act.Should().Throw<ComponentNotFoundException>().Which.Message.Should().Be(
            "'MemNeedy' needs a component of type 'MemberInjectionTests.IMemMissing' for property 'Missing', but none is registered. Path: MemNeedy. "
            + "Register a class that is or implements MemberInjectionTests.IMemMissing (mark it [Component] or [Service]), or make it optional with [Inject(Required = false)].");
    }

    [Fact]
    public void Refresh_Throws_WhenInjectPropertyHasNoSetter()
    {
        using var ctx = Contexts.Create(typeof(MemClock), typeof(MemGetterOnly));

        var act = () => ctx.Refresh();

        act.Should().Throw<ComponentCreationException>().Which.Message.Should().Be(
            "'MemGetterOnly' cannot inject property 'Clock': it has no setter. Add a setter (any accessibility will do), or inject through the constructor.");
    }
}
