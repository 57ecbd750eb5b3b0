namespace Sprig.Packaging.Tests.Support;

/// <summary>What a finished child process printed and how it exited.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Output, string Error)
{
    /// <summary>Fails the test, with everything the process printed, unless it exited with 0.</summary>
    public ProcessResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            Assert.Fail($"{this}");
        }

        return this;
    }

    public override string ToString() => $"'{Command}' exited with {ExitCode}.\nstdout:\n{Output}\nstderr:\n{Error}";
}
