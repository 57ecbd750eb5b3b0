using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Sprig.Nats.Tests.Support;

namespace Sprig.Nats.Tests.EndToEnd;

/// <summary>The context's own catalog calls addresses it does not serve through the NATS transport; refresh returns serving.</summary>
public sealed class CatalogTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>, IAsyncLifetime
{
    private ApplicationContext _server = null!;
    private ApplicationContext _client = null!;

    public async Task InitializeAsync()
    {
        _server = await Contexts.ServerAsync(nats.Url, new Probe());
        _client = await Contexts.ClientAsync(nats.Url);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task InvokeAsync_CallsARemoteAddress()
    {
        var result = await _client.Endpoints.InvokeAsync("nt/Calc/Add", Json.Of(new { a = 20, b = 22 }));

        result.GetInt32().Should().Be(42);
    }

    [Fact]
    public async Task InvokeAsync_ReturnsNoResult_ForARemoteVoidEndpoint()
    {
        var result = await _client.Endpoints.InvokeAsync("nt/Calc/Nothing", default);

        result.ValueKind.Should().Be(JsonValueKind.Undefined);
    }

    [Fact]
    public async Task StreamAsync_StreamsFromARemoteAddress()
    {
        var items = new List<int>();
        await foreach (var item in _client.Endpoints.StreamAsync("nt/Calc/Count", Json.Of(1000)))
        {
            items.Add(item.GetInt32());
        }

        items.Should().Equal(Enumerable.Range(0, 1000));
    }

    [Fact]
    public async Task Refresh_Fails_NamingAnEndpointWhoseNameCannotBeASubject()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Sprig:Nats:Url", nats.Url)]).Build();
        await using var context = new ApplicationContext(new PendingRegistry().Register<BadNames>().AddNats(), configuration);

        var act = () => context.RefreshAsync();

        (await act.Should().ThrowAsync<ContainerException>()).Which.Message.Should().Be(
            "The NATS transport cannot serve these endpoints:\n"
            + "  - Endpoint 'nt/BadNames/get.value': its endpoint 'get.value' cannot be part of a NATS subject "
            + "(sprig.{namespace}.{component}.{endpoint}): it is empty or holds '.', '*', '>' or white space. Rename it, "
            + "e.g. with [Endpoint(\"name\")] or [Component(\"Name\", Namespace = \"ns\")].");
    }
}
