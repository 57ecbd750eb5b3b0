using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sprig.ColdStart;
using Diag = Sprig.ColdStart.StartupProbe;

// The same small application on MS.DI: build the provider, resolve the root once (creating the six singletons), run it, dispose.
// Modes (first argument):
//   explicit (default)  a ServiceCollection with the six classes, nothing else (the twin of Sprig's "explicit")
//   scan                also what Sprig's default context brings: configuration from appsettings.json, the environment and
//                       the command line, and console logging (the twin of Sprig's "scan")
// --diag (anywhere) prints phase times, peak memory and the loaded assemblies to standard error.
Diag.Enabled = args.Contains("--diag");
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "explicit";
Diag.Mark("Main entered");

var services = new ServiceCollection();
if (mode == "scan")
{
    var configuration = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args.Where(a => a.Contains('=', StringComparison.Ordinal)).ToArray())
        .Build();
    services.AddSingleton<IConfiguration>(configuration);
    services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddConsole());
    Diag.Mark("configuration + logging");
}

services.AddSingleton<IClock, SystemClock>()
    .AddSingleton<GreetingSettings>()
    .AddSingleton<GreetingRepository>()
    .AddSingleton<AuditTrail>()
    .AddSingleton<GreetingService>()
    .AddSingleton<App>();
Diag.Mark("ServiceCollection (6 Add)");

using (var provider = services.BuildServiceProvider())
{
    Diag.Mark("BuildServiceProvider()");
    if (mode == "scan")
    {
        // Sprig's default context creates its logger factory in its constructor; resolve MS.DI's so both have one.
        _ = provider.GetRequiredService<ILoggerFactory>().CreateLogger("App");
    }

    var output = provider.GetRequiredService<App>().Run();
    Diag.Mark("GetRequiredService<App>().Run()");
    Console.WriteLine(output);
    Diag.Mark("Console.WriteLine");
}

Diag.Mark("Dispose()");
Diag.Report();
