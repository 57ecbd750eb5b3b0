using System.Diagnostics;

namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>
/// A real worker process (tests/Sprig.Nats.TestWorker) serving the test contracts over a <see cref="NatsServer"/>. Started with
/// <c>dotnet Sprig.Nats.TestWorker.dll --Sprig:Nats:Url=...</c>; <see cref="StartAsync"/> returns once it printed
/// <c>READY {pid}</c>, i.e. once its Refresh returned. Its stdout and stderr are kept for failure messages; it is killed when
/// disposed if it is still running.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private const string Dll = "Sprig.Nats.TestWorker.dll";
    private readonly Process _process;
    private readonly OutputLines _stderr = new();

    private WorkerProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>Gets the name the test gave the worker, for messages.</summary>
    public string Name { get; }

    /// <summary>Gets the process id, which the worker's whoami endpoint returns.</summary>
    public int Pid => _process.Id;

    /// <summary>Gets the lines the worker printed to stdout.</summary>
    public OutputLines Output { get; } = new();

    /// <summary>Gets whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts a worker and waits for its READY line.</summary>
    /// <param name="nats">The server it connects to.</param>
    /// <param name="name">A name for messages ("A", "B").</param>
    /// <param name="environment">DOTNET_ENVIRONMENT of the worker: "Development" sends exception details to callers.</param>
    /// <param name="settings">More configuration, as "Key=Value" (e.g. "Sprig:Nats:MaxConcurrency=4").</param>
    public static async Task<WorkerProcess> StartAsync(NatsServer nats, string name = "worker", string environment = "Production", params string[] settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, Dll);
        if (!File.Exists(dll) || !File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
        {
            throw new InvalidOperationException($"{dll} (with its .runtimeconfig.json) is missing: build tests/Sprig.Nats.IntegrationTests, which references the worker project.");
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"--Sprig:Nats:Url={nats.Url}");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add($"--{setting}");
        }

        // Only what the test says: nothing inherited from the machine decides where the worker connects or what it reveals.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Sprig__", StringComparison.OrdinalIgnoreCase) || k.EndsWith("_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process, name);
        process.OutputDataReceived += (_, e) => Collect(worker.Output, e.Data, $"Worker {name} exited");
        process.ErrorDataReceived += (_, e) => Collect(worker._stderr, e.Data, $"Worker {name} exited");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await worker.WaitForLineAsync($"READY {process.Id}", Deadlines.WorkerReady);
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }

        return worker;
    }

    /// <summary>Waits for a stdout line that starts with <paramref name="prefix"/> (past or future).</summary>
    public Task<string> WaitForLineAsync(string prefix, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Output.WaitForAsync(l => l.StartsWith(prefix, StringComparison.Ordinal), $"worker {Name} to print '{prefix}'", timeout ?? Deadlines.Line, Describe, cancellationToken);

    /// <summary>Waits until one of the workers prints a line that starts with <paramref name="prefix"/>, and returns that worker.</summary>
    public static async Task<WorkerProcess> FirstToPrintAsync(string prefix, params WorkerProcess[] workers)
    {
        using var others = new CancellationTokenSource();
        var waits = workers.Select(w => w.WaitForLineAsync(prefix, cancellationToken: others.Token)).ToList();
        var first = await Task.WhenAny(waits);
        await others.CancelAsync();
        await first;
        foreach (var wait in waits.Where(w => w != first))
        {
            try
            {
                await wait;
            }
            catch (OperationCanceledException)
            {
                // The other workers' waits are abandoned.
            }
        }

        return workers[waits.IndexOf(first)];
    }

    /// <summary>Counts the stdout lines so far that start with <paramref name="prefix"/>.</summary>
    public int CountLines(string prefix) => Output.Count(l => l.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Writes a command line to the worker's stdin ("release {gate} {count}").</summary>
    public async Task SendAsync(string command)
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(command);
            await _process.StandardInput.FlushAsync();
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"Worker {Name} no longer reads its stdin, so it cannot take '{command}'.\n{Describe()}", ex);
        }
    }

    /// <summary>Lets <paramref name="count"/> held calls of a gate go, and waits until the worker confirms it.</summary>
    public async Task ReleaseAsync(string gate, int count = 1)
    {
        var confirmations = CountLines($"RELEASED {gate} ");
        await SendAsync($"release {gate} {count}");
        await Output.WaitForAsync(
            l => l.StartsWith($"RELEASED {gate} ", StringComparison.Ordinal) && CountLines($"RELEASED {gate} ") > confirmations,
            $"worker {Name} to release gate '{gate}'", Deadlines.Line, Describe);
    }

    /// <summary>Kills the worker with SIGKILL (no shutdown, no drain: a crash) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM: the worker shuts down gracefully (drains) and exits.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", Pid.ToString() }, UseShellExecute = false })!;
        await kill.WaitForExitAsync().WaitAsync(Deadlines.Exit);
        kill.ExitCode.Should().Be(0, "kill -TERM {0} must reach worker {1}", Pid, Name);
    }

    /// <summary>Closes stdin, which makes the worker shut down gracefully, and waits for it to exit.</summary>
    public async Task<int> StopAsync()
    {
        _process.StandardInput.Close();
        return await WaitForExitAsync();
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(Deadlines.Exit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Worker {Name} did not exit within {Deadlines.Exit.TotalSeconds} s.\n{Describe()}");
        }

        return _process.ExitCode;
    }

    /// <summary>Describes the worker for failure messages: pid, state, and its recent stdout and stderr.</summary>
    public string Describe() =>
        $"worker {Name} (pid {Pid}{(_process.HasExited ? $", exited with {_process.ExitCode}" : ", running")})\n"
        + $" stdout:\n{Output.Text()} stderr:\n{_stderr.Text(30)}";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(Deadlines.Exit);
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static void Collect(OutputLines lines, string? line, string closed)
    {
        if (line is null)
        {
            lines.Close(closed);
        }
        else
        {
            lines.Add(line);
        }
    }
}
