using Sprig;

namespace AotSample;

/// <summary>What <see cref="Greeter"/> is injected as, lazily: the generated proxy resolves it on first call.</summary>
public interface IGreeter
{
    string Greet(string name);
}

/// <summary>The greeting, and an endpoint that serves it: <c>default/Greeter/greet</c>.</summary>
[Component]
public sealed class Greeter(Clock clock) : IGreeter
{
    [Endpoint("greet")]
    public string Greet(string name) => $"Hello, {name} ({clock.Today})";
}
