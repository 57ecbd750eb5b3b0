using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Sprig.Planning;

/// <summary>What planning reads besides the components: the configuration ([Value]s), the loggers and the context (built-in services).</summary>
internal sealed record PlanServices(IConfiguration Configuration, ILoggerFactory Loggers, ApplicationContext Context);
