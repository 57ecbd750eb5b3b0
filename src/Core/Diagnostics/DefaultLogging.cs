using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Sprig.Diagnostics;

/// <summary>The logger factory a context makes when none is given: the console, filtered by the "Logging" configuration section.</summary>
internal static class DefaultLogging
{
    public static ILoggerFactory Create(IConfiguration configuration) => LoggerFactory.Create(builder => builder
        .AddConfiguration(configuration.GetSection("Logging"))
        .AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        }));
}
