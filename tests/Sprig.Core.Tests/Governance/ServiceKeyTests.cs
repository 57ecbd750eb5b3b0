using System.Text.Json;
using Sprig.Tests.Support;

namespace Sprig.Tests.Governance;

/// <summary>Several implementations of one contract served under service keys: picked by key, or split by weight.</summary>
public sealed class ServiceKeyTests
{
    [ComponentContract(Namespace = "keys")]
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

    [Service, ServiceKey("v2")]
    public sealed class AnotherV2 : IGreeter
    {
        public Task<string> HelloAsync(string name) => Task.FromResult(name);
    }

    [ComponentContract(Namespace = "keys")]
    public interface IDoor
    {
        Task<string> OpenAsync(string name);
    }

    /// <summary>A keyed implementation that calls another keyed contract: the caller's key must not leak into that call.</summary>
    [Service, ServiceKey("front")]
    public sealed class FrontDoor(IGreeter greeter) : IDoor
    {
        public async Task<string> OpenAsync(string name) => $"front: {await greeter.HelloAsync(name)}";
    }

    [Service, ServiceKey("back")]
    public sealed class BackDoor : IDoor
    {
        public Task<string> OpenAsync(string name) => Task.FromResult("back");
    }

    [Component]
    public sealed class Reception(IGreeter greeter)
    {
        public IGreeter Greeter => greeter;
    }

    [Fact]
    public async Task AKey_PicksItsImplementation_ThroughTheInjectedContract_AndTheCatalog()
    {
        using var context = Contexts.Refreshed(typeof(GreeterV1), typeof(GreeterV2), typeof(Reception));
        var greeter = context.Get<Reception>().Greeter;

        using (ServiceKeys.Use("v2"))
        {
            (await greeter.HelloAsync("Ada")).Should().Be("Hi Ada!");
            (await context.Endpoints.InvokeAsync("keys/Greeter/HelloAsync", JsonSerializer.SerializeToElement("Ada"))).GetString().Should().Be("Hi Ada!");
        }

        using (ServiceKeys.Use("V1"))
        {
            (await greeter.HelloAsync("Ada")).Should().Be("Hello, Ada", "keys ignore case");
        }

        context.Endpoints.Select(e => e.Address).Should().ContainSingle(a => a == "keys/Greeter/HelloAsync", "the keyed implementations share one address");
    }

    [Fact]
    public async Task WithoutAKey_CallsSplitByWeight()
    {
        using var context = Contexts.Refreshed(typeof(GreeterV1), typeof(GreeterV2));
        var greeter = context.Get<IGreeter>();

        var v1 = 0;
        for (var i = 0; i < 2000; i++)
        {
            if ((await greeter.HelloAsync("x")).StartsWith("Hello", StringComparison.Ordinal))
            {
                v1++;
            }
        }

        // Weights 3 and 1: three quarters of the calls (1500, standard deviation about 19) go to v1.
        v1.Should().BeInRange(1300, 1700);
    }

    [Fact]
    public async Task AnUnknownKey_Is404_ListingTheKeys()
    {
        using var context = Contexts.Refreshed(typeof(GreeterV1), typeof(GreeterV2));

        using var key = ServiceKeys.Use("v3");
        var thrown = (await context.Get<IGreeter>().Invoking(g => g.HelloAsync("Ada")).Should().ThrowAsync<EndpointNotFoundException>()).Which;

        thrown.Message.Should().Be(
            "No implementation of 'keys/Greeter/HelloAsync' is served under service key 'v3'; the keys are 'v1', 'v2'. Pick one of them "
            + "(ServiceKeys.Use or the Sprig-Service-Key header), or call without a key to split calls by weight.");
    }

    [Fact]
    public async Task AKey_PicksOnlyTheImplementationItWasMeantFor_NotThoseOfTheCallsThatImplementationMakes()
    {
        using var context = Contexts.Refreshed(typeof(GreeterV1), typeof(GreeterV2), typeof(FrontDoor), typeof(BackDoor));

        using var key = ServiceKeys.Use("front");
        var answer = await context.Get<IDoor>().OpenAsync("Ada");

        answer.Should().BeOneOf("front: Hello, Ada", "front: Hi Ada!");
        ServiceKeys.Current.Should().Be("front", "the caller's own key is untouched");
    }

    [Fact]
    public void TwoImplementationsUnderOneKey_FailRefresh_WhicheverKeyCameFirst()
    {
        using var context = Contexts.Create(typeof(GreeterV1), typeof(GreeterV2), typeof(AnotherV2));

        context.Invoking(c => c.Refresh()).Should().Throw<ContainerException>().Which.Message.Should().Contain(
            "Two components serve 'keys/Greeter/HelloAsync' under service key 'v2': ServiceKeyTests.GreeterV2 and ServiceKeyTests.AnotherV2. Give each its own [ServiceKey].");
    }

    [Fact]
    public void TwoImplementationsUnderOneKey_FailRefresh()
    {
        using var context = Contexts.Create(typeof(GreeterV2), typeof(AnotherV2));

        context.Invoking(c => c.Refresh()).Should().Throw<ContainerException>().Which.Message.Should().Contain(
            "Two components serve 'keys/Greeter/HelloAsync' under service key 'v2': ServiceKeyTests.GreeterV2 and ServiceKeyTests.AnotherV2. Give each its own [ServiceKey].");
    }
}
