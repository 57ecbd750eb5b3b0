using Sprig.Tests.Support;

namespace Sprig.Tests.Behaviour;

/// <summary>
/// [InjectByName]: an explicit name, or one inferred from the member (UserRepo, userRepo, _userRepo -> "UserRepo").
/// Each feature is checked on a Singleton (built at refresh, by reflection) and on a Prototype resolved after refresh.
/// </summary>
public sealed class InjectByNameTests
{
    public interface INamedRepo
    {
    }

    [Component("UserRepo")]
    public sealed class NamedUserRepo : INamedRepo
    {
    }

    [Component("AuditRepo")]
    public sealed class NamedAuditRepo : INamedRepo
    {
    }

    [Component]
    public sealed class NamedClock
    {
    }

    [Component]
    public class NamedConsumer
    {
        [InjectByName]
        private readonly INamedRepo _userRepo = null!;

        // The camelCase spelling is the point of this field: its name infers "UserRepo".
#pragma warning disable IDE1006
        [InjectByName]
        private INamedRepo? userRepo;
#pragma warning restore IDE1006

        [InjectByName("AuditRepo")]
        private INamedRepo? _audit;

        public NamedConsumer([InjectByName] INamedRepo userRepo, [InjectByName("AuditRepo")] INamedRepo other)
        {
            FromParameter = userRepo;
            ExplicitParameter = other;
        }

        public INamedRepo FromParameter { get; }

        public INamedRepo ExplicitParameter { get; }

        [InjectByName]
        public INamedRepo? UserRepo { get; private set; }

        [InjectByName("AuditRepo")]
        public INamedRepo? Explicit { get; set; }

        public INamedRepo UnderscoreField => _userRepo;

        public INamedRepo? CamelField => userRepo;

        public INamedRepo? ExplicitField => _audit;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class NamedConsumerPrototype([InjectByName] INamedRepo userRepo, [InjectByName("AuditRepo")] INamedRepo other)
        : NamedConsumer(userRepo, other);

    [Component]
    public class NamedOptional
    {
        public static readonly INamedRepo Fallback = new NamedAuditRepo();

        [InjectByName("NoSuchRepo", Required = false)]
        public INamedRepo Repo { get; set; } = Fallback;
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class NamedOptionalPrototype : NamedOptional
    {
    }

    [Component]
    public sealed class NamedTypo
    {
        [InjectByName("UserRepos")]
        public INamedRepo? Repo { get; set; }
    }

    [Component]
    public sealed class NamedWrongType
    {
        [InjectByName("NamedClock")]
        public INamedRepo? Repo { get; set; }
    }

    [Component]
    public class NamedDeferred
    {
        [InjectByName("AuditRepo")]
        public Lazy<INamedRepo>? LazyRepo { get; set; }

        [InjectByName("AuditRepo")]
        public Func<INamedRepo>? RepoFactory { get; set; }
    }

    [Component(Scope = Scope.Prototype)]
    public sealed class NamedDeferredPrototype : NamedDeferred
    {
    }

    [Theory]
    [InlineData(typeof(NamedConsumer))]
    [InlineData(typeof(NamedConsumerPrototype))]
    public void InjectByName_InfersNameFromMember_OrUsesTheGivenOne(Type type)
    {
        using var ctx = Contexts.Refreshed(typeof(NamedUserRepo), typeof(NamedAuditRepo), type);
        var user = ctx.Get("UserRepo");
        var audit = ctx.Get("AuditRepo");

        var consumer = (NamedConsumer)ctx.Get(type.Name);

        consumer.FromParameter.Should().BeSameAs(user);
        consumer.UserRepo.Should().BeSameAs(user);
        consumer.UnderscoreField.Should().BeSameAs(user);
        consumer.CamelField.Should().BeSameAs(user);
        consumer.ExplicitParameter.Should().BeSameAs(audit);
        consumer.Explicit.Should().BeSameAs(audit);
        consumer.ExplicitField.Should().BeSameAs(audit);
    }

    [Theory]
    [InlineData(typeof(NamedOptional))]
    [InlineData(typeof(NamedOptionalPrototype))]
    public void InjectByName_NotRequired_LeavesMemberAsItWas_WhenNameIsUnknown(Type type)
    {
        using var ctx = Contexts.Refreshed(typeof(NamedUserRepo), type);

        ((NamedOptional)ctx.Get(type.Name)).Repo.Should().BeSameAs(NamedOptional.Fallback);
    }

    [Theory]
    [InlineData(typeof(NamedDeferred))]
    [InlineData(typeof(NamedDeferredPrototype))]
    public void InjectByName_WrapsNamedComponent_InLazyAndFunc(Type type)
    {
        using var ctx = Contexts.Refreshed(typeof(NamedUserRepo), typeof(NamedAuditRepo), type);

        var target = (NamedDeferred)ctx.Get(type.Name);

        target.LazyRepo!.Value.Should().BeSameAs(ctx.Get("AuditRepo"));
        target.RepoFactory!().Should().BeSameAs(ctx.Get("AuditRepo"));
    }

    [Fact]
    public void Refresh_Throws_WhenInjectByNameNamesNoComponent()
    {
        using var ctx = Contexts.Create(typeof(NamedUserRepo), typeof(NamedTypo));

        var act = () => ctx.Refresh();

        var ex = act.Should().Throw<ComponentNotFoundException>().Which;
        ex.Message.Should().Be(
            "'NamedTypo' needs the component named 'UserRepos' for property 'Repo', but no component has that name. Did you mean 'UserRepo'? "
            + "Path: NamedTypo. Fix the name, or register a component named 'UserRepos'.");
        ex.Requested.Should().Be("UserRepos");
        ex.ComponentName.Should().Be("NamedTypo");
    }

    [Fact]
    public void Refresh_Throws_WhenNamedComponentIsOfAnotherType()
    {
        using var ctx = Contexts.Create(typeof(NamedClock), typeof(NamedWrongType));

        var act = () => ctx.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "'NamedWrongType' needs the component named 'NamedClock' for property 'Repo', but it is a 'InjectByNameTests.NamedClock', "
            + "which is not assignable to 'InjectByNameTests.INamedRepo'. Path: NamedWrongType. "
            + "Use the name of a component that is a 'InjectByNameTests.INamedRepo', or change the member's type.");
    }
}
