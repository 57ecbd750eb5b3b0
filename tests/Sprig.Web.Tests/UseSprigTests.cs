using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sprig.Web.Tests;

/// <summary>A WebApplication whose container is a Sprig context.</summary>
public sealed class UseSprigTests
{
    public sealed class GreetingOptions
    {
        public string Salutation { get; set; } = "Hello";
    }

    /// <summary>A component that injects framework services (ILogger&lt;T&gt;, IOptions&lt;T&gt;) registered in builder.Services.</summary>
    [Service]
    public sealed class Greeter(ILogger<Greeter> logger, IOptions<GreetingOptions> options)
    {
        public ILogger<Greeter> Logger { get; } = logger;

        [Endpoint]
        public string Greet(string name) => $"{options.Value.Salutation}, {name}!";
    }

    [Component(Scope = Scope.Request)]
    public sealed class Visit
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    /// <summary>A Request-scoped component with an endpoint: over HTTP it lives in the request's scope.</summary>
    [Component(Scope = Scope.Request)]
    public sealed class VisitInfo(Visit visit)
    {
        [Endpoint]
        public Guid Current() => visit.Id;
    }

    /// <summary>Reads one key two ways: from the injected IConfiguration, and as a [Value] (which reads the context's configuration, as conditions do).</summary>
    [Component]
    public sealed class RegionReader(IConfiguration configuration, [Value("feature.region")] string region)
    {
        public string? Injected { get; } = configuration["feature.region"];

        public string Bound { get; } = region;
    }

    private static WebApplicationBuilder BuilderWithRegion(string region)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["feature.region"] = region });
        return builder;
    }

    private static ApplicationContext ContextWithRegion(string region) => new(
        new PendingRegistry().Register<RegionReader>(),
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["feature.region"] = region }).Build());

    [Fact]
    public async Task UseSprig_GivesComponentsTheContextsConfiguration_WhenTheContextWasMadeOverItsOwn()
    {
        var builder = BuilderWithRegion("builder");
        var context = ContextWithRegion("context");
        builder.UseSprig(context);

        await using var app = builder.Build();

        context.Get<RegionReader>().Should().BeEquivalentTo(new { Injected = "context", Bound = "context" });
        // The host's own services keep the builder's configuration.
        app.Services.GetRequiredService<IConfiguration>()["feature.region"].Should().Be("builder");
    }

    [Fact]
    public async Task UseSprig_GivesComponentsTheApplicationsOwnConfiguration_WhenItRegistersOne()
    {
        var builder = BuilderWithRegion("builder");
        var registered = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["feature.region"] = "registered" }).Build();
        builder.UseSprig(ContextWithRegion("context"));
        builder.Services.AddSingleton<IConfiguration>(registered);

        await using var app = builder.Build();

        ((ApplicationContext)app.Services).Get<RegionReader>().Should().BeEquivalentTo(new { Injected = "registered", Bound = "context" });
        app.Services.GetRequiredService<IConfiguration>().Should().BeSameAs(registered);
    }

    [Fact]
    public async Task UseSprig_MakesTheContextTheApplicationsContainer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<GreetingOptions>(o => o.Salutation = "Welcome");
        var context = new ApplicationContext(new PendingRegistry().Register<Greeter>().Register<Visit>().Register<VisitInfo>(), new ConfigurationBuilder().Build());
        builder.UseSprig(context);

        await using var app = builder.Build();
        app.Use(async (http, next) =>
        {
            // Middleware receives components from the request's scope too.
            http.Response.Headers["X-Visit"] = http.RequestServices.GetRequiredService<Visit>().Id.ToString();
            await next(http);
        });
        app.MapGet("/hello/{name}", (string name, Greeter greeter, Visit visit) => new { text = greeter.Greet(name), visit = visit.Id });
        app.MapSprig();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        app.Services.Should().BeSameAs(context);
        context.State.Should().Be(ContextState.Running);
        context.Get<Greeter>().Logger.Should().NotBeNull();

        var response = await client.GetAsync("/hello/Ada");
        var body = await response.Content.ReadFromJsonAsync<HelloBody>();
        body!.Text.Should().Be("Welcome, Ada!");
        body.Visit.ToString().Should().Be(response.Headers.GetValues("X-Visit").Single(), "one Visit per request, shared by middleware and handler");

        var rpc = await client.PostAsJsonAsync("/rpc/default/Greeter/Greet", "Grace");
        (await rpc.Content.ReadFromJsonAsync<string>()).Should().Be("Welcome, Grace!");

        var visit = await client.PostAsync("/rpc/default/VisitInfo/Current", null);
        (await visit.Content.ReadFromJsonAsync<Guid>()).ToString().Should().Be(
            visit.Headers.GetValues("X-Visit").Single(), "an RPC call runs in the HTTP request's scope, with the middleware's Visit");
        await app.StopAsync();
    }

    private sealed record HelloBody(string Text, Guid Visit);
}
