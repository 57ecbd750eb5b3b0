using Microsoft.Extensions.Hosting;

namespace GenericHostSample;

/// <summary>A hosted service registered with AddHostedService: it receives the attributed GreetingService, then stops the host.</summary>
public sealed class Worker(GreetingService greetings, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var name in new[] { "Ada", "Grace" })
        {
            Console.WriteLine(greetings.Greet(name));
        }

        lifetime.StopApplication();
        return Task.CompletedTask;
    }
}
