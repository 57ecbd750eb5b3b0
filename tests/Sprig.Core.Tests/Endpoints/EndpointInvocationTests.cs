using System.Runtime.CompilerServices;
using System.Text.Json;
using Sprig.Tests.Shared;
using Sprig.Tests.Support;

namespace Sprig.Tests.Endpoints;

/// <summary>Calling endpoints in-process: every return shape, binding from JSON, cancellation, streaming, and binding errors.</summary>
public sealed class EndpointInvocationTests
{
    public sealed record Point(int X, int Y);

    public sealed record Rect(int Width, int Height);

    public sealed class Badge
    {
        public required int Id { get; init; }

        public string Label { get; init; } = "";
    }

    public sealed class Shapes(Journal journal)
    {
        [Endpoint]
        public int Value() => 42;

        [Endpoint]
        public async Task<string> TaskOfT()
        {
            await Task.Yield();
            return "task";
        }

        [Endpoint]
        public ValueTask<double> ValueTaskOfT() => ValueTask.FromResult(1.5);

        [Endpoint]
        public Point Record() => new(1, 2);

        [Endpoint]
        public string? Nothing() => null;

        [Endpoint]
        public void Void() => journal.Write("Void");

        [Endpoint]
        public async Task TaskOnly()
        {
            await Task.Yield();
            journal.Write("TaskOnly");
        }

        [Endpoint]
        public async ValueTask ValueTaskOnly()
        {
            await Task.Yield();
            journal.Write("ValueTaskOnly");
        }

        [Endpoint]
        public static string Static() => "static";
    }

    public sealed class Binder
    {
        [Endpoint]
        public int Negate(int value) => -value;

        [Endpoint]
        public int Area(Rect rect) => rect.Width * rect.Height;

        [Endpoint]
        public int Add(int firstNumber, int secondNumber) => firstNumber + secondNumber;

        [Endpoint]
        public string Greet(string name, string greeting = "Hello", string? title = null, int? times = null) =>
            $"{greeting}, {(title is null ? "" : title + " ")}{name}{(times is null ? "" : $" x{times}")}";

        [Endpoint]
        public int Start(int start = 7) => start;

        [Endpoint]
        public string Place(Rect rect, string label) => $"{label}: {rect.Width}x{rect.Height}";

        [Endpoint]
        public string Shout(string text, CancellationToken cancellationToken) => text.ToUpperInvariant();

        [Endpoint]
        public int Total(List<int> values, int scale) => values.Sum() * scale;

        [Endpoint]
        public string Badge(Badge badge) => badge.Label;

        [Endpoint]
        public DayOfWeek Day(DayOfWeek day = DayOfWeek.Friday) => day;
    }

    public sealed class Waiter
    {
        public TaskCompletionSource<CancellationToken> Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        [Endpoint]
        public async Task<string> Wait(string label, CancellationToken cancellationToken)
        {
            Entered.SetResult(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return label;
        }
    }

    [Component(Namespace = "llm")]
    public sealed class Worker
    {
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
        public async IAsyncEnumerable<Point> Points()
        {
            await Task.Yield();
            yield return new Point(1, 2);
            yield return new Point(3, 4);
        }

        [Endpoint]
        public Chapters Outline(string topic) => new(topic, 3); // a class implementing IAsyncEnumerable<string>: a stream too

        [Endpoint]
        public int Unary() => 1;
    }

    /// <summary>A stream that is a class of its own.</summary>
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

    public sealed class Failing
    {
        [Endpoint]
        public void Throw() => throw new InvalidOperationException("Boom.");

        [Endpoint]
        public async Task<int> ThrowAsync()
        {
            await Task.Yield();
            throw new TimeoutException("Too slow.");
        }
    }

    private static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);

    private static ApplicationContext Refreshed(params Type[] types)
    {
        var registry = Contexts.Registry(types);
        registry.RegisterInstance("journal", new Journal());
        var context = Contexts.Create(registry);
        context.Refresh();
        return context;
    }

    [Fact]
    public async Task InvokeAsync_ReturnsJson_ForEachReturnShape()
    {
        using var context = Refreshed(typeof(Shapes));
        var endpoints = context.Endpoints;

        (await endpoints.InvokeAsync("default/Shapes/Value", default)).GetInt32().Should().Be(42);
        (await endpoints.InvokeAsync("default/Shapes/TaskOfT", default)).GetString().Should().Be("task");
        (await endpoints.InvokeAsync("default/Shapes/ValueTaskOfT", default)).GetDouble().Should().Be(1.5);
        (await endpoints.InvokeAsync("default/Shapes/Record", default)).GetRawText().Should().Be("""{"x":1,"y":2}""");
        (await endpoints.InvokeAsync("default/Shapes/Nothing", default)).ValueKind.Should().Be(JsonValueKind.Null);
        (await endpoints.InvokeAsync("default/Shapes/Static", default)).GetString().Should().Be("static");
    }

    [Fact]
    public async Task InvokeAsync_ReturnsUndefined_ForVoidTaskAndValueTask()
    {
        using var context = Refreshed(typeof(Shapes));
        var journal = context.Get<Journal>();

        (await context.Endpoints.InvokeAsync("default/Shapes/Void", default)).ValueKind.Should().Be(JsonValueKind.Undefined);
        (await context.Endpoints.InvokeAsync("default/Shapes/TaskOnly", default)).ValueKind.Should().Be(JsonValueKind.Undefined);
        (await context.Endpoints.InvokeAsync("default/Shapes/ValueTaskOnly", default)).ValueKind.Should().Be(JsonValueKind.Undefined);

        journal.Entries.Should().Equal("Void", "TaskOnly", "ValueTaskOnly");
    }

    [Fact]
    public async Task InvokeAsync_BindsSingleParameter_FromTheWholeArguments()
    {
        using var context = Refreshed(typeof(Binder));

        (await context.Endpoints.InvokeAsync("default/Binder/Negate", Json("5"))).GetInt32().Should().Be(-5);
        (await context.Endpoints.InvokeAsync("default/Binder/Area", Json("""{"width":2,"Height":3}"""))).GetInt32().Should().Be(6);
        (await context.Endpoints.InvokeAsync("default/Binder/Shout", Json("\"hi\""))).GetString().Should().Be("HI");
    }

    [Fact]
    public async Task InvokeAsync_BindsNamedParameters_CamelCaseAndIgnoringCase()
    {
        using var context = Refreshed(typeof(Binder));

        (await context.Endpoints.InvokeAsync("default/Binder/Add", Json("""{"firstNumber":1,"secondNumber":2}"""))).GetInt32().Should().Be(3);
        (await context.Endpoints.InvokeAsync("default/Binder/Add", Json("""{"SECONDNUMBER":5,"FirstNumber":1,"unknown":true}"""))).GetInt32().Should().Be(6);
        (await context.Endpoints.InvokeAsync("default/Binder/Place", Json("""{"label":"box","rect":{"width":2,"height":3}}"""))).GetString().Should().Be("box: 2x3");
    }

    [Fact]
    public async Task InvokeAsync_UsesDefaults_ForMissingOptionalParameters()
    {
        using var context = Refreshed(typeof(Binder));

        (await context.Endpoints.InvokeAsync("default/Binder/Greet", Json("""{"name":"Ada"}"""))).GetString().Should().Be("Hello, Ada");
        (await context.Endpoints.InvokeAsync("default/Binder/Greet", Json("""{"name":"Ada","greeting":"Hi","title":"Dr","times":2}""")))
            .GetString().Should().Be("Hi, Dr Ada x2");
        (await context.Endpoints.InvokeAsync("default/Binder/Start", default)).GetInt32().Should().Be(7);
        (await context.Endpoints.InvokeAsync("default/Binder/Start", Json("3"))).GetInt32().Should().Be(3);
        (await context.Endpoints.InvokeAsync("default/Binder/Day", default)).GetInt32().Should().Be((int)DayOfWeek.Friday);
    }

    [Fact]
    public async Task InvokeAsync_PassesTheCallersToken_AndPropagatesCancellation()
    {
        using var context = Refreshed(typeof(Waiter));
        using var cancellation = new CancellationTokenSource();
        var waiter = context.Get<Waiter>();

        var call = context.Endpoints.InvokeAsync("default/Waiter/Wait", Json("\"x\""), cancellation.Token);
        var received = await waiter.Entered.Task;
        call.IsCompleted.Should().BeFalse();
        await cancellation.CancelAsync();

        received.Should().Be(cancellation.Token);
        await call.Invoking(c => c).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task StreamAsync_YieldsEachItemAsJson()
    {
        using var context = Refreshed(typeof(Worker));

        var tokens = await context.Endpoints.StreamAsync("llm/Worker/generate", Json("""{"prompt":"tok","count":3}""")).ToListAsync();
        var points = await context.Endpoints.StreamAsync("llm/Worker/Points", default).ToListAsync();

        tokens.Select(t => t.GetString()).Should().Equal("tok-0", "tok-1", "tok-2");
        points.Select(p => p.GetRawText()).Should().Equal("""{"x":1,"y":2}""", """{"x":3,"y":4}""");
    }

    [Fact]
    public async Task StreamAsync_YieldsEachItem_OfAClassImplementingIAsyncEnumerable()
    {
        using var context = Refreshed(typeof(Worker));

        var chapters = await context.Endpoints.StreamAsync("llm/Worker/Outline", Json("\"tea\"")).ToListAsync();

        chapters.Select(c => c.GetString()).Should().Equal("tea 1", "tea 2", "tea 3");
        context.Endpoints.Find("llm/Worker/Outline").Should().BeEquivalentTo(new { IsStreaming = true, ResultType = typeof(string) });
    }

    [Fact]
    public async Task StreamAsync_StopsWhenTheCallersTokenIsCancelled()
    {
        using var context = Refreshed(typeof(Worker));

        var (received, failure) = await StreamCancellation.CancelAfterAsync(
            token => context.Endpoints.StreamAsync("llm/Worker/generate", Json("""{"prompt":"t","count":1000}"""), token), 2);

        failure.Should().BeAssignableTo<OperationCanceledException>();
        received.Should().Equal("t-0", "t-1");
    }

    [Fact]
    public async Task InvokeAsync_Throws_WhenEndpointStreams()
    {
        using var context = Refreshed(typeof(Worker));

        var act = () => context.Endpoints.InvokeAsync("llm/Worker/generate", Json("""{"prompt":"t","count":1}"""));

        (await act.Should().ThrowAsync<ContainerException>()).Which.Message.Should().Be(
            "Endpoint 'llm/Worker/generate' streams its results (it returns IAsyncEnumerable<string>), so InvokeAsync cannot call it. "
            + "Call StreamAsync and enumerate the items.");
    }

    [Fact]
    public void StreamAsync_Throws_WhenEndpointDoesNotStream()
    {
        using var context = Refreshed(typeof(Worker), typeof(Shapes));

        var unary = () => context.Endpoints.StreamAsync("llm/Worker/Unary", default);
        var none = () => context.Endpoints.StreamAsync("default/Shapes/Void", default);

        unary.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Endpoint 'llm/Worker/Unary' returns a single int, so StreamAsync cannot call it. "
            + "Call InvokeAsync, or make the method return IAsyncEnumerable<T> to stream.");
        none.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Endpoint 'default/Shapes/Void' returns no result, so StreamAsync cannot call it. "
            + "Call InvokeAsync, or make the method return IAsyncEnumerable<T> to stream.");
    }

    [Fact]
    public async Task InvokeAsync_PropagatesTheEndpointsOwnException()
    {
        using var context = Refreshed(typeof(Failing));

        var sync = () => context.Endpoints.InvokeAsync("default/Failing/Throw", default);
        var async = () => context.Endpoints.InvokeAsync("default/Failing/ThrowAsync", default);

        (await sync.Should().ThrowExactlyAsync<InvalidOperationException>()).WithMessage("Boom.");
        (await async.Should().ThrowExactlyAsync<TimeoutException>()).WithMessage("Too slow.");
    }

    [Fact]
    public async Task InvokeAsync_Throws_WhenRequiredNamedParameterIsMissing()
    {
        using var context = Refreshed(typeof(Binder));

        var act = () => context.Endpoints.InvokeAsync("default/Binder/Add", Json("""{"firstNumber":1}"""));

        var error = (await act.Should().ThrowAsync<EndpointBindingException>()).Which;
        error.Message.Should().Be(
            "Endpoint 'default/Binder/Add' needs parameter 'secondNumber' (int) at '$.secondNumber', but the arguments object does not have it. "
            + "Send it as \"secondNumber\", or give the parameter a default value to make it optional.");
        error.ParameterName.Should().Be("secondNumber");
        error.JsonPath.Should().Be("$.secondNumber");
        error.Address.Should().Be("default/Binder/Add");
        error.ComponentName.Should().Be("Binder");
    }

    [Fact]
    public async Task InvokeAsync_Throws_WhenSingleRequiredParameterIsMissing()
    {
        using var context = Refreshed(typeof(Binder));

        var act = () => context.Endpoints.InvokeAsync("default/Binder/Negate", default);

        var error = (await act.Should().ThrowAsync<EndpointBindingException>()).Which;
        error.Message.Should().Be(
            "Endpoint 'default/Binder/Negate' needs parameter 'value' (int), but no arguments were sent. "
            + "Send its value as the arguments, or give the parameter a default value to make it optional.");
        error.JsonPath.Should().Be("$");
    }

    [Fact]
    public async Task InvokeAsync_Throws_WhenNamedParameterHasWrongType()
    {
        using var context = Refreshed(typeof(Binder));

        var act = () => context.Endpoints.InvokeAsync("default/Binder/Add", Json("""{"firstNumber":"one","secondNumber":2}"""));

        var error = (await act.Should().ThrowAsync<EndpointBindingException>()).Which;
        error.Message.Should().Be(
            "Endpoint 'default/Binder/Add' cannot bind parameter 'firstNumber' (int): the JSON at '$.firstNumber' is a string, "
            + "which does not convert to int. Send a valid int there.");
        error.ParameterName.Should().Be("firstNumber");
        error.JsonPath.Should().Be("$.firstNumber");
        error.InnerException.Should().BeAssignableTo<JsonException>();
    }

    [Fact]
    public async Task InvokeAsync_Throws_WithNestedPath_WhenAMemberHasWrongType()
    {
        using var context = Refreshed(typeof(Binder));

        var named = () => context.Endpoints.InvokeAsync("default/Binder/Place", Json("""{"label":"box","rect":{"width":"wide","height":3}}"""));
        var single = () => context.Endpoints.InvokeAsync("default/Binder/Area", Json("""{"width":2,"height":true}"""));
        var element = () => context.Endpoints.InvokeAsync("default/Binder/Total", Json("""{"values":[1,2,{"n":3}],"scale":2}"""));

        var error = (await named.Should().ThrowAsync<EndpointBindingException>()).Which;
        error.Message.Should().Be(
            "Endpoint 'default/Binder/Place' cannot bind parameter 'rect' (EndpointInvocationTests.Rect): the JSON at '$.rect.width' is a string, "
            + "which does not convert to int. Send a valid int there.");
        error.JsonPath.Should().Be("$.rect.width");
        error.ParameterName.Should().Be("rect");
        (await single.Should().ThrowAsync<EndpointBindingException>()).Which.Message.Should().Be(
            "Endpoint 'default/Binder/Area' cannot bind parameter 'rect' (EndpointInvocationTests.Rect): the JSON at '$.height' is a boolean, "
            + "which does not convert to int. Send a valid int there.");
        (await element.Should().ThrowAsync<EndpointBindingException>()).Which.Message.Should().Be(
            "Endpoint 'default/Binder/Total' cannot bind parameter 'values' (List<int>): the JSON at '$.values[2]' is an object, "
            + "which does not convert to int. Send a valid int there.");
    }

    [Fact]
    public async Task InvokeAsync_Throws_WithTheSerializersReason_WhenTheValueIsNotAKindMismatch()
    {
        using var context = Refreshed(typeof(Binder));

        var act = () => context.Endpoints.InvokeAsync("default/Binder/Badge", Json("""{"label":"x"}"""));

        (await act.Should().ThrowAsync<EndpointBindingException>()).Which.Message.Should().Be(
            "Endpoint 'default/Binder/Badge' cannot bind parameter 'badge' (EndpointInvocationTests.Badge): the JSON at '$' does not fit "
            + "(JSON deserialization for type 'Sprig.Tests.Endpoints.EndpointInvocationTests+Badge' was missing required properties including: 'id'). "
            + "Send a JSON value that converts to EndpointInvocationTests.Badge.");
    }

    [Fact]
    public async Task InvokeAsync_Throws_WhenSeveralParametersAreNotAnObject()
    {
        using var context = Refreshed(typeof(Binder));

        var act = () => context.Endpoints.InvokeAsync("default/Binder/Add", Json("[1, 2]"));

        var error = (await act.Should().ThrowAsync<EndpointBindingException>()).Which;
        error.Message.Should().Be(
            "Endpoint 'default/Binder/Add' takes 2 parameters (firstNumber, secondNumber), so its arguments must be a JSON object of named parameters "
            + "(camelCase), e.g. {\"firstNumber\": ..., \"secondNumber\": ...}, but they are a JSON array.");
        error.ParameterName.Should().BeNull();
        error.JsonPath.Should().Be("$");
    }

    [Fact]
    public void MalformedJson_NamesTheParameterAndWhereTheJsonBroke()
    {
        using var context = Refreshed(typeof(Binder));
        var endpoint = context.Endpoints.Find("default/Binder/Negate")!;
        var parse = () => JsonDocument.Parse("{\"value\": }");
        var cause = parse.Should().Throw<JsonException>().Which;

        var error = EndpointBindingException.MalformedJson(endpoint, cause);

        error.Message.Should().Be(
            "The arguments of endpoint 'default/Binder/Negate' are not valid JSON: '}' is an invalid start of a value (at '$', line 1, byte 11). "
            + "Send the single parameter's value, or an object of named parameters (camelCase).");
        error.ParameterName.Should().Be("value");
        error.JsonPath.Should().Be("$");
        error.InnerException.Should().BeSameAs(cause);
    }

    [Fact]
    public async Task InvokeAsync_Throws_WhenContextIsNotRunning()
    {
        var context = Refreshed(typeof(Binder));
        var endpoints = context.Endpoints;
        await context.ShutdownAsync();

        var act = () => endpoints.InvokeAsync("default/Binder/Negate", Json("1"));

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be(
            "Cannot call endpoint 'default/Binder/Negate': the context is Stopped. Call endpoints only between Refresh() and Shutdown().");
    }
}
