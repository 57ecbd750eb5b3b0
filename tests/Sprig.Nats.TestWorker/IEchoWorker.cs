namespace Sprig.Nats.TestWorker;

/// <summary>
/// The contract of the component "test/EchoWorker": one method of each shape a contract may have. Served by
/// <see cref="EchoWorker"/> in the worker process; the tests call it through a typed proxy.
/// </summary>
[ComponentContract(Namespace = "test")]
public interface IEchoWorker
{
    /// <summary>Returns the text (Task&lt;T&gt;).</summary>
    Task<string> Echo(string text);

    /// <summary>Adds two numbers (ValueTask&lt;T&gt; with the caller's token).</summary>
    ValueTask<int> Add(int a, int b, CancellationToken cancellationToken = default);

    /// <summary>Prints "TOUCHED {tag}" in the worker (Task, no result).</summary>
    Task Touch(string tag);

    /// <summary>Returns the serving process's id, so a test sees which worker answered (renamed endpoint "whoami").</summary>
    [Endpoint("whoami")]
    Task<int> WhoAmI();

    /// <summary>Streams 0 .. count-1.</summary>
    IAsyncEnumerable<int> Count(int count, CancellationToken cancellationToken = default);

    /// <summary>Throws <see cref="InvalidOperationException"/> with the message.</summary>
    Task<string> Fail(string message);

    /// <summary>Returns the length of the text: a call whose request can be made as large as a test needs.</summary>
    Task<int> Measure(string text);

    /// <summary>Returns a string of <paramref name="length"/> 'x': a call whose answer can be made as large as a test needs.</summary>
    Task<string> Make(int length);
}
