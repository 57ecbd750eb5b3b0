using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Sprig.Remoting;
using Sprig.Tests.Support;

namespace Sprig.Tests.Remoting;

/// <summary>
/// The in-process half of contracts: what a [ComponentContract] interface says (component, endpoint names, idempotence), what
/// a local implementation serves, what a remote proxy hands its transport, and the status codes of the endpoint call errors.
/// </summary>
public sealed class ContractTests
{
    public interface IAudited
    {
        [Endpoint(Idempotent = true)]
        Task<int> CountAsync();
    }

    [ComponentContract(Namespace = "shop")]
    public interface IInventory : IAudited
    {
        [Endpoint("stock", Idempotent = true)]
        Task<int> StockAsync(string sku, CancellationToken cancellationToken = default);

        [Endpoint("reserve")]
        Task ReserveAsync(string sku, int quantity);

        ValueTask<string> DescribeAsync(string sku);

        IAsyncEnumerable<string> SkusAsync(CancellationToken cancellationToken = default);
    }

    [ComponentContract("Ledger")]
    public interface IAccounts
    {
        Task<decimal> BalanceAsync(string account);
    }

    [Component(Namespace = "shop")]
    public sealed class Inventory : IInventory
    {
        public Task<int> StockAsync(string sku, CancellationToken cancellationToken = default) => Task.FromResult(sku.Length);

        public Task ReserveAsync(string sku, int quantity) => Task.CompletedTask;

        public ValueTask<string> DescribeAsync(string sku) => ValueTask.FromResult($"{sku}: in stock");

        public async IAsyncEnumerable<string> SkusAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return "a-1";
            yield return "b-2";
        }

        public Task<int> CountAsync() => Task.FromResult(2);

        /// <summary>An endpoint of the class itself, next to the contract's.</summary>
        [Endpoint("restock")]
        public int Restock(int quantity) => quantity;

        /// <summary>Neither in the contract nor marked [Endpoint]: never reachable.</summary>
        public int Internal() => 0;
    }

    /// <summary>Takes every call a remote proxy of the "shop" namespace makes, and answers unary calls with 7.</summary>
    public sealed class RecordingTransport : IEndpointTransport
    {
        public ConcurrentQueue<RemoteCall> Calls { get; } = new();

        public string Name => "Recording";

        public bool Carries(string componentNamespace, string component) => componentNamespace == "shop";

        public Task<JsonElement> InvokeAsync(RemoteCall remoteCall, CancellationToken cancellationToken)
        {
            Calls.Enqueue(remoteCall);
            return Task.FromResult(remoteCall.Endpoint switch
            {
                "reserve" => default,
                "DescribeAsync" => JsonSerializer.SerializeToElement("seven"),
                _ => JsonSerializer.SerializeToElement(7),
            });
        }

        public async IAsyncEnumerable<JsonElement> StreamAsync(RemoteCall remoteCall, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Calls.Enqueue(remoteCall);
            await Task.Yield();
            yield return JsonSerializer.SerializeToElement("remote-1");
        }
    }

    [Fact]
    public void ContractInfo_NamesTheComponentAfterTheInterfaceWithoutItsLeadingI_UnlessTheAttributeNamesIt()
    {
        var inventory = ContractInfo.Of(typeof(IInventory))!;
        var accounts = ContractInfo.Of(typeof(IAccounts))!;

        (inventory.Namespace, inventory.Component).Should().Be(("shop", "Inventory"));
        (accounts.Namespace, accounts.Component).Should().Be(("default", "Ledger"));
        ContractInfo.Of(typeof(IAudited)).Should().BeNull("an interface without [ComponentContract] is no contract");
        ContractInfo.Of(typeof(Inventory)).Should().BeNull("a class is no contract");
    }

    [Fact]
    public void ContractInfo_NamesEachEndpointAfterItsMethod_UnlessEndpointRenamesIt_AndReadsIdempotent()
    {
        var methods = ContractInfo.Of(typeof(IInventory))!.Methods;

        methods.Select(m => (m.Method.Name, m.Endpoint, m.Idempotent)).Should().BeEquivalentTo(
        [
            ("StockAsync", "stock", true),
            ("ReserveAsync", "reserve", false),
            ("DescribeAsync", "DescribeAsync", false),
            ("SkusAsync", "SkusAsync", false),
            ("CountAsync", "CountAsync", true),
        ]);
    }

    [Fact]
    public async Task LocalImplementation_ServesEveryContractMethod_AtTheContractsAddress()
    {
        using var context = Contexts.Refreshed(typeof(Inventory));

        context.Endpoints.Select(e => (e.Address, e.IsStreaming)).Should().BeEquivalentTo(
        [
            ("shop/Inventory/stock", false),
            ("shop/Inventory/reserve", false),
            ("shop/Inventory/DescribeAsync", false),
            ("shop/Inventory/SkusAsync", true),
            ("shop/Inventory/CountAsync", false),
            ("shop/Inventory/restock", false),
        ]);
        (await context.Endpoints.InvokeAsync("shop/Inventory/DescribeAsync", JsonSerializer.SerializeToElement("a-1"))).GetString().Should().Be("a-1: in stock");
        (await context.Endpoints.InvokeAsync("shop/Inventory/stock", JsonSerializer.SerializeToElement("abcd"))).GetInt32().Should().Be(4);
        context.Get<IInventory>().Should().BeSameAs(context.Get<Inventory>());
    }

    [Fact]
    public async Task Proxy_HandsEachCallToTheTransport_WithTheContractsAddressArgumentsAndIdempotence()
    {
        using var context = Contexts.Create(Contexts.Registry(typeof(RecordingTransport)));
        context.Refresh();
        var transport = context.Get<RecordingTransport>();
        var inventory = context.Get<IInventory>();

        (await inventory.StockAsync("a-1")).Should().Be(7);
        await inventory.ReserveAsync("a-1", 3);
        (await inventory.CountAsync()).Should().Be(7);
        (await inventory.DescribeAsync("a-1")).Should().Be("seven");
        (await inventory.SkusAsync().ToListAsync()).Should().Equal("remote-1");

        transport.Calls.Select(c => (c.Address, c.Arguments.ValueKind == JsonValueKind.Undefined ? "(none)" : c.Arguments.GetRawText(), c.Idempotent)).Should().Equal(
            ("shop/Inventory/stock", "\"a-1\"", true),
            ("shop/Inventory/reserve", """{"sku":"a-1","quantity":3}""", false),
            ("shop/Inventory/CountAsync", "(none)", true),
            ("shop/Inventory/DescribeAsync", "\"a-1\"", false),
            ("shop/Inventory/SkusAsync", "(none)", false));
        context.Endpoints.Should().BeEmpty("a remote proxy serves nothing");
    }

    [Fact]
    public async Task InvokeAsync_ThrowsEndpointNotFound_ForAnUnknownAddress_WhenNoTransportIsConfigured()
    {
        using var context = Contexts.Refreshed(typeof(Inventory));

        var act = () => context.Endpoints.InvokeAsync("shop/Inventory/stok", JsonSerializer.SerializeToElement("a-1"));

        var error = (await act.Should().ThrowAsync<EndpointNotFoundException>()).Which;
        error.Message.Should().Be(
            "No endpoint has the address 'shop/Inventory/stok'. Did you mean 'shop/Inventory/stock'? An address is '{namespace}/{component}/{endpoint}'; "
            + "check it, and check that the method is marked [Endpoint] and that its component is registered and not excluded by a condition.");
        error.StatusCode.Should().Be(404);
        (await context.Endpoints.Invoking(e => e.InvokeAsync("shop/Elsewhere/stock", default)).Should().ThrowAsync<EndpointNotFoundException>())
            .Which.Address.Should().Be("shop/Elsewhere/stock");
    }

    [Fact]
    public async Task EndpointBindingException_IsAnEndpointCallExceptionWithStatus400()
    {
        using var context = Contexts.Refreshed(typeof(Inventory));

        var act = () => context.Endpoints.InvokeAsync("shop/Inventory/reserve", JsonSerializer.SerializeToElement(new { sku = "a-1", quantity = "three" }));

        var error = (await act.Should().ThrowAsync<EndpointCallException>()).Which;
        error.Should().BeOfType<EndpointBindingException>();
        error.StatusCode.Should().Be(400);
        error.Address.Should().Be("shop/Inventory/reserve");
        new EndpointBindingException("bad").StatusCode.Should().Be(400);
        new EndpointBindingException("bad", new JsonException()).StatusCode.Should().Be(400);
    }

    [Fact]
    public async Task EndpointNotFoundException_IsAnEndpointCallExceptionWithStatus404()
    {
        using var context = Contexts.Refreshed(typeof(Inventory));

        var act = () => context.Endpoints.InvokeAsync("shop/Inventory/Internal", default);

        var error = (await act.Should().ThrowAsync<EndpointCallException>()).Which;
        error.Should().BeOfType<EndpointNotFoundException>();
        error.StatusCode.Should().Be(404);
        new EndpointNotFoundException("gone").StatusCode.Should().Be(404);
        new EndpointNotFoundException().StatusCode.Should().Be(404);
        new EndpointCallException("failed").StatusCode.Should().Be(500);
    }
}
