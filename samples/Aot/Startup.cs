using Microsoft.Extensions.Logging;
using Sprig;

namespace AotSample;

/// <summary>Greets once the context starts, through a [Lazy] link to the greeter; its ILogger&lt;T&gt; and its collection are made at run time over reference types, as MS.DI does under Native AOT.</summary>
[Component]
public sealed class Startup(ILogger<Startup> logger, IEnumerable<IGreeter> greeters)
{
    [Lazy]
    [Inject]
    public IGreeter Greeter { get; set; } = null!;

    [Lazy]
    [Inject]
    public Clock Clock { get; set; } = null!;

    public List<string> Log { get; } = [];

    [OnStart]
    public Task StartAsync()
    {
        Log.Add($"OnStart: {Greeter.Greet("start")}");
        Log.Add($"Lazy class: {Clock.Today} through {(Clock.GetType() == typeof(Clock) ? "the instance" : "a generated subclass")}");
        Log.Add($"Logger: warnings {(logger.IsEnabled(LogLevel.Warning) ? "on" : "off")}, information {(logger.IsEnabled(LogLevel.Information) ? "on" : "off")}; greeters: {greeters.Count()}");
        return Task.CompletedTask;
    }
}
