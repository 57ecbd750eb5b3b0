using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sprig.Web;

namespace Sprig.Aot.Tests.Web;

/// <summary>
/// [Controller]s with dynamic code off, as under Native AOT: served over a real Kestrel through the request delegates
/// Sprig.Generator wrote (no RequestDelegateFactory), with RequestDelegateFactory's binding rules and 400 messages.
/// </summary>
public sealed class ControllerTests
{
    private const string BrokenProblems =
        "Sprig.Web cannot map the controllers; it found 2 problems:\n"
        + "1. BrokenController.Count(ref int value) cannot be served as POST /broken/count: parameter \"int value\" is a ref, out or in parameter, a ref struct or "
        + "a pointer, which a request cannot bind. Take it by value. Fix the parameter as the message says, or mark the method [NonAction] if it is not an action.\n"
        + "2. BrokenController.Find(Note note) cannot be served as GET /broken/find: parameter \"Note note\" would be read from the JSON body, which this verb does "
        + "not read unless the parameter says so, and Note is not a service. Mark it [FromBody] (or [FromServices], or [FromQuery] on a type with a TryParse "
        + "method), or register Note as a service. Fix the parameter as the message says, or mark the method [NonAction] if it is not an action.";

    [Fact]
    public async Task Controller_BindsRouteQueryHeaderBodyAndServices_AndWritesEachKindOfResult()
    {
        await using var host = await Host.StartAsync();
        var client = host.Client;

        (await client.GetFromJsonAsync<Note>("/notes/0")).Should().Be(new Note("first", 1));
        (await client.GetStringAsync("/notes/search?text=a")).Should().Be("a (limit 10, kind any)");
        (await client.GetStringAsync("/notes/search?text=b&limit=3&kind=Urgent")).Should().Be("b (limit 3, kind Urgent)");
        using (var tenant = new HttpRequestMessage(HttpMethod.Get, "/notes/tenant") { Headers = { { "X-Tenant", "acme" } } })
        {
            using var answer = await client.SendAsync(tenant);
            answer.Content.Headers.ContentType!.ToString().Should().Be("text/plain; charset=utf-8");
            (await answer.Content.ReadAsStringAsync()).Should().Be("acme at /notes/tenant");
        }

        using var added = await client.PostAsJsonAsync("/notes", new Note("second", 5));
        added.StatusCode.Should().Be(HttpStatusCode.Created, "the action's IResult decides the answer");
        (await added.Content.ReadAsStringAsync()).Should().Be("added 1");
        (await client.GetStringAsync("/notes/count")).Should().Be("2");
        (await client.GetStringAsync($"/notes/kind/Plain?at={Guid.Empty}")).Should().Be($"Plain {Guid.Empty}");
        (await client.GetStringAsync("/notes/kind/Urgent")).Should().Be("Urgent untraced");
        using (var tags = new HttpRequestMessage(HttpMethod.Get, "/notes/tags?ids=3&ids=4") { Headers = { { "X-Tag", ["a", "b"] } } })
        {
            using var answer = await client.SendAsync(tags);
            (await answer.Content.ReadAsStringAsync()).Should().Be("3+4 / a, b / GET", "HttpClient sends the two values as one header line");
        }

        (await client.GetStringAsync("/notes/tags")).Should().Be(" /  / GET", "no value is an empty array");
    }

    [Fact]
    public async Task ConventionalActions_AnswerAtTheirRoutes_AndOtherVerbsGet405WithAllow()
    {
        await using var host = await Host.StartAsync();
        var client = host.Client;

        (await client.GetFromJsonAsync<List<Note>>("/notes/list")).Should().Equal(new Note("first", 1));
        using (var published = await client.PostAsync("/notes/0/publish", null))
        {
            (await published.Content.ReadAsStringAsync()).Should().Be("published first");
        }

        using var deleted = await client.DeleteAsync("/notes/0");
        using var put = await client.PutAsync("/notes/0", null);
        using var unknown = await client.GetAsync("/notes/no/such/path");

        deleted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await deleted.Content.ReadAsStringAsync()).Should().BeEmpty();
        (await client.GetFromJsonAsync<List<Note>>("/notes/list")).Should().BeEmpty();
        put.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        put.Content.Headers.Allow.Should().Equal("GET", "DELETE");
        (await put.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("/notes/0 answers GET, DELETE, not PUT.");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("No action answers GET /notes/no/such/path.");
    }

    [Theory]
    [InlineData("/notes/abc", "Failed to bind parameter \"int id\" from \"abc\".")]
    [InlineData("/notes/search", "Required parameter \"string text\" was not provided from query string.")]
    [InlineData("/notes/search?text=a&limit=many", "Failed to bind parameter \"int limit\" from \"many\".")]
    [InlineData("/notes/kind/Loud", "Failed to bind parameter \"NoteKind kind\" from \"Loud\".")]
    [InlineData("/notes/tenant", "Required parameter \"string tenant\" was not provided from header.")]
    [InlineData("/notes/search?text=a&limit=", "Failed to bind parameter \"int limit\" from \"\".")]
    [InlineData("/notes/kind/Plain?at=soon", "Failed to bind parameter \"Nullable<Guid> trace\" from \"soon\".")]
    [InlineData("/notes/tags?ids=1&ids=two", "Failed to bind parameter \"int[] ids\" from \"two\".")]
    public async Task BadValue_Answers400Problem_WithRequestDelegateFactorysMessage(string path, string detail)
    {
        await using var host = await Host.StartAsync();

        using var response = await host.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("The request is not valid.");
        problem.Detail.Should().Be(detail);
    }

    [Fact]
    public async Task BadBody_Answers400Or415Problem_WithRequestDelegateFactorysMessage()
    {
        await using var host = await Host.StartAsync();

        using var malformed = await host.Client.PostAsync("/notes", new StringContent("""{"text":""", Encoding.UTF8, "application/json"));
        using var text = await host.Client.PostAsync("/notes", new StringContent("hello", Encoding.UTF8, "text/plain"));
        using var empty = await host.Client.PostAsync("/notes", new StringContent("null", Encoding.UTF8, "application/json"));

        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("Failed to read parameter \"Note note\" from the request body as JSON.");
        text.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await text.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("Expected a supported JSON media type but got \"text/plain; charset=utf-8\".");
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be(
            "Implicit body inferred for parameter \"note\" but no body was provided. Did you mean to use a Service instead?");
    }

    [Fact]
    public async Task AuthorizeOnAnAction_IsEnforced_401WithoutASignedInUser()
    {
        await using var context = Refreshed(new() { ["aot.web.controllers"] = "true" });
        await using var server = await context.ServeAsync("http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var mine = await client.GetAsync("/notes/mine");
        using var open = await client.GetAsync("/notes/0");

        mine.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        open.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task MapSprig_Fails_NamingTheActionParameterAndJsonSerializable_WhenABodyTypeHasNoMetadata()
    {
        await using var context = Refreshed(new() { ["aot.web.drafts"] = "true" });

        var serve = () => context.ServeAsync("http://127.0.0.1:0");

        (await serve.Should().ThrowAsync<ContainerException>()).Which.Message.Should().Be(
            "Sprig.Web cannot map the controllers; it found 2 problems:\n"
            + "1. DraftController.Save(DraftController.Draft draft) cannot be served as POST /drafts: parameter \"Draft draft\", read from the JSON body, needs JSON metadata for Draft, and the application's JSON options have none (without dynamic code System.Text.Json has no reflection). "
            + "Add [JsonSerializable(typeof(Draft))] to a JsonSerializerContext and pass it to builder.Services.ConfigureHttpJsonOptions(o => "
            + "o.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJson.Default)), or register the context as a component (RegisterInstance(\"json\", AppJson.Default)). "
            + "Fix the parameter as the message says, or mark the method [NonAction] if it is not an action.\n"
            + "2. DraftController.Save(DraftController.Draft draft) cannot be served as POST /drafts: its result (Draft) needs JSON metadata for Draft, and the application's JSON options have none (without dynamic code System.Text.Json has no reflection). "
            + "Add [JsonSerializable(typeof(Draft))] to a JsonSerializerContext and pass it to builder.Services.ConfigureHttpJsonOptions(o => "
            + "o.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJson.Default)), or register the context as a component (RegisterInstance(\"json\", AppJson.Default)). "
            + "Fix the parameter as the message says, or mark the method [NonAction] if it is not an action.");
    }

    [Fact]
    public void UseSprig_FailsTheApplicationsBuild_AndDisposesTheContext_WhenAControllerCannotBeServed()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["aot.web.broken"] = "true";
        var context = new ApplicationContext(new PendingRegistry().Register<BrokenController>(), builder.Configuration);
        builder.UseSprig(context);

        var build = () => builder.Build();

        build.Should().Throw<ContainerException>().Which.Message.Should().Be(BrokenProblems);
        context.State.Should().Be(ContextState.Stopped);
    }

    [Fact]
    public async Task MapSprig_Fails_NamingEachActionItCannotBind()
    {
        await using var context = Refreshed(new() { ["aot.web.broken"] = "true" });

        var serve = () => context.ServeAsync("http://127.0.0.1:0");

        (await serve.Should().ThrowAsync<ContainerException>()).Which.Message.Should().Be(BrokenProblems);
    }

    [Fact]
    public async Task MapSprig_Fails_NamingAControllerTheGeneratorCouldNotName()
    {
        var registry = HiddenHolder.Register(new PendingRegistry());
        await using var context = new ApplicationContext(registry, new ConfigurationBuilder().AddInMemoryCollection([new("aot.web.hidden", "true")]).Build());
        await context.RefreshAsync();

        var serve = () => context.ServeAsync("http://127.0.0.1:0");

        (await serve.Should().ThrowAsync<ContainerException>()).Which.Message.Should().Be(
            "Cannot serve the controller 'HiddenController': without dynamic code (Native AOT, or the 'Sprig.IsDynamicCodeSupported' switch is off) Sprig.Web serves "
            + "controllers through request delegates that Sprig.Generator writes at build time, and its assembly has none. Build the assembly with the generator "
            + "(reference Sprig.Core's package, or Sprig.Generator as an analyzer, and leave the SprigGenerator property on), make the class public or internal "
            + "(not nested in a private class), or serve the methods as [Endpoint]s.");
    }

    [Fact]
    public async Task EndpointFilters_AreRefused_NotSkipped_WhenTheRoutesAreBuilt()
    {
        await using var host = await Host.StartAsync(group => group.AddEndpointFilter((context, next) => next(context)));

        var build = () => host.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;

        build.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Cannot serve GET /notes/{id} -> NoteController.Find with endpoint filters: without dynamic code Sprig.Web serves controllers through generated "
            + "request delegates, which do not run endpoint filters (AddEndpointFilter on MapSprig's group or the route). Serve the action as an [Endpoint], "
            + "or move the filter's work into middleware.");
    }

    private static ApplicationContext Refreshed(Dictionary<string, string?> configuration)
    {
        var context = new ApplicationContext(
            new PendingRegistry().Register<NoteStore>().Register<NoteController>().Register<DraftController>().Register<BrokenController>()
                .RegisterInstance("json", NoteJson.Default),
            new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        context.Refresh();
        return context;
    }

    /// <summary>A WebApplication whose container is a Sprig context (UseSprig), with the notes' JSON metadata given as minimal APIs take it.</summary>
    private sealed class Host(WebApplication app, HttpClient client) : IAsyncDisposable
    {
        public HttpClient Client { get; } = client;

        public IServiceProvider Services => app.Services;

        public static async Task<Host> StartAsync(Action<IEndpointConventionBuilder>? conventions = null)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Configuration["aot.web.controllers"] = "true";
            builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, NoteJson.Default));
            builder.UseSprig(new ApplicationContext(new PendingRegistry().Register<NoteStore>().Register<NoteController>(), builder.Configuration));
            var app = builder.Build();
            var group = app.MapSprig();
            conventions?.Invoke(group);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Host(app, new HttpClient { BaseAddress = new Uri(address) });
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await app.DisposeAsync();
        }
    }
}

/// <summary>Holds a controller that generated code cannot name (a private class).</summary>
public static class HiddenHolder
{
    public static PendingRegistry Register(PendingRegistry registry) => registry.Register<HiddenController>();

    [Controller(Url = "/hidden"), ConditionalOnProperty("aot.web.hidden")]
    private sealed class HiddenController
    {
        public string GetName() => "hidden";
    }
}
