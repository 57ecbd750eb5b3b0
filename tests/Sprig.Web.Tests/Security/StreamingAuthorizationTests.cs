using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authorization;

namespace Sprig.Web.Tests.Security;

/// <summary>Streaming endpoints (<see cref="IAsyncEnumerable{T}"/>) behind <c>[Authorize]</c>: refused before the first item.</summary>
public sealed class StreamingAuthorizationTests
{
    public sealed class Calls
    {
        public int Count;
    }

    [Service]
    [Authorize]
    public sealed class Ticker(Calls calls)
    {
        [Endpoint]
        public async IAsyncEnumerable<int> Ticks(int count, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls.Count);
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return i;
                await Task.Yield();
            }
        }
    }

    [Fact]
    public async Task StreamingEndpointBehindAuthorize_Answers401Problem_BeforeAnyItem()
    {
        var calls = new Calls();
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Ticker>().RegisterInstance("Calls", calls));

        var response = await host.PostAsync("/rpc/default/Ticker/Ticks", Callers.Anonymous, 3);

        await response.ShouldBeUnauthorizedAsync();
        calls.Count.Should().Be(0, "the stream was never started");
    }

    [Fact]
    public async Task StreamingEndpointBehindAuthorize_Answers401_BeforeAnyEvent_WhenTheClientAsksForServerSentEvents()
    {
        var calls = new Calls();
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Ticker>().RegisterInstance("Calls", calls));

        var response = await host.SendAsync(HttpMethod.Post, "/rpc/default/Ticker/Ticks", Callers.Anonymous,
            System.Net.Http.Json.JsonContent.Create(3), r => r.Headers.Accept.ParseAdd("text/event-stream"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be(TestAuthentication.SchemeName);
        (response.Content.Headers.ContentType?.MediaType).Should().NotBe("text/event-stream");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("data:");
        calls.Count.Should().Be(0);
    }

    [Fact]
    public async Task StreamingEndpointBehindAuthorize_StreamsNdjson_ToASignedInCaller()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Ticker>().RegisterInstance("Calls", new Calls()));

        var response = await host.PostAsync("/rpc/default/Ticker/Ticks", Callers.Viewer, 3);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-ndjson");
        (await response.Content.ReadAsStringAsync()).Should().Be("0\n1\n2\n");
    }

    [Fact]
    public async Task StreamingEndpointBehindAuthorize_StreamsEvents_ToASignedInCaller()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Ticker>().RegisterInstance("Calls", new Calls()));

        var response = await host.SendAsync(HttpMethod.Post, "/rpc/default/Ticker/Ticks", Callers.Viewer,
            System.Net.Http.Json.JsonContent.Create(2), r => r.Headers.Accept.ParseAdd("text/event-stream"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        (await response.Content.ReadAsStringAsync()).Should().Be("data: 0\n\ndata: 1\n\n");
    }
}
