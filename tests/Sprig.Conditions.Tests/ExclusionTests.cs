using Sprig.Testing;

namespace Sprig.Conditions.Tests;

/// <summary>A component a condition left out is absent everywhere, and every error about it says which condition excluded it.</summary>
public sealed class ExclusionTests
{
    private const string EmailOutReason = "ConditionalOnProperty('feature.email', HavingValue='true') did not find the property";

    private static readonly ContextRunner Runner = new ContextRunner().WithComponents(typeof(EmailService));

    public interface INotifier;

    [Service, ConditionalOnProperty("feature.email", HavingValue = "true")]
    public sealed class EmailService : INotifier;

    [Service]
    public sealed class SmsService : INotifier;

    [Service]
    public sealed class OptionalMember
    {
        [Inject(Required = false)]
        public EmailService? Email { get; set; }

        [InjectByName("EmailService", Required = false)]
        public EmailService? ByName { get; set; }
    }

    [Service]
    public sealed class OptionalParameter(EmailService? email = null)
    {
        public EmailService? Email { get; } = email;
    }

    [Service]
    public sealed class Newsletter(EmailService email)
    {
        public EmailService Email { get; } = email;
    }

    [Service]
    public sealed class NewsletterByName
    {
        [InjectByName("EmailService")]
        public object? Email { get; set; }
    }

    [Service]
    public sealed class Broadcaster(IEnumerable<INotifier> notifiers)
    {
        public IReadOnlyList<INotifier> Notifiers { get; } = [.. notifiers];
    }

    [Fact]
    public void Contains_ReturnsFalse_ForExcludedComponent() =>
        Runner.Run(context => context.Contains("EmailService").Should().BeFalse());

    [Fact]
    public void GetByName_Throws_ForExcludedComponent() =>
        Runner.Run(context =>
        {
            var ex = Assert.Throws<ComponentNotFoundException>(() => context.Get("EmailService"));

            ex.Message.Should().Be(
                $"Component 'EmailService' is not available: a condition excluded it ({EmailOutReason}). Change the configuration or the condition to include it.");
        });

    [Fact]
    public void GetGenericByName_Throws_ForExcludedComponent() =>
        Runner.Run(context =>
        {
            var ex = Assert.Throws<ComponentNotFoundException>(() => context.Get<EmailService>("EmailService"));

            ex.Message.Should().Be(
                $"Component 'EmailService' is not available: a condition excluded it ({EmailOutReason}). Change the configuration or the condition to include it.");
        });

    [Fact]
    public void GetByType_Throws_ForExcludedComponent() =>
        Runner.Run(context =>
        {
            var ex = Assert.Throws<ComponentNotFoundException>(context.Get<EmailService>);

            ex.Message.Should().Be(
                $"No component of type 'ExclusionTests.EmailService' is registered (excluded by a condition: 'EmailService': {EmailOutReason}). "
                + "Register a class that is or implements it (mark it [Component] or [Service]), or use TryGet<ExclusionTests.EmailService> when it is optional.");
        });

    [Fact]
    public void GetByInterface_Throws_NamingTheExcludedImplementation() =>
        Runner.Run(context =>
        {
            var ex = Assert.Throws<ComponentNotFoundException>(context.Get<INotifier>);

            ex.Message.Should().Be(
                $"No component of type 'ExclusionTests.INotifier' is registered (excluded by a condition: 'EmailService': {EmailOutReason}). "
                + "Register a class that is or implements it (mark it [Component] or [Service]), or use TryGet<ExclusionTests.INotifier> when it is optional.");
        });

    [Fact]
    public void TryGet_ReturnsFalse_ForExcludedComponent() =>
        Runner.Run(context => context.TryGet<EmailService>(out _).Should().BeFalse());

    [Fact]
    public void GetService_ReturnsNull_ForExcludedComponent() =>
        Runner.Run(context => context.GetService(typeof(EmailService)).Should().BeNull());

    [Fact]
    public void OptionalMemberInjection_GetsNull_WhenTargetIsExcluded() =>
        Runner.WithComponents(typeof(OptionalMember)).Run(context =>
        {
            var component = context.Get<OptionalMember>();
            component.Email.Should().BeNull();
            component.ByName.Should().BeNull();
        });

    [Fact]
    public void OptionalMemberInjection_GetsComponent_WhenTargetIsIncluded() =>
        Runner.WithComponents(typeof(OptionalMember)).WithProperty("feature.email", "true").Run(context =>
        {
            var component = context.Get<OptionalMember>();
            component.Email.Should().BeSameAs(context.Get<EmailService>());
            component.ByName.Should().BeSameAs(context.Get<EmailService>());
        });

    [Fact]
    public void OptionalConstructorParameter_GetsDefault_WhenTargetIsExcluded() =>
        Runner.WithComponents(typeof(OptionalParameter))
            .Run(context => context.Get<OptionalParameter>().Email.Should().BeNull());

    [Fact]
    public void RequiredConstructorInjection_FailsRefresh_NamingTheExclusion()
    {
        var ex = Runner.WithComponents(typeof(Newsletter)).RunFailing();

        ex.Should().BeOfType<ComponentNotFoundException>();
        ex.Message.Should().Be(
            "'Newsletter' needs a component of type 'ExclusionTests.EmailService' for constructor parameter 'email', but none is registered "
            + $"(excluded by a condition: 'EmailService': {EmailOutReason}). Path: Newsletter. "
            + "Register a class that is or implements ExclusionTests.EmailService (mark it [Component] or [Service]), or make it optional by giving the parameter a default value.");
    }

    [Fact]
    public void RequiredInjectionByName_FailsRefresh_NamingTheExclusion()
    {
        var ex = Runner.WithComponents(typeof(NewsletterByName)).RunFailing();

        ex.Should().BeOfType<ComponentNotFoundException>();
        ex.Message.Should().Be(
            "'NewsletterByName' needs the component named 'EmailService' for property 'Email', but no component has that name "
            + $"(excluded by a condition: {EmailOutReason}). Path: NewsletterByName. "
            + "Change the configuration or the condition so that 'EmailService' is included, or make it optional with [Inject(Required = false)].");
    }

    [Fact]
    public void GetAll_SkipsExcludedComponent() =>
        Runner.WithComponents(typeof(SmsService), typeof(Broadcaster)).Run(context =>
        {
            context.GetAll<INotifier>().Should().ContainSingle().Which.Should().BeOfType<SmsService>();
            context.Get<Broadcaster>().Notifiers.Should().ContainSingle().Which.Should().BeOfType<SmsService>();
        });

    [Fact]
    public void GetAll_IncludesComponent_WhenConditionMatches() =>
        Runner.WithComponents(typeof(SmsService)).WithProperty("feature.email", "true")
            .Run(context => context.GetAll<INotifier>().Select(n => n.GetType()).Should().Equal(typeof(EmailService), typeof(SmsService)));
}
