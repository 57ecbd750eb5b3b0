using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Sprig.Web.Tests;

/// <summary>Bad input and bad states get a clear problem+json answer, and the server keeps serving.</summary>
public sealed class RpcRobustnessTests
{
    [Component(Namespace = "t")]
    public sealed class Outer(ApplicationContext context)
    {
        /// <summary>Calls an endpoint that does not exist: the server's own fault, not the client's.</summary>
        [Endpoint]
        public Task<JsonElement> Relay(string text) => context.Endpoints.InvokeAsync("t/Outer/doesNotExist", JsonSerializer.SerializeToElement(text));

        [Endpoint]
        public string Echo(string text) => text;
    }

    [Fact]
    public async Task NestedCallFailure_IsA500_NotTheClientsError()
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<Outer>());

        var response = await served.Client.PostAsJsonAsync("/rpc/t/Outer/Relay", "hi");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("doesNotExist");
    }

    [Fact]
    public async Task OtherPathsAndMethodsUnderRpc_AreProblems()
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<Outer>());

        var shortPath = await served.Client.PostAsJsonAsync("/rpc/t/Outer", "x");
        shortPath.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await shortPath.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be(
            "'/rpc/t/Outer' is not an RPC address: call POST /rpc/{namespace}/{component}/{endpoint}; GET /rpc lists them.");

        var get = await served.Client.GetAsync("/rpc/t/Outer/Echo");
        get.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        get.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        get.Content.Headers.Allow.Should().Equal("POST");
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_IsA413()
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<Outer>(), new() { ["Sprig:Web:MaxRequestBodySize"] = "32" });
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new string('x', 200)))));
        content.Headers.ContentType = new("application/json");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/rpc/t/Outer/Echo") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await served.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await served.Client.PostAsJsonAsync("/rpc/t/Outer/Echo", "ok")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StoppedContext_IsA503()
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<Outer>());
        await served.Context.ShutdownAsync();

        var response = await served.Client.PostAsJsonAsync("/rpc/t/Outer/Echo", "late");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be(
            "The application context is Stopped; it serves requests only while it is Running.");
    }

    [Fact]
    public async Task HeadOnAnRpcAddress_Is405()
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<Outer>());

        var response = await served.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/rpc/t/Outer/Echo"));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().Equal("POST");
    }

    [Fact]
    public async Task StoppedContext_CatalogIsA503()
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<Outer>());
        await served.Context.ShutdownAsync();

        var response = await served.Client.GetAsync("/rpc");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be(
            "The application context is Stopped; it serves requests only while it is Running.");
    }

    [Component(Namespace = "t")]
    public sealed class OddName
    {
        [Endpoint("what?")]
        public string What() => "ok";
    }

    [Fact]
    public async Task AnEndpointNameWithAQuestionMark_CannotBeServed_AndSaysWhy()
    {
        var context = new ApplicationContext(new PendingRegistry().Register<OddName>(), new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        context.Refresh();
        await using var _ = context;

        var serve = () => context.ServeAsync("http://127.0.0.1:0");

        (await serve.Should().ThrowAsync<ContainerException>()).Which.Message.Should().Be(
            "Endpoint 't/OddName/what?' (RpcRobustnessTests.OddName.What()) cannot be served over HTTP: its address contains '?', which ends a URL's path. "
            + "Rename it with [Endpoint(\"name\")] (or rename the component or its namespace).");
    }
}
