using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Web.Tests.Security;

/// <summary>
/// <c>.AddEndpointFilter()</c> and <c>.WithTags()</c> on the builder MapSprig returns reach RPC endpoints and controller actions
/// alike, as on any route group.
/// </summary>
public sealed class EndpointFilterTests
{
    public sealed record Item(int Id);

    public sealed class Calls
    {
        public int Count;
    }

    [Service]
    public sealed class Clock(Calls calls)
    {
        [Endpoint]
        public string Now()
        {
            Interlocked.Increment(ref calls.Count);
            return "noon";
        }

        [Endpoint]
        [Authorize]
        public string Alarm() => "ring";
    }

    [Controller(Url = "/api/items")]
    public sealed class ItemController(Calls calls)
    {
        [Get("/{id}")]
        public Item Find(int id)
        {
            Interlocked.Increment(ref calls.Count);
            return new(id);
        }

        // Conventional: POST /api/items.
        public Item Create(Item item) => item;
    }

    private static PendingRegistry Registry(Calls calls) =>
        new PendingRegistry().Register<Clock>().Register<ItemController>().RegisterInstance("Calls", calls);

    [Fact]
    public async Task EndpointFilterOnMapSprig_RunsForRpcEndpointsAndControllerActions()
    {
        var seen = new ConcurrentQueue<string>();
        await using var host = await SecuredHost.StartAsync(Registry(new Calls()), group => group.AddEndpointFilter(async (context, next) =>
        {
            seen.Enqueue($"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}");
            return await next(context);
        }));

        await (await host.PostAsync("/rpc/default/Clock/Now", Callers.Anonymous)).ShouldBeJsonAsync("noon");
        await (await host.GetAsync("/api/items/7", Callers.Anonymous)).ShouldBeJsonAsync(new Item(7));
        await (await host.PostAsync("/api/items", Callers.Anonymous, new Item(8))).ShouldBeJsonAsync(new Item(8));

        seen.Should().Equal("POST /rpc/default/Clock/Now", "GET /api/items/7", "POST /api/items");
    }

    [Fact]
    public async Task EndpointFilterOnMapSprig_SeesTheBoundArgumentsOfAControllerAction()
    {
        var arguments = new ConcurrentQueue<object?>();
        await using var host = await SecuredHost.StartAsync(Registry(new Calls()), group => group.AddEndpointFilter(async (context, next) =>
        {
            foreach (var argument in context.Arguments)
            {
                arguments.Enqueue(argument);
            }

            return await next(context);
        }));

        await (await host.GetAsync("/api/items/7", Callers.Anonymous)).ShouldBeJsonAsync(new Item(7));

        arguments.Should().Equal(7);
    }

    [Fact]
    public async Task EndpointFilterOnMapSprig_CanShortCircuit_RpcEndpointsAndControllerActions()
    {
        var calls = new Calls();
        await using var host = await SecuredHost.StartAsync(Registry(calls), group => group.AddEndpointFilter((context, next) =>
            ValueTask.FromResult<object?>(Results.Problem(statusCode: 418, title: "Short-circuited by a filter."))));

        await (await host.PostAsync("/rpc/default/Clock/Now", Callers.Anonymous))
            .ShouldBeProblemAsync((HttpStatusCode)418, "Short-circuited by a filter.", type: null);
        await (await host.GetAsync("/api/items/7", Callers.Anonymous))
            .ShouldBeProblemAsync((HttpStatusCode)418, "Short-circuited by a filter.", type: null);

        calls.Count.Should().Be(0, "neither the endpoint nor the action ran");
    }

    [Fact]
    public async Task EndpointFilterOnMapSprig_RunsAfterAuthorization()
    {
        var seen = new ConcurrentQueue<string>();
        await using var host = await SecuredHost.StartAsync(Registry(new Calls()), group => group.AddEndpointFilter(async (context, next) =>
        {
            seen.Enqueue(context.HttpContext.Request.Path);
            return await next(context);
        }));

        await (await host.PostAsync("/rpc/default/Clock/Alarm", Callers.Anonymous)).ShouldBeUnauthorizedAsync();

        seen.Should().BeEmpty("the authorization middleware refused the request before the endpoint and its filters");
    }

    [Fact]
    public async Task WithTagsOnMapSprig_AddsTheTag_AndEveryRouteStillAnswers()
    {
        await using var host = await SecuredHost.StartAsync(Registry(new Calls()), group => group.WithTags("sprig"));

        await (await host.PostAsync("/rpc/default/Clock/Now", Callers.Anonymous)).ShouldBeJsonAsync("noon");
        await (await host.GetAsync("/api/items/7", Callers.Anonymous)).ShouldBeJsonAsync(new Item(7));
        (await host.GetAsync("/rpc", Callers.Anonymous)).StatusCode.Should().Be(HttpStatusCode.OK);

        var endpoints = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        Tags(endpoints, "RPC default/Clock/Now").Should().Contain(["sprig", "Clock"]);
        Tags(endpoints, "GET /api/items/{id} -> ItemController.Find").Should().Contain(["sprig", "ItemController"]);
    }

    private static IEnumerable<string> Tags(IReadOnlyList<Endpoint> endpoints, string displayName) =>
        endpoints.Single(e => e.DisplayName == displayName).Metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags);
}
