using System.Diagnostics;
using System.Text;

namespace Sprig.Packaging.Tests.Support;

/// <summary>
/// Runs the dotnet CLI (the one running this test, <c>DOTNET_HOST_PATH</c>) as a child process with a time limit. A run that
/// outlives its limit is killed with its process tree and fails the test with what it printed so far.
/// </summary>
internal static class Dotnet
{
    /// <summary>Runs <c>dotnet {arguments}</c> in <paramref name="workingDirectory"/> and returns what it printed.</summary>
    public static Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunProgramAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", workingDirectory, timeout, environment, arguments);

    /// <summary>Runs <paramref name="program"/> (a published app, say) the same way: the same environment, limit and capture.</summary>
    public static async Task<ProcessResult> RunProgramAsync(string program, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside 'dotnet test', whose MSBuild variables would point a child build at the test run's
        // MSBuild; Sprig__ and *_ENVIRONMENT variables would configure the app under test.
        foreach (var key in start.Environment.Keys.Where(IsInherited).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var command = $"{Path.GetFileName(program)} {string.Join(' ', arguments)}";
        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"'{command}' did not finish within {timeout.TotalSeconds} s and was killed.\nstdout:\n{Text(output)}\nstderr:\n{Text(error)}");
        }

        return new ProcessResult(command, process.ExitCode, Text(output), Text(error));
    }

    private static bool IsInherited(string key) =>
        key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Sprig__", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith("_ENVIRONMENT", StringComparison.Ordinal);

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.Append(line).Append('\n');
            }
        }
    }

    private static string Text(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
