using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Tests.Interop;

/// <summary>
/// A framework singleton and a Scoped service resolved from the root are created concurrently, each needing the other's kind:
/// creation must not deadlock (the root scope creates each component under its own lock, as MS.DI does).
/// </summary>
public sealed class RootScopeConcurrencyTests
{
    public sealed class Meeting
    {
        public Barrier Barrier { get; } = new(2);
    }

    public sealed class X
    {
        public X(Meeting meeting) => meeting.Barrier.SignalAndWait(TimeSpan.FromSeconds(10));
    }

    public sealed class Y
    {
        public Y(Meeting meeting) => meeting.Barrier.SignalAndWait(TimeSpan.FromSeconds(10));
    }

    public sealed class R1
    {
    }

    public sealed class S(Y y, R1 r1)
    {
        public Y Y { get; } = y;

        public R1 R1 { get; } = r1;
    }

    public sealed class R2(X x, S s)
    {
        public X X { get; } = x;

        public S S { get; } = s;
    }

    [Fact]
    public async Task SingletonAndRootScopedService_CreatedConcurrently_DoNotDeadlock()
    {
        var services = new ServiceCollection()
            .AddSingleton<Meeting>().AddTransient<X>().AddTransient<Y>()
            .AddScoped<R1>().AddSingleton<S>().AddScoped<R2>();
        using var context = (ApplicationContext)new SprigServiceProviderFactory(new PendingRegistry(), new ConfigurationBuilder().Build())
            .CreateServiceProvider(services);

        // Thread A creates S (holding S) and meets B inside Y; thread B creates R2 in the root scope and meets A inside X.
        // Then A needs R1 from the root scope while B needs S.
        var a = Task.Run(() => context.GetRequiredService<S>());
        var b = Task.Run(() => context.GetRequiredService<R2>());
        // A deadlock shows as a TimeoutException here instead of a hung test run.
        await Task.WhenAll(a, b).WaitAsync(TimeSpan.FromSeconds(30));

        (await b).S.Should().BeSameAs(await a);
    }
}
