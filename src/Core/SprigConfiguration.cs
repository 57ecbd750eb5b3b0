using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Sprig.Configuration;

namespace Sprig;

/// <summary>
/// Builds the configuration <c>new ApplicationContext()</c> uses, lowest to highest precedence: <c>appsettings.json</c>,
/// <c>appsettings.{profile}.json</c>, <c>application.yaml</c>/<c>.yml</c>, <c>application-{profile}.yaml</c>/<c>.yml</c>,
/// environment variables, command-line arguments, then the given overrides. (Below all of these: a
/// <see cref="ValueAttribute.Default"/>, and below that the class's own initial value.)
/// </summary>
public static partial class SprigConfiguration
{
    /// <summary>Builds the default configuration.</summary>
    /// <param name="args">Command-line arguments (<c>--key value</c>, <c>--key=value</c>, <c>key=value</c>); <see langword="null"/> for the process's own.</param>
    /// <param name="profiles">Profiles to activate in code, added to those of <c>profiles:active</c>.</param>
    /// <param name="basePath">The folder the files are read from; <see langword="null"/> for the current directory.</param>
    /// <param name="overrides">A configuration that wins over every other source.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ContainerException">A configuration file is malformed; the message names the file, line and column.</exception>
    /// <example><code>var context = new ApplicationContext(PendingRegistry.Instance, SprigConfiguration.CreateDefault(args, profiles: ["dev"]));</code></example>
    public static IConfigurationRoot CreateDefault(string[]? args = null, IEnumerable<string>? profiles = null, string? basePath = null, IConfiguration? overrides = null)
    {
        basePath ??= Directory.GetCurrentDirectory();
        args ??= ProcessArguments();
        var codeProfiles = profiles?.ToList() ?? [];

        try
        {
            // First pass without profile files, to learn which profiles are active.
            var first = Build(basePath, args, [], overrides, codeProfiles);
            var active = Profiles.Of(first);
            return active.Count == 0 ? first : Build(basePath, args, active, overrides, codeProfiles);
        }
        catch (InvalidDataException ex)
        {
            throw new ContainerException(Diagnostics.Errors.MalformedConfigurationFile(ex.Message, Location(ex.InnerException)), ex);
        }
    }

    private static IConfigurationRoot Build(string basePath, string[] args, List<string> active, IConfiguration? overrides, List<string> codeProfiles)
    {
        var builder = new ConfigurationBuilder().SetBasePath(basePath);
        builder.AddJsonFile("appsettings.json", optional: true, reloadOnChange: false);
        foreach (var profile in active)
        {
            builder.AddJsonFile($"appsettings.{profile}.json", optional: true, reloadOnChange: false);
        }

        foreach (var name in (string[])["application.yaml", "application.yml", .. active.SelectMany(p => new[] { $"application-{p}.yaml", $"application-{p}.yml" })])
        {
            builder.Add(new YamlConfigurationSource { Path = name, Optional = true, ReloadOnChange = false });
        }

        builder.AddEnvironmentVariables().AddCommandLine(args);
        if (overrides is not null)
        {
            builder.AddConfiguration(overrides);
        }

        if (codeProfiles.Count > 0)
        {
            var fromConfiguration = Profiles.Of(builder.Build());
            var all = fromConfiguration.Concat(codeProfiles).Distinct(StringComparer.OrdinalIgnoreCase);
            builder.AddInMemoryCollection([new("profiles:active", string.Join(',', all))]);
        }

        return builder.Build();
    }

    // Where the parser stopped: JSON positions are 0-based, YAML's are already 1-based in our FormatException.
    private static string Location(Exception? parseError) => parseError switch
    {
        FormatException { InnerException: JsonException json } =>
            $"line {json.LineNumber + 1}, column {json.BytePositionInLine + 1}: {JsonPosition().Replace(json.Message, "")}",
        FormatException { InnerException: YamlDotNet.Core.YamlException } format => format.Message,
        null => "unknown position",
        _ => parseError.Message,
    };

    // System.Text.Json appends the 0-based position, which the message already gives 1-based.
    [System.Text.RegularExpressions.GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?$")]
    private static partial System.Text.RegularExpressions.Regex JsonPosition();

    // Only "--key value" / "--key=value" / "key=value" arguments are configuration; anything else belongs to the application.
    private static string[] ProcessArguments() =>
        [.. Environment.GetCommandLineArgs().Skip(1).Where(a => !a.StartsWith('-') || a.StartsWith("--", StringComparison.Ordinal))];
}
