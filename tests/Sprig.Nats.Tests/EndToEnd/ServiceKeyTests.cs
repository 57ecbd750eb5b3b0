using Sprig.Nats.Tests.Support;

namespace Sprig.Nats.Tests.EndToEnd;

/// <summary>Service keys over NATS: the caller's key travels in the call's headers and picks the serving side's implementation.</summary>
public sealed class ServiceKeyTests(NatsServerFixture nats) : IClassFixture<NatsServerFixture>
{
    [ComponentContract(Namespace = "nkeys")]
    public interface IGreeter
    {
        Task<string> HelloAsync(string name);
    }

    [Service, ServiceKey("v1", 3)]
    public sealed class GreeterV1 : IGreeter
    {
        public Task<string> HelloAsync(string name) => Task.FromResult($"Hello, {name}");
    }

    [Service, ServiceKey("v2")]
    public sealed class GreeterV2 : IGreeter
    {
        public Task<string> HelloAsync(string name) => Task.FromResult($"Hi {name}!");
    }

    [Fact]
    public async Task TheCallersKey_PicksTheImplementation_AndWithoutOne_CallsSplitByWeight()
    {
        await using var server = await Contexts.ServingAsync(nats.Url, typeof(GreeterV1), typeof(GreeterV2));
        await using var client = await Contexts.ClientAsync(nats.Url);
        var greeter = client.Get<IGreeter>();

        using (ServiceKeys.Use("v2"))
        {
            (await greeter.HelloAsync("Ada")).Should().Be("Hi Ada!");
        }

        using (ServiceKeys.Use("v1"))
        {
            (await greeter.HelloAsync("Ada")).Should().Be("Hello, Ada");
        }

        var v1 = 0;
        for (var i = 0; i < 400; i++)
        {
            v1 += (await greeter.HelloAsync("x")).StartsWith("Hello", StringComparison.Ordinal) ? 1 : 0;
        }

        // Weights 3 and 1: three quarters (300, standard deviation about 9) go to v1.
        v1.Should().BeInRange(240, 360);
    }

    [Fact]
    public async Task AnUnknownKey_IsA404_ListingTheServersKeys()
    {
        await using var server = await Contexts.ServingAsync(nats.Url, typeof(GreeterV1), typeof(GreeterV2));
        await using var client = await Contexts.ClientAsync(nats.Url);

        using var key = ServiceKeys.Use("v9");
        var thrown = (await client.Get<IGreeter>().Invoking(g => g.HelloAsync("Ada")).Should().ThrowAsync<EndpointNotFoundException>()).Which;

        thrown.Message.Should().Be(
            "No implementation of 'nkeys/Greeter/HelloAsync' is served under service key 'v9'; the keys are 'v1', 'v2'. Pick one of them "
            + "(ServiceKeys.Use or the Sprig-Service-Key header), or call without a key to split calls by weight.");
    }
}
