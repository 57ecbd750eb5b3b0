using Sprig.Testing;

namespace Sprig.Conditions.Tests;

/// <summary>
/// [ConditionalOnBean] / [ConditionalOnMissingBean] by name and by type. Every scenario runs in every registration order:
/// the outcome must not depend on it.
/// </summary>
public sealed class BeanConditionTests
{
    public interface IMailer;

    [Service, ConditionalOnMissingBean(typeof(IMailer))]
    public sealed class DefaultMailer : IMailer;

    [Service]
    public sealed class CustomMailer : IMailer;

    [Service, ConditionalOnProperty("mail.custom")]
    public sealed class SwitchableMailer : IMailer;

    [Service, ConditionalOnMissingBean("CustomStore")]
    public sealed class DefaultStore;

    [Service]
    public sealed class CustomStore;

    public interface IDb;

    [Service]
    public sealed class PostgresDb : IDb;

    [Service, ConditionalOnBean(typeof(IDb))]
    public sealed class DbHealth;

    [Service, ConditionalOnBean("PostgresDb")]
    public sealed class DbMetrics;

    // A -> B -> C, with C switched by a property.
    [Service, ConditionalOnBean("ChainB")]
    public sealed class ChainA;

    [Service, ConditionalOnBean("ChainB2")]
    public sealed class ChainB;

    [Service, ConditionalOnProperty("chain.enabled")]
    public sealed class ChainC;

    [Service("ChainB2"), ConditionalOnBean("ChainC")]
    public sealed class ChainMiddle;

    // MA if MB missing, MB if MC missing, MC always: MC in, MB out, MA in.
    [Service, ConditionalOnMissingBean("MissingB")]
    public sealed class MissingA;

    [Service, ConditionalOnMissingBean("MissingC")]
    public sealed class MissingB;

    [Service]
    public sealed class MissingC;

    [Service, ConditionalOnMissingBean("Right")]
    public sealed class Left;

    [Service, ConditionalOnMissingBean("Left")]
    public sealed class Right;

    [Service, ConditionalOnBean("Pong")]
    public sealed class Ping;

    [Service, ConditionalOnBean("Ping")]
    public sealed class Pong;

    [Service, ConditionalOnMissingBean("Ping")]
    public sealed class PingFallback;

    public static TheoryData<Type[]> BothMailerOrders => new()
    {
        new[] { typeof(DefaultMailer), typeof(CustomMailer) },
        new[] { typeof(CustomMailer), typeof(DefaultMailer) },
    };

    [Theory]
    [MemberData(nameof(BothMailerOrders))]
    public void OnMissingBeanByType_Excludes_WhenAnotherComponentImplementsTheType(Type[] order) =>
        new ContextRunner().WithComponents(order).Run(context =>
        {
            context.Contains("DefaultMailer").Should().BeFalse();
            context.Get<IMailer>().Should().BeOfType<CustomMailer>();
            context.ConditionReport.Explain("DefaultMailer").Should().Be(
                "DefaultMailer: out — ConditionalOnMissingBean(IMailer) found 'CustomMailer' of type IMailer");
        });

    [Fact]
    public void OnMissingBeanByType_Includes_WhenOnlyItselfImplementsTheType() =>
        new ContextRunner().WithComponents(typeof(DefaultMailer)).Run(context =>
        {
            context.Get<IMailer>().Should().BeOfType<DefaultMailer>();
            context.ConditionReport.Explain("DefaultMailer").Should().Be(
                "DefaultMailer: in — ConditionalOnMissingBean(IMailer) did not find a component of type IMailer");
        });

    [Theory]
    [InlineData(true, "true")]
    [InlineData(true, "false")]
    [InlineData(false, "true")]
    [InlineData(false, "false")]
    public void OnMissingBeanByType_IgnoresComponentsExcludedByTheirOwnCondition(bool defaultFirst, string custom)
    {
        Type[] order = defaultFirst ? [typeof(DefaultMailer), typeof(SwitchableMailer)] : [typeof(SwitchableMailer), typeof(DefaultMailer)];
        new ContextRunner().WithComponents(order).WithProperty("mail.custom", custom).Run(context =>
            context.Get<IMailer>().Should().BeOfType(custom == "true" ? typeof(SwitchableMailer) : typeof(DefaultMailer)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OnMissingBeanByName_Excludes_WhenNamedComponentIsRegistered(bool defaultFirst)
    {
        Type[] order = defaultFirst ? [typeof(DefaultStore), typeof(CustomStore)] : [typeof(CustomStore), typeof(DefaultStore)];
        new ContextRunner().WithComponents(order).Run(context =>
        {
            context.Contains("DefaultStore").Should().BeFalse();
            context.Contains("CustomStore").Should().BeTrue();
            context.ConditionReport.Explain("DefaultStore").Should().Be(
                "DefaultStore: out — ConditionalOnMissingBean('CustomStore') found component 'CustomStore'");
        });
    }

    [Fact]
    public void OnMissingBeanByName_Includes_WhenNamedComponentIsAbsent() =>
        new ContextRunner().WithComponents(typeof(DefaultStore)).Run(context =>
        {
            context.Contains("DefaultStore").Should().BeTrue();
            context.ConditionReport.Explain("DefaultStore").Should().Be(
                "DefaultStore: in — ConditionalOnMissingBean('CustomStore') did not find a component named 'CustomStore'");
        });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OnBeanByType_Includes_WhenAComponentImplementsTheInterface(bool dbFirst)
    {
        Type[] order = dbFirst ? [typeof(PostgresDb), typeof(DbHealth)] : [typeof(DbHealth), typeof(PostgresDb)];
        new ContextRunner().WithComponents(order).Run(context =>
        {
            context.Contains("DbHealth").Should().BeTrue();
            context.ConditionReport.Explain("DbHealth").Should().Be(
                "DbHealth: in — ConditionalOnBean(IDb) found 'PostgresDb' of type IDb");
        });
    }

    [Fact]
    public void OnBeanByType_Excludes_WhenNoComponentImplementsTheInterface() =>
        new ContextRunner().WithComponents(typeof(DbHealth)).Run(context =>
        {
            context.Contains("DbHealth").Should().BeFalse();
            context.ConditionReport.Explain("DbHealth").Should().Be(
                "DbHealth: out — ConditionalOnBean(IDb) did not find a component of type IDb");
        });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OnBeanByName_Includes_WhenNamedComponentIsRegistered(bool dbFirst)
    {
        Type[] order = dbFirst ? [typeof(PostgresDb), typeof(DbMetrics)] : [typeof(DbMetrics), typeof(PostgresDb)];
        new ContextRunner().WithComponents(order).Run(context => context.Contains("DbMetrics").Should().BeTrue());
    }

    [Fact]
    public void OnBeanByName_Excludes_WhenNamedComponentIsAbsent() =>
        new ContextRunner().WithComponents(typeof(DbMetrics)).Run(context =>
            context.ConditionReport.Explain("DbMetrics").Should().Be(
                "DbMetrics: out — ConditionalOnBean('PostgresDb') did not find a component named 'PostgresDb'"));

    public static TheoryData<Type[], string> ChainOrders()
    {
        var data = new TheoryData<Type[], string>();
        foreach (var order in Permutations([typeof(ChainA), typeof(ChainB), typeof(ChainMiddle), typeof(ChainC)]))
        {
            data.Add(order, "true");
            data.Add(order, "false");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ChainOrders))]
    public void OnBeanChain_FollowsTheLastLink_InEveryRegistrationOrder(Type[] order, string enabled) =>
        new ContextRunner().WithComponents(order).WithProperty("chain.enabled", enabled).Run(context =>
        {
            var expected = enabled == "true";
            context.Contains("ChainC").Should().Be(expected);
            context.Contains("ChainB2").Should().Be(expected);
            context.Contains("ChainB").Should().Be(expected);
            context.Contains("ChainA").Should().Be(expected);
        });

    public static TheoryData<Type[]> MissingChainOrders()
    {
        var data = new TheoryData<Type[]>();
        foreach (var order in Permutations([typeof(MissingA), typeof(MissingB), typeof(MissingC)]))
        {
            data.Add(order);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MissingChainOrders))]
    public void OnMissingBeanChain_AlternatesInAndOut_InEveryRegistrationOrder(Type[] order) =>
        new ContextRunner().WithComponents(order).Run(context =>
        {
            context.Contains("MissingC").Should().BeTrue();
            context.Contains("MissingB").Should().BeFalse();
            context.Contains("MissingA").Should().BeTrue();
        });

    [Fact]
    public void Refresh_Throws_WhenTwoOnMissingBeanConditionsContradict()
    {
        var ex = new ContextRunner().WithComponents(typeof(Left), typeof(Right)).RunFailing();

        ex.Should().BeOfType<ContainerException>();
        ex.Message.Should().Be(
            "The conditions of 'Left', 'Right' contradict each other: whether each is in depends on which is evaluated first "
            + "(Left: ConditionalOnMissingBean('Right'); Right: ConditionalOnMissingBean('Left')). "
            + "Change the conditions so that the outcome is the same in any order, e.g. drop the condition of the one that should be the default.");
    }

    [Fact]
    public void Refresh_Throws_WhenTwoOnMissingBeanConditionsContradict_InReverseOrder()
    {
        var ex = new ContextRunner().WithComponents(typeof(Right), typeof(Left)).RunFailing();

        ex.Should().BeOfType<ContainerException>();
        ex.Message.Should().Be(
            "The conditions of 'Right', 'Left' contradict each other: whether each is in depends on which is evaluated first "
            + "(Right: ConditionalOnMissingBean('Left'); Left: ConditionalOnMissingBean('Right')). "
            + "Change the conditions so that the outcome is the same in any order, e.g. drop the condition of the one that should be the default.");
    }

    [Fact]
    public void Refresh_LeavesContextFailed_WhenConditionsContradict()
    {
        using var context = new ContextRunner().WithComponents(typeof(Left), typeof(Right)).CreateContext();

        var act = context.Refresh;

        act.Should().Throw<ContainerException>();
        context.State.Should().Be(ContextState.Failed);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MutualOnBean_ExcludesBoth(bool pingFirst)
    {
        Type[] order = pingFirst ? [typeof(Ping), typeof(Pong)] : [typeof(Pong), typeof(Ping)];
        new ContextRunner().WithComponents(order).Run(context =>
        {
            context.Contains("Ping").Should().BeFalse();
            context.Contains("Pong").Should().BeFalse();
            context.ConditionReport.Explain("Ping").Should().Be("Ping: out — ConditionalOnBean('Pong') did not find a component named 'Pong'");
            context.ConditionReport.Explain("Pong").Should().Be("Pong: out — ConditionalOnBean('Ping') did not find a component named 'Ping'");
        });
    }

    // Ping and Pong are out in every order (each waits for the other), so PingFallback, which only asks whether Ping is
    // missing, is in in every order: there is nothing order-dependent to report.
    [Theory]
    [MemberData(nameof(MutualWithFallbackOrders))]
    public void OnMissingBean_Includes_WhenItsTargetIsOutBecauseOfAMutualOnBean(Type[] order) =>
        new ContextRunner().WithComponents(order).Run(context =>
        {
            context.Contains("Ping").Should().BeFalse();
            context.Contains("Pong").Should().BeFalse();
            context.Contains("PingFallback").Should().BeTrue();
        });

    public static TheoryData<Type[]> MutualWithFallbackOrders()
    {
        var data = new TheoryData<Type[]>();
        foreach (var order in Permutations([typeof(Ping), typeof(Pong), typeof(PingFallback)]))
        {
            data.Add(order);
        }

        return data;
    }

    private static IEnumerable<Type[]> Permutations(Type[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            Type[] rest = [.. items[..i], .. items[(i + 1)..]];
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
