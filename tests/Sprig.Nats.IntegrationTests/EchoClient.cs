namespace Sprig.Nats.IntegrationTests;

/// <summary>A component of the calling process that takes a contract by constructor injection, like a Dynamo Processor its worker.</summary>
/// <param name="worker">The contract: the local component if this process has one, else a remote proxy.</param>
public sealed class EchoClient(IEchoWorker worker)
{
    public IEchoWorker Worker => worker;

    public Task<string> GreetAsync(string name) => worker.Echo($"hello {name}");
}

/// <summary>A component that takes the contract through [Inject] and [Lazy] members instead of its constructor.</summary>
public sealed class MemberEchoClient
{
    [Inject]
    public IEchoWorker Injected { get; set; } = null!;

    [Lazy]
    public IEchoWorker Deferred { get; set; } = null!;
}
