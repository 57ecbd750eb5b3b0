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
}
