using System.Text.Json;
using Sprig.Aot.Tests.Support;

namespace Sprig.Aot.Tests.Endpoints;

/// <summary>
/// Endpoints served from generated invokers and non-generic System.Text.Json, with the reflection fallback off: every return
/// shape, binding errors with the same texts as under JIT (tests/Sprig.Core.Tests/Endpoints/EndpointInvocationTests.cs), and
/// where the JSON metadata comes from.
/// </summary>
public sealed class GeneratedEndpointTests
{
    public sealed record Order(string Item, int Quantity);

    /// <summary>A record no resolver has metadata for.</summary>
    public sealed record Parcel(int Weight);

    [Component]
    public sealed class Shop
    {
        public List<string> Calls { get; } = [];

        [Endpoint]
        public string Echo(string text) => text;

        [Endpoint]
        public int Negate(int value) => -value;

        [Endpoint]
        public int Add(int firstNumber, int secondNumber) => firstNumber + secondNumber;

        [Endpoint]
        public string Greet(string name, string greeting = "Hello") => $"{greeting}, {name}";

        [Endpoint]
        public Order Make(string item, int quantity) => new(item, quantity);

        [Endpoint]
        public int Count(Order order) => order.Quantity;

        [Endpoint]
        public void Touch() => Calls.Add("Touch");

        [Endpoint]
        public async Task TouchTask()
        {
            await Task.Yield();
            Calls.Add("TouchTask");
        }

        [Endpoint]
        public async ValueTask TouchValueTask()
        {
            await Task.Yield();
            Calls.Add("TouchValueTask");
        }

        [Endpoint]
        public static string Static() => "static";
    }

    /// <summary>Endpoints whose record has no JSON metadata: refresh refuses them. Included only where a test asks for it.</summary>
    [Component, ConditionalOnProperty("aot.postOffice")]
    public sealed class PostOffice
    {
        [Endpoint]
        public int Weigh(Parcel parcel) => parcel.Weight;

        [Endpoint]
        public Parcel Label() => new(3);
    }

    [Component]
    public sealed class Door
    {
        [Endpoint]
        public bool Open() => true;
    }

    private static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);

    private static ApplicationContext Refreshed(params Type[] types)
    {
        var registry = new PendingRegistry().RegisterInstance("json", AotJson.Default);
        foreach (var type in types)
        {
            registry.Register(type);
        }

        var context = Contexts.Create(registry);
        context.Refresh();
        return context;
    }

    [Fact]
    public async Task InvokeAsync_ReturnsJson_ForValuesAndRecords()
    {
        using var context = Refreshed(typeof(Shop));
        var endpoints = context.Endpoints;

        (await endpoints.InvokeAsync("default/Shop/Echo", Json("\"hi\""))).GetString().Should().Be("hi");
        (await endpoints.InvokeAsync("default/Shop/Negate", Json("5"))).GetInt32().Should().Be(-5);
        (await endpoints.InvokeAsync("default/Shop/Add", Json("""{"firstNumber":1,"SECONDNUMBER":2}"""))).GetInt32().Should().Be(3);
        (await endpoints.InvokeAsync("default/Shop/Make", Json("""{"item":"tea","quantity":2}"""))).GetRawText().Should().Be("""{"item":"tea","quantity":2}""");
        (await endpoints.InvokeAsync("default/Shop/Count", Json("""{"item":"tea","quantity":4}"""))).GetInt32().Should().Be(4);
        (await endpoints.InvokeAsync("default/Shop/Static", default)).GetString().Should().Be("static");
    }

    [Fact]
    public async Task InvokeAsync_UsesTheDefault_ForAMissingOptionalParameter()
    {
        using var context = Refreshed(typeof(Shop));

        (await context.Endpoints.InvokeAsync("default/Shop/Greet", Json("""{"name":"Ada"}"""))).GetString().Should().Be("Hello, Ada");
        (await context.Endpoints.InvokeAsync("default/Shop/Greet", Json("""{"name":"Ada","greeting":"Hi"}"""))).GetString().Should().Be("Hi, Ada");
    }

    [Fact]
    public async Task InvokeAsync_ReturnsUndefined_ForVoidTaskAndValueTask()
    {
        using var context = Refreshed(typeof(Shop));

        (await context.Endpoints.InvokeAsync("default/Shop/Touch", default)).ValueKind.Should().Be(JsonValueKind.Undefined);
        (await context.Endpoints.InvokeAsync("default/Shop/TouchTask", default)).ValueKind.Should().Be(JsonValueKind.Undefined);
        (await context.Endpoints.InvokeAsync("default/Shop/TouchValueTask", default)).ValueKind.Should().Be(JsonValueKind.Undefined);

        context.Get<Shop>().Calls.Should().Equal("Touch", "TouchTask", "TouchValueTask");
    }

    [Fact]
    public async Task InvokeAsync_Throws_TheJitMessage_WhenANamedParameterIsMissing()
    {
        using var context = Refreshed(typeof(Shop));

        var act = () => context.Endpoints.InvokeAsync("default/Shop/Add", Json("""{"firstNumber":1}"""));

        var error = (await act.Should().ThrowAsync<EndpointBindingException>()).Which;
        error.Message.Should().Be(
            "Endpoint 'default/Shop/Add' needs parameter 'secondNumber' (int) at '$.secondNumber', but the arguments object does not have it. "
            + "Send it as \"secondNumber\", or give the parameter a default value to make it optional.");
        error.ParameterName.Should().Be("secondNumber");
        error.JsonPath.Should().Be("$.secondNumber");
    }

    [Fact]
    public async Task InvokeAsync_Throws_TheJitMessage_WhenTheSingleParameterIsMissing()
    {
        using var context = Refreshed(typeof(Shop));

        var act = () => context.Endpoints.InvokeAsync("default/Shop/Negate", default);

        (await act.Should().ThrowAsync<EndpointBindingException>()).Which.Message.Should().Be(
            "Endpoint 'default/Shop/Negate' needs parameter 'value' (int), but no arguments were sent. "
            + "Send its value as the arguments, or give the parameter a default value to make it optional.");
    }

    [Fact]
    public async Task InvokeAsync_Throws_TheJitMessage_WhenAnArgumentHasTheWrongType()
    {
        using var context = Refreshed(typeof(Shop));

        var named = () => context.Endpoints.InvokeAsync("default/Shop/Add", Json("""{"firstNumber":"one","secondNumber":2}"""));
        var nested = () => context.Endpoints.InvokeAsync("default/Shop/Count", Json("""{"item":"tea","quantity":true}"""));

        var error = (await named.Should().ThrowAsync<EndpointBindingException>()).Which;
        error.Message.Should().Be(
            "Endpoint 'default/Shop/Add' cannot bind parameter 'firstNumber' (int): the JSON at '$.firstNumber' is a string, "
            + "which does not convert to int. Send a valid int there.");
        error.JsonPath.Should().Be("$.firstNumber");
        error.InnerException.Should().BeAssignableTo<JsonException>();
        (await nested.Should().ThrowAsync<EndpointBindingException>()).Which.Message.Should().Be(
            "Endpoint 'default/Shop/Count' cannot bind parameter 'order' (GeneratedEndpointTests.Order): the JSON at '$.quantity' is a boolean, "
            + "which does not convert to int. Send a valid int there.");
    }

    [Fact]
    public async Task Refresh_Fails_NamingEveryEndpointTypeWithoutJsonMetadata_AndDestroysWhatItCreated()
    {
        await using var context = Contexts.Create(
            new PendingRegistry().RegisterInstance("json", AotJson.Default).Register<PostOffice>().Register<Shop>(), new Dictionary<string, string?> { ["aot.postOffice"] = "true" });

        var refresh = () => context.RefreshAsync();

        const string Missing = "no JSON resolver has metadata for GeneratedEndpointTests.Parcel, and System.Text.Json cannot make it by reflection (Native AOT, "
            + "or the 'Sprig.IsDynamicCodeSupported' switch is off). Add [JsonSerializable(typeof(GeneratedEndpointTests.Parcel))] to a JsonSerializerContext of "
            + "the application and register it as a component (RegisterInstance(\"json\", AppJson.Default), or a [Bean]).";
        var error = (await refresh.Should().ThrowExactlyAsync<ContainerException>()).Which;
        error.Message.Should().Be(
            "Refresh stopped: 2 endpoint types have no JSON metadata, so every call of those endpoints would fail; the components refresh created were destroyed:\n"
            + "1. Endpoint 'default/PostOffice/Weigh' cannot bind parameter 'parcel' (GeneratedEndpointTests.Parcel): " + Missing + "\n"
            + "2. Endpoint 'default/PostOffice/Label' cannot send its result (GeneratedEndpointTests.Parcel): " + Missing);
        error.Problems.Select(p => p.ComponentName).Should().Equal("PostOffice", "PostOffice");
        context.State.Should().Be(ContextState.Failed);
    }

    [Fact]
    public async Task InvokeAsync_SerializesWithTheApplicationsResolver_AheadOfSprigsOwn()
    {
        using var context = Contexts.Create(new PendingRegistry().RegisterInstance("yesNo", new YesNoResolver()).Register<Door>());
        context.Refresh();

        (await context.Endpoints.InvokeAsync("default/Door/Open", default)).GetString().Should().Be("yes");
    }

    [Fact]
    public async Task InvokeAsync_UsesItsOwnContextsResolvers_NotAnotherContextsInTheSameProcess()
    {
        using var withResolver = Contexts.Create(new PendingRegistry().RegisterInstance("yesNo", new YesNoResolver()).Register<Door>());
        using var without = Contexts.Create(new PendingRegistry().Register<Door>());
        withResolver.Refresh();
        without.Refresh();

        (await withResolver.Endpoints.InvokeAsync("default/Door/Open", default)).GetString().Should().Be("yes");
        (await without.Endpoints.InvokeAsync("default/Door/Open", default)).GetBoolean().Should().BeTrue();
    }
}
