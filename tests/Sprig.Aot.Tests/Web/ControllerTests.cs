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
using Sprig.Tests.Controllers;
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
        + "a pointer, which a request cannot bind. Take it by value. Fix the action as the message says, or mark the method [NonAction] if it is not an action.\n"
        + "2. BrokenController.Find(Note note) cannot be served as GET /broken/find: parameter \"Note note\" would be read from the JSON body, which this verb does "
        + "not read unless the parameter says so, and Note is not a service. Mark it [FromBody] (or [FromServices], or [FromQuery] on a type with a TryParse "
        + "method), or register Note as a service. Fix the action as the message says, or mark the method [NonAction] if it is not an action.";

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
    public async Task OverloadedAction_IsServed_WhenAGenericMethodOfTheSameNameAndArityIsDeclaredFirst()
    {
        await using var context = Refreshed(new() { ["aot.web.overloads"] = "true" });
        await using var server = await context.ServeAsync("http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        (await client.GetStringAsync("/overloads/echo/hi")).Should().Be("echo hi");
    }

    [Fact]
    public async Task ResultWithoutJsonMetadata_Answers500_NamingTheActionTheTypeAndJsonSerializable()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["aot.web.opaque"] = "true";
        builder.UseSprig(new ApplicationContext(new PendingRegistry().Register<OpaqueController>(), builder.Configuration));
        await using var app = builder.Build();
        app.MapSprig();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        using var response = await client.GetAsync("/opaque");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var detail = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail!;
        detail[..detail.IndexOf('\n', StringComparison.Ordinal)].TrimEnd().Should().Be(
            "System.NotSupportedException: The action GET /opaque -> OpaqueController.Read returned a value of type Opaque, and the application's JSON options have no "
            + "metadata for it (without dynamic code System.Text.Json has no reflection). Add [JsonSerializable(typeof(Opaque))] to the application's "
            + "JsonSerializerContext, or declare Opaque as the action's result type so that MapSprig checks its metadata at start-up.");
    }

    [Fact]
    public async Task AuthorizeOnAnImplementedContract_IsEnforced_FromTheGeneratorsContracts()
    {
        await using var context = Refreshed(new() { ["aot.web.contract"] = "true" });
        await using var server = await context.ServeAsync("http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var peek = await client.GetAsync("/contract/peek");
        using var open = await client.GetAsync("/contract/open");

        peek.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
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
            + "Fix the action as the message says, or mark the method [NonAction] if it is not an action.\n"
            + "2. DraftController.Save(DraftController.Draft draft) cannot be served as POST /drafts: its result (Draft) needs JSON metadata for Draft, and the application's JSON options have none (without dynamic code System.Text.Json has no reflection). "
            + "Add [JsonSerializable(typeof(Draft))] to a JsonSerializerContext and pass it to builder.Services.ConfigureHttpJsonOptions(o => "
            + "o.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJson.Default)), or register the context as a component (RegisterInstance(\"json\", AppJson.Default)). "
            + "Fix the action as the message says, or mark the method [NonAction] if it is not an action.");
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
        await using var host = await NotesHost.StartAsync(group => group.AddEndpointFilter((context, next) => next(context)));

        var build = () => host.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;

        build.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Cannot serve GET /notes/{id} -> NoteController.Find with endpoint filters: without dynamic code Sprig.Web serves controllers through generated "
            + "request delegates, which do not run endpoint filters (AddEndpointFilter on MapSprig's group or the route). Serve the action as an [Endpoint], "
            + "or move the filter's work into middleware.");
    }

    private static ApplicationContext Refreshed(Dictionary<string, string?> configuration)
    {
        var context = new ApplicationContext(
            new PendingRegistry().Register<NoteStore>().Register<NoteController>().Register<DraftController>().Register<BrokenController>().Register<OverloadController>().Register<ContractController>()
                .RegisterInstance("json", NoteJson.Default),
            new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        context.Refresh();
        return context;
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
