using Sprig;

namespace AotSample;

/// <summary>Greets once the context starts, through a [Lazy] link to the greeter.</summary>
[Component]
public sealed class Startup
{
    [Lazy]
    [Inject]
    public IGreeter Greeter { get; set; } = null!;

    public List<string> Log { get; } = [];

    [OnStart]
    public Task StartAsync()
    {
        Log.Add($"OnStart: {Greeter.Greet("start")}");
        return Task.CompletedTask;
    }
}
