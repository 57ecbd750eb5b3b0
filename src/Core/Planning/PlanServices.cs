using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Sprig.Planning;

/// <summary>What planning reads besides the components: the configuration ([Value]s), the loggers and the context (built-in services).</summary>
internal sealed record PlanServices(IConfiguration Configuration, ILoggerFactory Loggers, ApplicationContext Context)
{
    /// <summary>Gets the context's built-in services (planned once, when the context is made).</summary>
    public Resolution.BuiltinServices Builtins => Context.Builtins;
}
