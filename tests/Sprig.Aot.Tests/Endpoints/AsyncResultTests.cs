using System.Runtime.CompilerServices;
using System.Text.Json;
using Sprig.Aot.Tests.Support;
using Sprig.Tests.Shared;

namespace Sprig.Aot.Tests.Endpoints;

/// <summary>
/// Endpoints returning Task&lt;T&gt;, ValueTask&lt;T&gt; and IAsyncEnumerable&lt;T&gt; with the reflection fallback off: the generated call
/// hands the result over boxed (GeneratedResults), and it is serialized as the declared T.
/// </summary>
public sealed class AsyncResultTests
{
    [Component(Namespace = "llm")]
    public sealed class Writer
    {
        [Endpoint]
        public async Task<string> Title(string topic)
        {
            await Task.Yield();
            return $"On {topic}";
        }

        [Endpoint]
        public ValueTask<GeneratedEndpointTests.Order> Reorder(string item) => ValueTask.FromResult(new GeneratedEndpointTests.Order(item, 1));

        [Endpoint]
        public Task<int> Ready() => Task.FromResult(7);

        [Endpoint]
        public async Task<int> Fail()
        {
            await Task.Yield();
            throw new TimeoutException("Too slow.");
        }

        [Endpoint("generate")]
        public async IAsyncEnumerable<string> Generate(string prompt, int count, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                yield return $"{prompt}-{i}";
            }
        }

        [Endpoint]
        public Chapters Outline(string topic) => new(topic, 3); // a class implementing IAsyncEnumerable<string>

        [Endpoint]
        public async IAsyncEnumerable<GeneratedEndpointTests.Order> Orders()
        {
            await Task.Yield();
            yield return new("tea", 1);
            yield return new("cake", 2);
        }
    }

    /// <summary>A stream that is a class of its own: the generator finds IAsyncEnumerable&lt;string&gt; among its interfaces.</summary>
    public sealed class Chapters(string topic, int count) : IAsyncEnumerable<string>
    {
        public async IAsyncEnumerator<string> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            for (var i = 1; i <= count; i++)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                yield return $"{topic} {i}";
            }
        }
    }

    private static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);

    private static ApplicationContext Refreshed()
    {
        var context = Contexts.Create(new PendingRegistry().RegisterInstance("json", AotJson.Default).Register<Writer>());
        context.Refresh();
        return context;
    }

    [Fact]
    public async Task InvokeAsync_ReturnsTheResult_OfTaskAndValueTaskOfT()
    {
        using var context = Refreshed();

        (await context.Endpoints.InvokeAsync("llm/Writer/Title", Json("\"tea\""))).GetString().Should().Be("On tea");
        (await context.Endpoints.InvokeAsync("llm/Writer/Ready", default)).GetInt32().Should().Be(7);
        (await context.Endpoints.InvokeAsync("llm/Writer/Reorder", Json("\"tea\""))).GetRawText().Should().Be("""{"item":"tea","quantity":1}""");
    }

    [Fact]
    public async Task InvokeAsync_PropagatesTheEndpointsOwnException_FromATaskOfT()
    {
        using var context = Refreshed();

        var act = () => context.Endpoints.InvokeAsync("llm/Writer/Fail", default);

        (await act.Should().ThrowExactlyAsync<TimeoutException>()).WithMessage("Too slow.");
    }

    [Fact]
    public async Task StreamAsync_YieldsEachItemAsJson()
    {
        using var context = Refreshed();

        var tokens = await context.Endpoints.StreamAsync("llm/Writer/generate", Json("""{"prompt":"tok","count":3}""")).ToListAsync();
        var orders = await context.Endpoints.StreamAsync("llm/Writer/Orders", default).ToListAsync();

        tokens.Select(t => t.GetString()).Should().Equal("tok-0", "tok-1", "tok-2");
        orders.Select(o => o.GetRawText()).Should().Equal("""{"item":"tea","quantity":1}""", """{"item":"cake","quantity":2}""");
    }

    [Fact]
    public async Task StreamAsync_YieldsEachItem_OfAClassImplementingIAsyncEnumerable()
    {
        using var context = Refreshed();

        var chapters = await context.Endpoints.StreamAsync("llm/Writer/Outline", Json("\"tea\"")).ToListAsync();

        chapters.Select(c => c.GetString()).Should().Equal("tea 1", "tea 2", "tea 3");
        context.Endpoints.Find("llm/Writer/Outline").Should().BeEquivalentTo(new { IsStreaming = true, ResultType = typeof(string) });
    }

    [Fact]
    public async Task InvokeAsync_Throws_TheJitMessage_WhenTheEndpointReturnsAClassImplementingIAsyncEnumerable()
    {
        using var context = Refreshed();

        var act = () => context.Endpoints.InvokeAsync("llm/Writer/Outline", Json("\"tea\""));

        (await act.Should().ThrowAsync<ContainerException>()).Which.Message.Should().Be(
            "Endpoint 'llm/Writer/Outline' streams its results (it returns AsyncResultTests.Chapters), so InvokeAsync cannot call it. "
            + "Call StreamAsync and enumerate the items.");
    }

    [Fact]
    public async Task StreamAsync_StopsWhenTheCallersTokenIsCancelled()
    {
        using var context = Refreshed();

        var (received, failure) = await StreamCancellation.CancelAfterAsync(
            token => context.Endpoints.StreamAsync("llm/Writer/generate", Json("""{"prompt":"t","count":1000}"""), token), 2);

        failure.Should().BeAssignableTo<OperationCanceledException>();
        received.Should().Equal("t-0", "t-1");
    }

    [Fact]
    public async Task InvokeAsync_Throws_TheJitMessage_WhenTheEndpointStreams()
    {
        using var context = Refreshed();

        var act = () => context.Endpoints.InvokeAsync("llm/Writer/generate", Json("""{"prompt":"t","count":1}"""));

        (await act.Should().ThrowAsync<ContainerException>()).Which.Message.Should().Be(
            "Endpoint 'llm/Writer/generate' streams its results (it returns IAsyncEnumerable<string>), so InvokeAsync cannot call it. "
            + "Call StreamAsync and enumerate the items.");
    }

    [Fact]
    public async Task StreamAsync_Throws_TheJitMessage_WhenAnArgumentIsMissing()
    {
        using var context = Refreshed();

        var act = async () => await context.Endpoints.StreamAsync("llm/Writer/generate", Json("""{"prompt":"t"}""")).ToListAsync();

        (await act.Should().ThrowAsync<EndpointBindingException>()).Which.Message.Should().Be(
            "Endpoint 'llm/Writer/generate' needs parameter 'count' (int) at '$.count', but the arguments object does not have it. "
            + "Send it as \"count\", or give the parameter a default value to make it optional.");
    }
}
