using Sprig.Testing;

namespace Sprig.Conditions.Tests;

/// <summary>ContextRunner: immutable builder, isolated and parallel runs, RunAsync, RunFailing.</summary>
public sealed class ContextRunnerTests
{
    [Service]
    public sealed class Greeter
    {
        [Value("greeting.text")]
        public string Text { get; set; } = "hello";
    }

    [Service]
    public sealed class Other;

    [Service]
    public sealed class NeedsMissing(Other other)
    {
        public Other Other { get; } = other;
    }

    [Service, Profile("dev")]
    public sealed class DevOnly;

    [Fact]
    public void With_ReturnsNewRunner_LeavingBaseUnchanged()
    {
        var root = new ContextRunner().WithComponents(typeof(Greeter)).WithProperty("greeting.text", "base");
        var withOther = root.WithComponents(typeof(Other)).WithProperty("greeting.text", "derived");
        var withProfile = root.WithProfiles("dev").WithComponents(typeof(DevOnly));

        withOther.Should().NotBeSameAs(root);
        root.Run(context =>
        {
            context.Get<Greeter>().Text.Should().Be("base");
            context.Contains("Other").Should().BeFalse();
            context.Contains("DevOnly").Should().BeFalse();
            context.ActiveProfiles.Should().BeEmpty();
        });
        withOther.Run(context =>
        {
            context.Get<Greeter>().Text.Should().Be("derived");
            context.Contains("Other").Should().BeTrue();
            context.Contains("DevOnly").Should().BeFalse();
        });
        withProfile.Run(context =>
        {
            context.Get<Greeter>().Text.Should().Be("base");
            context.Contains("Other").Should().BeFalse();
            context.Contains("DevOnly").Should().BeTrue();
        });
    }

    [Fact]
    public void WithProperty_RemovesProperty_WhenValueIsNull() =>
        new ContextRunner().WithComponents(typeof(Greeter)).WithProperty("greeting.text", "set").WithProperty("greeting:text", null)
            .Run(context =>
            {
                context.GetProperty("greeting.text").Should().BeNull();
                context.Get<Greeter>().Text.Should().Be("hello");
            });

    [Fact]
    public void WithProperty_TreatsDottedAndColonKeysAsOne() =>
        new ContextRunner().WithComponents(typeof(Greeter)).WithProperty("greeting:text", "first").WithProperty("greeting.text", "second")
            .Run(context => context.Get<Greeter>().Text.Should().Be("second"));

    [Fact]
    public void Run_BuildsNewContextEachTime()
    {
        var runner = new ContextRunner().WithComponents(typeof(Other));
        Other? first = null;

        runner.Run(context => first = context.Get<Other>());
        runner.Run(context => context.Get<Other>().Should().NotBeSameAs(first));
    }

    [Fact]
    public void Run_ShutsTheContextDown_AfterAssertions()
    {
        ApplicationContext? seen = null;

        new ContextRunner().WithComponents(typeof(Other)).Run(context =>
        {
            context.State.Should().Be(ContextState.Running);
            seen = context;
        });

        seen!.State.Should().Be(ContextState.Stopped);
    }

    [Fact]
    public void Run_SeesOnlyItsOwnProperties_WhenRunsAreParallel()
    {
        var root = new ContextRunner().WithComponents(typeof(Greeter));
        var seen = new string[20];

        Parallel.For(0, 20, i => root.WithProperty("greeting.text", $"value {i}").Run(context =>
        {
            seen[i] = context.Get<Greeter>().Text;
            context.GetProperty("greeting.text").Should().Be($"value {i}");
        }));

        seen.Should().Equal(Enumerable.Range(0, 20).Select(i => $"value {i}"));
    }

    [Fact]
    public void Run_SeesOnlyItsOwnComponentsAndProfiles_WhenRunsAreParallel()
    {
        var root = new ContextRunner().WithComponents(typeof(Greeter));
        var results = new bool[20];

        Parallel.For(0, 20, i =>
        {
            var runner = i % 2 == 0 ? root.WithComponents(typeof(DevOnly)).WithProfiles("dev") : root.WithComponents(typeof(DevOnly));
            runner.Run(context => results[i] = context.Contains("DevOnly"));
        });

        results.Should().Equal(Enumerable.Range(0, 20).Select(i => i % 2 == 0));
    }

    [Fact]
    public async Task RunAsync_RunsAsyncAssertions_AgainstRunningContext()
    {
        var ran = false;

        await new ContextRunner().WithComponents(typeof(Greeter)).WithProperty("greeting.text", "async").RunAsync(async context =>
        {
            await Task.Yield();
            context.Get<Greeter>().Text.Should().Be("async");
            ran = true;
        });

        ran.Should().BeTrue();
    }

    [Fact]
    public async Task RunAsync_Throws_WhenRefreshFails()
    {
        var act = () => new ContextRunner().WithComponents(typeof(NeedsMissing)).RunAsync(_ => Task.CompletedTask);

        await act.Should().ThrowAsync<ComponentNotFoundException>();
    }

    [Fact]
    public void RunFailing_ReturnsTheRefreshFailure()
    {
        var ex = new ContextRunner().WithComponents(typeof(NeedsMissing)).RunFailing();

        ex.Should().BeOfType<ComponentNotFoundException>();
        ex.Message.Should().Be(
            "'NeedsMissing' needs a component of type 'ContextRunnerTests.Other' for constructor parameter 'other', but none is registered. "
            + "Path: NeedsMissing. Register a class that is or implements ContextRunnerTests.Other (mark it [Component] or [Service]), "
            + "or make it optional by giving the parameter a default value.");
    }

    [Fact]
    public void RunFailing_Throws_WhenRefreshSucceeds()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ContextRunner().WithComponents(typeof(Other)).RunFailing());

        ex.Message.Should().Be("Refresh was expected to fail, but it succeeded.");
    }

    [Fact]
    public void Run_Throws_WhenRefreshFails()
    {
        var act = () => new ContextRunner().WithComponents(typeof(NeedsMissing)).Run(_ => { });

        act.Should().Throw<ComponentNotFoundException>();
    }
}
