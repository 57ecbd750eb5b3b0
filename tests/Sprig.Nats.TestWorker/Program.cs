using System.Runtime.InteropServices;
using Sprig;
using Sprig.Nats;
using Sprig.Nats.TestWorker;

// A worker process of the multi-process tests. Configuration comes from the arguments (--Sprig:Nats:Url=nats://127.0.0.1:PORT,
// --Sprig:Nats:MaxConcurrency=4, ...). Prints "READY {pid}" once Refresh has returned (the endpoints are then being served),
// and stops cleanly — a graceful shutdown that drains the calls in flight — when stdin closes or on SIGTERM / SIGINT.
// stdin commands: "release {gate} {count}".
var registry = new PendingRegistry()
    .Register<WorkerState>()
    .Register<EchoWorker>()
    .Register<HoldWorker>()
    .Register<StreamWorker>()
    .AddNats();
await using var context = new ApplicationContext(registry, SprigConfiguration.CreateDefault(args));
await context.RefreshAsync();

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
void OnSignal(PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.TrySetResult();
}

using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
var state = context.Get<WorkerState>();
new Thread(() => ReadCommands(state, stop)) { IsBackground = true, Name = "stdin commands" }.Start();

WorkerState.Say($"READY {Environment.ProcessId}");
await stop.Task;
WorkerState.Say($"STOPPING {Environment.ProcessId}");
await context.ShutdownAsync();
WorkerState.Say($"STOPPED {Environment.ProcessId}");
return 0;

// Reads commands until stdin closes, which stops the worker. Keeps reading during shutdown, so that a test can release calls
// that are being drained.
static void ReadCommands(WorkerState state, TaskCompletionSource stop)
{
    while (Console.In.ReadLine() is { } line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is ["release", var gate, var count] && int.TryParse(count, out var n))
        {
            state.Release(gate, n);
            WorkerState.Say($"RELEASED {gate} {n}");
        }
        else if (words.Length > 0)
        {
            Console.Error.WriteLine($"Unknown command '{line}'. Commands: release {{gate}} {{count}}.");
        }
    }

    stop.TrySetResult();
}
