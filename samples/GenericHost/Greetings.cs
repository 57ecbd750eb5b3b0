using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sprig;

namespace GenericHostSample;

/// <summary>Options registered the usual .NET way, with services.Configure.</summary>
public sealed class GreetingOptions
{
    public string Salutation { get; set; } = "Hello";
}

/// <summary>An attributed component that injects framework services: ILogger&lt;T&gt; and IOptions&lt;T&gt; from the host.</summary>
[Service]
public class GreetingService(ILogger<GreetingService> logger, IOptions<GreetingOptions> options)
{
    public string Greet(string name)
    {
        var greeting = $"{options.Value.Salutation}, {name}!";
        logger.LogInformation("Greeted {Name}", name);
        return greeting;
    }
}
