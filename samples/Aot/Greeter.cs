using Sprig;

namespace AotSample;

/// <summary>What <see cref="Greeter"/> is injected as, lazily: the generated proxy resolves it on first call.</summary>
public interface IGreeter
{
    string Greet(string name);
}

/// <summary>The greeting, and endpoints that serve it: <c>default/Greeter/greet</c> and, awaited, <c>default/Greeter/greetLater</c>.</summary>
[Component]
public sealed class Greeter(Clock clock) : IGreeter
{
    [Endpoint("greet")]
    public string Greet(string name) => $"Hello, {name} ({clock.Today})";

    /// <summary>A Task&lt;T&gt; endpoint: its generated call hands the result over boxed, so Native AOT needs no generic code made at run time.</summary>
    [Endpoint("greetLater")]
    public async Task<string> GreetLaterAsync(string name)
    {
        await Task.Yield();
        return Greet(name) + " later";
    }
}
