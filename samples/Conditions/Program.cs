using ConditionsSample;
using Microsoft.Extensions.Configuration;
using Sprig;

// The same application, refreshed three times with different configuration: conditions pick the components.
// Command-line arguments take part too: dotnet run --project samples/Conditions -- --feature.email=true
(string Title, Dictionary<string, string?> Overrides, string[] Profiles)[] runs =
[
    ("as configured (application.yaml, environment, command line)", [], []),
    ("with feature.email=true", new() { ["feature.email"] = "true" }, []),
    ("with the dev profile", [], ["dev"]),
];

foreach (var (title, overrides, profiles) in runs)
{
    var configuration = SprigConfiguration.CreateDefault(
        args, profiles, basePath: AppContext.BaseDirectory, overrides: new ConfigurationBuilder().AddInMemoryCollection(overrides).Build());
    var registry = new PendingRegistry().Scan(typeof(Newsletter).Assembly);
    await using var context = new ApplicationContext(registry, configuration, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
    await context.RefreshAsync();

    Console.WriteLine($"== {title}");
    foreach (var line in context.Get<Newsletter>().Send("Sprig 0.1 is out"))
    {
        Console.WriteLine($"   {line}");
    }

    Console.WriteLine("   Condition report:");
    foreach (var component in context.ConditionReport.Components)
    {
        Console.WriteLine($"     {component.Text}");
    }
}
