using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig;
using Diag = Sprig.ColdStart.StartupProbe;

// Cold start of a small Sprig application: one process = build the context, refresh (creates the six singletons), resolve the
// root once, run it, shut down. Modes (first argument):
//   explicit (default)  a PendingRegistry with the six classes, an empty configuration, no logging
//   scan                new ApplicationContext(): the application's [Component] classes found by scanning, the default
//                       configuration (appsettings/application.yaml/environment/command line) and console logging
// --diag (anywhere) prints phase times, peak memory and the loaded assemblies to standard error.
Diag.Enabled = args.Contains("--diag");
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "explicit";
Diag.Mark("Main entered");

ApplicationContext context;
if (mode == "scan")
{
    context = new ApplicationContext();
    Diag.Mark("new ApplicationContext()");
}
else
{
    var registry = new PendingRegistry();
    foreach (var type in Sprig.ColdStart.Graph.Components)
    {
        registry.Register(type);
    }

    Diag.Mark("registry (6 Register)");
    var configuration = new ConfigurationBuilder().Build();
    Diag.Mark("empty configuration");
    context = new ApplicationContext(registry, configuration, NullLoggerFactory.Instance);
    Diag.Mark("new ApplicationContext(...)");
}

using (context)
{
    context.Refresh();
    Diag.Mark("Refresh()");
    var output = context.Get<Sprig.ColdStart.App>().Run();
    Diag.Mark("Get<App>().Run()");
    Console.WriteLine(output);
    Diag.Mark("Console.WriteLine");
}

Diag.Mark("Dispose()");
Diag.Report();
