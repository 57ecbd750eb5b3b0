// The small application both cold-start programs run: six singletons in a small graph, resolved once through the root.
// Compiled into both projects; the Sprig one defines SPRIG, so that its scanning mode finds the [Component] classes.
#if SPRIG
using Sprig;
#endif

namespace Sprig.ColdStart;

public interface IClock
{
    DateTimeOffset Now { get; }
}

#if SPRIG
[Component]
#endif
public sealed class SystemClock : IClock
{
    public DateTimeOffset Now => DateTimeOffset.UnixEpoch.AddDays(20_000);
}

#if SPRIG
[Component]
#endif
public sealed class GreetingSettings
{
    public string Greeting { get; } = "hello";
}

#if SPRIG
[Component]
#endif
public sealed class GreetingRepository(GreetingSettings settings)
{
    public string Load(string who) => $"{settings.Greeting}, {who}";
}

#if SPRIG
[Component]
#endif
public sealed class AuditTrail(IClock clock)
{
    public int Count { get; private set; }

    public string Stamp() => $"#{++Count} at {clock.Now:yyyy-MM-dd}";
}

#if SPRIG
[Component]
#endif
public sealed class GreetingService(GreetingRepository repository, AuditTrail audit)
{
    public string Greet(string who) => $"{repository.Load(who)} ({audit.Stamp()})";
}

#if SPRIG
[Component]
#endif
public sealed class App(GreetingService greetings, IClock clock)
{
    public string Run() => $"{greetings.Greet("world")} / {clock.Now.Year}";
}

/// <summary>The six component classes, leaves first.</summary>
public static class Graph
{
    public static readonly Type[] Components =
        [typeof(SystemClock), typeof(GreetingSettings), typeof(GreetingRepository), typeof(AuditTrail), typeof(GreetingService), typeof(App)];
}

/// <summary>What the diagnostic mode (<c>--diag</c>) prints to standard error: phase times, peak memory, loaded assemblies.</summary>
public static class StartupProbe
{
    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();
    private static readonly List<(string Phase, double Ms)> Phases = [];
    private static double s_last;

    public static bool Enabled { get; set; }

    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        var now = Clock.Elapsed.TotalMilliseconds;
        Phases.Add((phase, now - s_last));
        s_last = Clock.Elapsed.TotalMilliseconds;
    }

    public static void Report()
    {
        if (!Enabled)
        {
            return;
        }

        var process = System.Diagnostics.Process.GetCurrentProcess();
        var sinceStart = (DateTime.Now - process.StartTime).TotalMilliseconds;
        var error = Console.Error;
        error.WriteLine($"process start -> now: {sinceStart:F0} ms; Main -> now: {Clock.Elapsed.TotalMilliseconds:F1} ms (so runtime start-up before Main: ~{sinceStart - Clock.Elapsed.TotalMilliseconds:F0} ms)");
        foreach (var (phase, ms) in Phases)
        {
            error.WriteLine($"  {phase,-28} {ms,8:F1} ms");
        }

        var status = File.Exists("/proc/self/status") ? File.ReadAllLines("/proc/self/status") : [];
        error.WriteLine($"  {string.Join("; ", status.Where(l => l.StartsWith("VmHWM", StringComparison.Ordinal) || l.StartsWith("VmRSS", StringComparison.Ordinal)))}");
        error.WriteLine($"  GC heap: {GC.GetTotalMemory(false) / 1024.0:F0} KiB; JIT-compiled methods: {System.Runtime.JitInfo.GetCompiledMethodCount()}; JIT time: {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms");
        var assemblies = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?").Order(StringComparer.Ordinal).ToList();
        error.WriteLine($"  {assemblies.Count} assemblies loaded: {string.Join(", ", assemblies)}");
    }
}
