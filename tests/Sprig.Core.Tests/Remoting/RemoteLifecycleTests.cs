using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Sprig.Tests.Support;

namespace Sprig.Tests.Remoting;

/// <summary>
/// When in a context's life remote calls work, and how transports and servers are started and stopped around the components:
/// remote calls work from [OnStart] on, servers start after every [OnStart] hook and stop before any component is destroyed
/// (also when two shutdowns race), and a proxy used after shutdown fails like any other call, with an EndpointCallException.
/// </summary>
public sealed class RemoteLifecycleTests
{
    [ComponentContract(Namespace = "billing")]
    public interface IPricing
    {
        Task<int> PriceAsync(string item);
    }

    /// <summary>Answers every unary call of the "billing" namespace with 42.</summary>
    public sealed class FixedTransport : IEndpointTransport
    {
        public string Name => "Fixed";

        public bool Carries(string componentNamespace, string component) => componentNamespace == "billing";

        public Task<JsonElement> InvokeAsync(RemoteCall remoteCall, CancellationToken cancellationToken) =>
            Task.FromResult(JsonSerializer.SerializeToElement(42));

        public async IAsyncEnumerable<JsonElement> StreamAsync(RemoteCall remoteCall, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            yield break;
        }
    }

    /// <summary>Prices an item remotely while the context starts.</summary>
    public sealed class Warmup(IPricing pricing, Journal journal)
    {
        [OnStart]
        public async Task StartAsync() => journal.Add($"warm-up price {await pricing.PriceAsync("tea")}");
    }

    /// <summary>What happened, in order.</summary>
    public sealed class Journal
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public void Add(string entry) => Entries.Enqueue(entry);
    }

    /// <summary>A server whose stop waits until the test lets it go, as a drain waits for calls in flight.</summary>
    public sealed class HeldServer(Journal journal) : IEndpointServer
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Stopping { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task StartServingAsync(ApplicationContext context, CancellationToken cancellationToken)
        {
            journal.Add("server started");
            return Task.CompletedTask;
        }

        public async Task StopServingAsync(CancellationToken cancellationToken)
        {
            journal.Add("server stopping");
            Stopping.TrySetResult();
            await Release.Task;
            journal.Add("server stopped");
        }
    }

    /// <summary>A component whose destruction is recorded, with an [OnStart] hook that runs before serving starts.</summary>
    [Component(Namespace = "shop")]
    public sealed class Shop(Journal journal)
    {
        [OnStart]
        public Task StartAsync()
        {
            journal.Add("shop started");
            return Task.CompletedTask;
        }

        [Endpoint("reserve")]
        public int Reserve(int quantity) => quantity;

        [PreDestroy]
        public void Destroy() => journal.Add("shop destroyed");
    }

    [Fact]
    public void OnStart_CallsARemoteContract_ThroughTheTransport()
    {
        var registry = Contexts.Registry(typeof(Journal), typeof(FixedTransport), typeof(Warmup));
        using var context = Contexts.Create(registry);

        context.Refresh();

        context.Get<Journal>().Entries.Should().Equal("warm-up price 42");
    }

    [Fact]
    public async Task Proxy_Throws503_WhenCalledAfterShutdown()
    {
        var context = Contexts.Refreshed(typeof(FixedTransport), typeof(Journal), typeof(Warmup));
        var pricing = context.Get<IPricing>();
        await context.ShutdownAsync();

        var thrown = (await pricing.Invoking(p => p.PriceAsync("tea")).Should().ThrowAsync<EndpointCallException>()).Which;

        thrown.StatusCode.Should().Be(503);
        thrown.Message.Should().Be("Cannot call 'billing/Pricing' in another process: the context has shut down and its transports are closed. "
            + "Make remote calls only between Refresh() and Shutdown().");
    }

    [Fact]
    public void GetService_ReturnsTheContextsRemoteProxy_WhenATransportCarriesTheContract()
    {
        using var context = Contexts.Refreshed(typeof(FixedTransport));

        context.IsService(typeof(IPricing)).Should().BeTrue();
        context.GetService(typeof(IPricing)).Should().BeAssignableTo<IPricing>().And.BeSameAs(context.Get<IPricing>());
    }

    [Fact]
    public void GetService_ReturnsNull_WhenNoTransportCarriesTheContract()
    {
        using var context = Contexts.Refreshed(typeof(Journal));

        context.IsService(typeof(IPricing)).Should().BeFalse();
        context.GetService(typeof(IPricing)).Should().BeNull();
    }

    [Fact]
    public async Task EndpointsInvokeAsync_Throws404WithSuggestions_WhenAComponentServedHereHasNoSuchEndpoint_EvenWithATransport()
    {
        // The transport would carry "shop" too: a typo in the name of a local endpoint must still be a 404, never sent away.
        using var context = Contexts.Refreshed(typeof(Journal), typeof(Shop), typeof(ShopTransport));

        var thrown = (await context.Endpoints.Invoking(e => e.InvokeAsync("shop/Shop/reserv", JsonSerializer.SerializeToElement(1)))
            .Should().ThrowAsync<EndpointNotFoundException>()).Which;

        thrown.StatusCode.Should().Be(404);
        thrown.Message.Should().Be("No endpoint has the address 'shop/Shop/reserv'. Did you mean 'shop/Shop/reserve'? An address is '{namespace}/{component}/{endpoint}'; "
            + "check it, and check that the method is marked [Endpoint] and that its component is registered and not excluded by a condition.");
    }

    [Fact]
    public async Task Servers_StartAfterOnStartHooks_AndStopBeforeAnyComponentIsDestroyed_WhenTwoShutdownsRace()
    {
        var context = Contexts.Refreshed(typeof(Journal), typeof(Shop), typeof(HeldServer));
        var journal = context.Get<Journal>();
        var server = context.Get<HeldServer>();

        var first = context.ShutdownAsync();
        await server.Stopping.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = context.ShutdownAsync();

        second.IsCompleted.Should().BeFalse("the second shutdown waits for the first, which is still draining");
        journal.Entries.Should().NotContain("shop destroyed", "nothing is destroyed while the server drains");
        server.Release.SetResult();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        journal.Entries.Should().Equal("shop started", "server started", "server stopping", "server stopped", "shop destroyed");
        context.State.Should().Be(ContextState.Stopped);
    }

    /// <summary>Would carry every call of the "shop" namespace; it must never see one for a component served here.</summary>
    public sealed class ShopTransport : IEndpointTransport
    {
        public string Name => "Shop";

        public bool Carries(string componentNamespace, string component) => componentNamespace == "shop";

        public Task<JsonElement> InvokeAsync(RemoteCall remoteCall, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"A call of a local component's address left the process: {remoteCall.Address}.");

        public IAsyncEnumerable<JsonElement> StreamAsync(RemoteCall remoteCall, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"A call of a local component's address left the process: {remoteCall.Address}.");
    }
}
