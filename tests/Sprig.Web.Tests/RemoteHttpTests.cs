using System.Text.Json;
using static Sprig.Web.Tests.RemoteComponents;

namespace Sprig.Web.Tests;

/// <summary>
/// Contracts called in another context over the built-in HTTP transport: a real Kestrel server serves the implementing
/// components, and a client context that has only the contracts and <c>Sprig:Remotes:remote:{component}:Url</c> calls them
/// through a remote proxy (from Get or injected) and through its endpoint catalog.
/// </summary>
public sealed class RemoteHttpTests
{
    [Fact]
    public async Task Proxy_CallsEveryMethodShapeOnTheServer_WhenTakenFromGet()
    {
        await using var pair = await RemotePair.StartAsync();

        await AssertEveryShapeAsync(pair.Client.Get<ICalculator>(), pair.Signals);
    }

    [Fact]
    public async Task Proxy_CallsEveryMethodShapeOnTheServer_WhenInjectedIntoALocalComponent()
    {
        await using var pair = await RemotePair.StartAsync();

        var board = pair.Client.Get<PriceBoard>();

        board.Calculator.Should().BeSameAs(pair.Client.Get<ICalculator>(), "a context has one proxy per contract");
        await AssertEveryShapeAsync(board.Calculator, pair.Signals);
    }

    [Fact]
    public async Task Proxy_IsNoLocalComponent_AndServesNoEndpointsInTheClient()
    {
        await using var pair = await RemotePair.StartAsync();

        pair.Client.Get<ICalculator>().Should().NotBeOfType<Calculator>();
        pair.Client.Endpoints.Should().BeEmpty("a remote proxy calls endpoints; it does not serve them");
        pair.Client.Endpoints.Find("remote/Calculator/price").Should().BeNull();
    }

    [Fact]
    public async Task EndpointsInvokeAsync_CallsTheServer_ForAnAddressNoLocalComponentServes()
    {
        await using var pair = await RemotePair.StartAsync();
        var endpoints = pair.Client.Endpoints;

        var quote = await endpoints.InvokeAsync("remote/Calculator/price", JsonSerializer.SerializeToElement(new { symbol = "SPRG", quantity = 4 }));
        var negated = await endpoints.InvokeAsync("remote/Calculator/NegateAsync", JsonSerializer.SerializeToElement(7));
        var recorded = await endpoints.InvokeAsync("remote/Calculator/RecordAsync", JsonSerializer.SerializeToElement("by address"));

        quote.GetRawText().Should().Be("""{"symbol":"SPRG","quantity":4,"total":10.0}""");
        negated.GetInt32().Should().Be(-7);
        recorded.ValueKind.Should().Be(JsonValueKind.Undefined, "a Task endpoint answers 204 No Content");
        pair.Signals.Recorded.Should().Equal("by address");
    }

    [Fact]
    public async Task EndpointsStreamAsync_YieldsTheServersItemsInOrder_ForAnAddressNoLocalComponentServes()
    {
        await using var pair = await RemotePair.StartAsync();

        var items = new List<int>();
        await foreach (var item in pair.Client.Endpoints.StreamAsync("remote/Calculator/count", JsonSerializer.SerializeToElement(1000)))
        {
            items.Add(item.GetInt32());
        }

        items.Should().Equal(Enumerable.Range(1, 1000));
    }

    private static async Task AssertEveryShapeAsync(ICalculator calculator, Signals signals)
    {
        using var cancellation = new CancellationTokenSource();

        (await calculator.PriceAsync("SPRG", 4, cancellation.Token)).Should().Be(new Quote("SPRG", 4, 10m));
        (await calculator.PriceAsync("ZERO", 0)).Should().Be(new Quote("ZERO", 0, 0m));
        (await calculator.NegateAsync(21)).Should().Be(-21);
        await calculator.RecordAsync("first");
        await calculator.RecordAsync("second");
        signals.Recorded.Should().Equal("first", "second");

        var items = new List<int>();
        await foreach (var item in calculator.CountAsync(1000, cancellation.Token))
        {
            items.Add(item);
        }

        items.Should().Equal(Enumerable.Range(1, 1000));
        (await calculator.CountAsync(0).ToListAsync()).Should().BeEmpty();
    }
}
