using System.Diagnostics;

namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>
/// A sample program of the repository (samples/{name}) run as a real process with <c>dotnet {name}.dll args…</c> from its own
/// build output, the way the README runs it. Its stdout is kept for assertions; it is killed when disposed if still running.
/// </summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputLines _stderr = new();

    private SampleProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public OutputLines Output { get; } = new();

    /// <summary>Starts samples/{sample} with the given arguments.</summary>
    public static SampleProcess Start(string sample, string name, params string[] arguments)
    {
        var dll = Locate(sample);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Sprig__", StringComparison.OrdinalIgnoreCase) || k.EndsWith("_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var sampleProcess = new SampleProcess(process, name);
        process.OutputDataReceived += (_, e) => Collect(sampleProcess.Output, e.Data, $"{name} exited");
        process.ErrorDataReceived += (_, e) => Collect(sampleProcess._stderr, e.Data, $"{name} exited");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sampleProcess;
    }

    /// <summary>Waits for a stdout line that starts with <paramref name="prefix"/> and returns it.</summary>
    public Task<string> WaitForLineAsync(string prefix, TimeSpan timeout) =>
        Output.WaitForAsync(l => l.StartsWith(prefix, StringComparison.Ordinal), $"{Name} to print '{prefix}'", timeout, Describe);

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds} s.\n{Describe()}");
        }

        return _process.ExitCode;
    }

    public string Describe() =>
        $"{Name} (pid {_process.Id}{(_process.HasExited ? $", exited with {_process.ExitCode}" : ", running")})\n stdout:\n{Output.Text()} stderr:\n{_stderr.Text(30)}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Finds samples/{sample}/bin/{configuration}/{framework}/{sample}.dll, built as a project reference of this test project.</summary>
    private static string Locate(string sample)
    {
        // This project's output is tests/Sprig.Nats.IntegrationTests/bin/{configuration}/{framework}/.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Container.sln")))
        {
            root = root.Parent;
        }

        var dll = root is null ? null : Path.Combine(root.FullName, "samples", sample, "bin", configuration, framework, sample + ".dll");
        return dll is not null && File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"samples/{sample} is not built for {configuration}/{framework} ({dll}): build tests/Sprig.Nats.IntegrationTests, which references it.");
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
