using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Web.Tests;

/// <summary>Oversized bodies and request timeouts get problem answers the client can read, and the server keeps serving.</summary>
public sealed class LimitTests
{
    private const int SixMegabytes = 6 * 1000 * 1000;

    [Component(Namespace = "files")]
    public sealed class Upload
    {
        [Endpoint]
        public int Store(string data) => data.Length;

        [Endpoint]
        [RequestSizeLimit(8 * 1024 * 1024)]
        public int StoreLarge(string data) => data.Length;

        [Endpoint]
        [RequestSizeLimit(long.MaxValue)]
        public int StoreAny(string data) => data.Length;

        [Endpoint]
        [RequestTimeout(milliseconds: 200)]
        public async Task<string> Wait(CancellationToken cancellationToken)
        {
            // Waits until the request timeout cancels the call: no result ever comes otherwise.
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return "never";
        }
    }

    [Controller(Url = "/api/files")]
    public sealed class FileController
    {
        [RequestSizeLimit(1024)]
        public int Create(Payload payload) => payload.Data.Length;

        [RequestTimeout(milliseconds: 200)]
        public async Task<string> GetSlow(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return "never";
        }
    }

    public sealed record Payload(string Data);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SixMegabytesToAnRpcEndpoint_Is413Problem_AndTheServerKeepsServing(bool chunked)
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<Upload>());

        var response = await served.Client.SendAsync(Post("/rpc/files/Upload/Store", Json(SixMegabytes), chunked));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("The request body is too large.");
        problem.Detail.Should().Be("The body of a call to 'files/Upload/Store' may be at most 4194304 bytes (Sprig:Web:MaxRequestBodySize). Send less, or raise the limit.");
        var next = await served.Client.PostAsJsonAsync("/rpc/files/Upload/Store", "small");
        (await next.Content.ReadFromJsonAsync<int>()).Should().Be(5, "the server keeps serving");
    }

    [Fact]
    public async Task RequestSizeLimitOnAnEndpoint_RaisesItsLimit()
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<Upload>());

        var response = await served.Client.SendAsync(Post("/rpc/files/Upload/StoreLarge", Json(SixMegabytes), chunked: true));

        (await response.Content.ReadFromJsonAsync<int>()).Should().Be(SixMegabytes);
    }

    [Fact]
    public async Task TheLargestLimit_MeansNoLimit()
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<Upload>());

        var response = await served.Client.SendAsync(Post("/rpc/files/Upload/StoreAny", Json(SixMegabytes), chunked: false));

        (await response.Content.ReadFromJsonAsync<int>()).Should().Be(SixMegabytes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SixMegabytesToAnActionWithALimit_Is413Problem(bool chunked)
    {
        await using var served = await ServedContext.StartAsync(new PendingRegistry().Register<FileController>());
        var body = "{\"data\":" + Json(SixMegabytes) + "}";

        var response = await served.Client.SendAsync(Post("/api/files", body, chunked));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be(
            "The body of POST /api/files may be at most 1024 bytes. Send less, or raise the limit ([RequestSizeLimit] on the action, or Kestrel's MaxRequestBodySize).");
        var next = await served.Client.PostAsJsonAsync("/api/files", new Payload("abc"));
        (await next.Content.ReadFromJsonAsync<int>()).Should().Be(3, "the server keeps serving");
    }

    [Fact]
    public async Task RequestTimeoutMetadata_CancelsTheCall_AndAnswers504Problem()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddRequestTimeouts();
        builder.UseSprig(new ApplicationContext(new PendingRegistry().Register<Upload>().Register<FileController>(), new ConfigurationBuilder().Build()));
        await using var app = builder.Build();
        app.UseRequestTimeouts();
        app.MapSprig();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        var rpc = await client.PostAsync("/rpc/files/Upload/Wait", null);
        var action = await client.GetAsync("/api/files/slow");

        rpc.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        rpc.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await rpc.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be(
            "POST /rpc/files/Upload/Wait did not finish within its request timeout ([RequestTimeout] or the request timeouts policy), and was cancelled.");
        action.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        (await action.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be(
            "GET /api/files/slow did not finish within its request timeout ([RequestTimeout] or the request timeouts policy), and was cancelled.");
    }

    private static string Json(int length) => "\"" + new string('x', length) + "\"";

    private static HttpRequestMessage Post(string path, string json, bool chunked)
    {
        HttpContent content = chunked
            ? new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
            : new StringContent(json);
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        return request;
    }
}
