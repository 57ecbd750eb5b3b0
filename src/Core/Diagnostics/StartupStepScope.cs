namespace Sprig.Diagnostics;

/// <summary>Ends a recorded step when disposed: <c>using (startup.Measure("planning")) { … }</c> (a struct: nothing allocated; the default ends nothing).</summary>
internal readonly struct StartupStepScope(StartupRecorder? recorder, int handle) : IDisposable
{
    public void Dispose() => recorder?.End(handle);
}
