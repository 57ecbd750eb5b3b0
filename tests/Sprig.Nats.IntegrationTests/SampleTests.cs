using OpenTelemetry.Trace;
using Sprig.Nats.IntegrationTests.Support;

namespace Sprig.Nats.IntegrationTests;

/// <summary>
/// samples/DynamoPipeline runs both ways with the same code: in one process, and as a worker, a processor and a frontend in three
/// processes that find each other over NATS (the processor injects the IVllmWorker contract, the frontend calls the processor by
/// address). The frontend's --once run calls its own HTTP API and prints the answer.
/// </summary>
public sealed class SampleTests
{
    private const string Answer = "GET /api/complete?prompt=hello -> {\"prompt\":\"hello\",\"tokens\":"
        + "[\"0:tiny-fake-llm\",\"1:says:\",\"2:hello\",\"3:is\",\"4:a\",\"5:fine\",\"6:prompt\",\"7:and\"]}";

    [Fact]
    public async Task DynamoPipeline_Answers_WhenRunAsOneProcess()
    {
        await using var pipeline = SampleProcess.Start("DynamoPipeline", "pipeline", "--once");

        (await pipeline.WaitForExitAsync(Deadlines.WorkerReady)).Should().Be(0, pipeline.Describe());
        pipeline.Output.Lines.Should().Contain(Answer, pipeline.Describe());
    }

    [Fact]
    public async Task DynamoPipeline_ShowsItsDiagnostics_InDevelopment_AndKeepsThemClosedOtherwise()
    {
        await using var development = SampleProcess.Start("DynamoPipeline", "development", "--once", "--environment=Development");
        await using var production = SampleProcess.Start("DynamoPipeline", "production", "--once");

        (await development.WaitForExitAsync(Deadlines.WorkerReady)).Should().Be(0, development.Describe());
        development.Output.Lines.Should().Contain(
            "GET /sprig/health -> 200 {\"status\":\"Healthy\",\"context\":\"Running\",\"checks\":[{\"name\":\"context\",\"status\":\"Healthy\","
            + "\"description\":\"The application context is Running.\",\"durationMs\":0}]}", development.Describe());
        development.Output.Lines.Should().Contain("GET /sprig/mappings -> NATS subjects: ", "without Sprig:Nats:Url nothing is served over NATS");
        (await production.WaitForExitAsync(Deadlines.WorkerReady)).Should().Be(0, production.Describe());
        production.Output.Lines.Should().Contain(l => l.StartsWith("Diagnostics: http://127.0.0.1:", StringComparison.Ordinal)
            && l.EndsWith("/sprig needs a signed-in user in Production; run with --environment=Development to open it.", StringComparison.Ordinal), production.Describe());
    }

    [Fact]
    public async Task DynamoPipeline_ShowsTheNatsConnectionAndSubjectsInItsDiagnostics_WhenItServesOverNats()
    {
        await using var nats = await NatsServer.StartAsync();
        await using var pipeline = SampleProcess.Start("DynamoPipeline", "pipeline", "--once", "--environment=Development", $"--Sprig:Nats:Url={nats.Url}");

        (await pipeline.WaitForExitAsync(Deadlines.WorkerReady)).Should().Be(0, pipeline.Describe());
        pipeline.Output.Lines.Should().Contain(Answer, pipeline.Describe());
        pipeline.Output.Lines.Should().Contain(l => l.StartsWith("GET /sprig/health -> 200 {\"status\":\"Healthy\",\"context\":\"Running\",", StringComparison.Ordinal)
            && l.Contains($"{{\"name\":\"nats\",\"status\":\"Healthy\",\"description\":\"NATS {nats.Url}: the connection is Open.\",\"durationMs\":", StringComparison.Ordinal), pipeline.Describe());
        pipeline.Output.Lines.Should().Contain(
            "GET /sprig/mappings -> NATS subjects: sprig.dynamo.processor.process, sprig.dynamo.vllmworker.generate", pipeline.Describe());
    }

    [Fact]
    public async Task DynamoPipeline_AnswersTheSame_WhenEachRoleRunsInItsOwnProcess()
    {
        await using var nats = await NatsServer.StartAsync();
        var url = $"--Sprig:Nats:Url={nats.Url}";
        await using var worker = SampleProcess.Start("DynamoPipeline", "worker", "--role", "worker", url);
        await using var processor = SampleProcess.Start("DynamoPipeline", "processor", "--role", "processor", url);
        await worker.WaitForLineAsync("worker: serving dynamo/VllmWorker/generate over NATS", Deadlines.WorkerReady);
        await processor.WaitForLineAsync("processor: serving dynamo/Processor/process over NATS", Deadlines.WorkerReady);

        await using var frontend = SampleProcess.Start("DynamoPipeline", "frontend", "--role", "frontend", url, "--once");

        (await frontend.WaitForExitAsync(Deadlines.WorkerReady)).Should().Be(0, frontend.Describe());
        frontend.Output.Lines.Should().Contain(Answer, "{0}\n{1}\n{2}", frontend.Describe(), processor.Describe(), worker.Describe());
        frontend.Output.Lines.Should().Contain(l => l.StartsWith("frontend: serving 0 endpoints on ", StringComparison.Ordinal), "the frontend serves no endpoint of its own")
            .And.NotContain(l => l.StartsWith("  POST /rpc/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DynamoPipeline_IsOneTrace_AcrossItsThreeProcesses()
    {
        await using var nats = await NatsServer.StartAsync();
        var url = $"--Sprig:Nats:Url={nats.Url}";
        await using var worker = SampleProcess.Start("DynamoPipeline", "worker", "--role", "worker", url, "--trace");
        await using var processor = SampleProcess.Start("DynamoPipeline", "processor", "--role", "processor", url, "--trace");
        await worker.WaitForLineAsync("worker: serving dynamo/VllmWorker/generate over NATS", Deadlines.WorkerReady);
        await processor.WaitForLineAsync("processor: serving dynamo/Processor/process over NATS", Deadlines.WorkerReady);

        await using var frontend = SampleProcess.Start("DynamoPipeline", "frontend", "--role", "frontend", url, "--once", "--trace");

        (await frontend.WaitForExitAsync(Deadlines.WorkerReady)).Should().Be(0, frontend.Describe());
        var calling = await SpanAsync(frontend, "dynamo/Processor/process", "Client");
        var processing = await SpanAsync(processor, "dynamo/Processor/process", "Server");
        var generating = await SpanAsync(processor, "dynamo/VllmWorker/generate", "Client");
        var generated = await SpanAsync(worker, "dynamo/VllmWorker/generate", "Server");
        new[] { processing, generating, generated }.Select(s => s.TraceId).Should().AllBe(calling.TraceId, "one request is one trace, in all three processes");
        processing.ParentSpanId.Should().Be(calling.SpanId, "the frontend's call is the parent of the processor's serving");
        generating.ParentSpanId.Should().Be(processing.SpanId, "the processor calls the worker while it serves");
        generated.ParentSpanId.Should().Be(generating.SpanId, "the processor's call is the parent of the worker's serving");
    }

    [Fact]
    public async Task DynamoPipeline_CalledFromThisProcess_IsOneTrace_WithTheCallersSpansReadFromAnInMemoryExporter()
    {
        await using var nats = await NatsServer.StartAsync();
        var url = $"--Sprig:Nats:Url={nats.Url}";
        await using var worker = SampleProcess.Start("DynamoPipeline", "worker", "--role", "worker", url, "--trace");
        await using var processor = SampleProcess.Start("DynamoPipeline", "processor", "--role", "processor", url, "--trace");
        await worker.WaitForLineAsync("worker: serving dynamo/VllmWorker/generate over NATS", Deadlines.WorkerReady);
        await processor.WaitForLineAsync("processor: serving dynamo/Processor/process over NATS", Deadlines.WorkerReady);
        var exported = new List<System.Diagnostics.Activity>();
        await using var caller = await Caller.ConnectAsync(nats);

        using (var tracing = OpenTelemetry.Sdk.CreateTracerProviderBuilder().AddSource("Sprig").AddInMemoryExporter(exported).Build())
        {
            var tokens = new List<string>();
            await foreach (var token in caller.Endpoints.StreamAsync("dynamo/Processor/process", Caller.Arguments(new { prompt = "hello world", maxTokens = 2 })))
            {
                tokens.Add(token.GetString()!);
            }

            tokens.Should().HaveCount(2);
            tracing.ForceFlush();
        }

        var calling = exported.Should().ContainSingle(a => a.DisplayName == "dynamo/Processor/process" && a.Kind == System.Diagnostics.ActivityKind.Client).Which;
        var processing = await SpanAsync(processor, "dynamo/Processor/process", "Server");
        var generated = await SpanAsync(worker, "dynamo/VllmWorker/generate", "Server");
        new[] { processing.TraceId, generated.TraceId }.Should().AllBe(calling.TraceId.ToHexString(), "one call is one trace, in all three processes");
        processing.ParentSpanId.Should().Be(calling.SpanId.ToHexString(), "this process's call is the parent of the processor's serving");
    }

    private sealed record Span(string TraceId, string SpanId, string? ParentSpanId, string Name, string Kind);

    /// <summary>Waits for a span printed by OpenTelemetry's console exporter (--trace) and returns it.</summary>
    private static async Task<Span> SpanAsync(SampleProcess process, string name, string kind)
    {
        bool Wanted(Span s) => s.Name == name && s.Kind == kind;
        await process.Output.WaitForAsync(_ => Spans(process.Output.Lines).Any(Wanted), $"the {kind} span {name}", Deadlines.WorkerReady, process.Describe);
        return Spans(process.Output.Lines).First(Wanted);
    }

    /// <summary>Reads the console exporter's blocks: "Activity.TraceId:", "Activity.SpanId:", ... "Activity.Kind:".</summary>
    private static List<Span> Spans(IReadOnlyList<string> lines)
    {
        var spans = new List<Span>();
        Dictionary<string, string>? fields = null;
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (!line.StartsWith("Activity.", StringComparison.Ordinal) || colon < 0)
            {
                continue;
            }

            var key = line[..colon];
            var value = line[(colon + 1)..].Trim();
            if (key == "Activity.TraceId")
            {
                fields = [];
            }

            if (fields is null)
            {
                continue;
            }

            fields[key] = value;
            if (key == "Activity.Kind")
            {
                spans.Add(new Span(fields["Activity.TraceId"], fields["Activity.SpanId"], fields.GetValueOrDefault("Activity.ParentSpanId"),
                    fields.GetValueOrDefault("Activity.DisplayName") ?? "", value));
                fields = null;
            }
        }

        return spans;
    }
}
