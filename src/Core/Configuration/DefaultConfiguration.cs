using Microsoft.Extensions.Configuration;

namespace Sprig.Configuration;

/// <summary>The configuration a context builds when none is given: appsettings.json, environment variables, command line.</summary>
internal static class DefaultConfiguration
{
    public static IConfiguration Build()
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine(CommandLineArguments());
        return builder.Build();
    }

    // Only "--key value" / "--key=value" / "key=value" arguments are configuration; anything else belongs to the application.
    private static string[] CommandLineArguments() =>
        [.. Environment.GetCommandLineArgs().Skip(1).Where(a => !a.StartsWith('-') || a.StartsWith("--", StringComparison.Ordinal))];
}
