namespace Sprig.Web.Tests.Diagnostics;

/// <summary>The components the diagnostics tests look at, and the routes they call.</summary>
public static class DiagnosticsFixtures
{
    /// <summary>Every route MapSprigDiagnostics maps at "/sprig", the page first.</summary>
    public static readonly string[] Routes = ["/sprig", "/sprig/health", "/sprig/components", "/sprig/conditions", "/sprig/mappings", "/sprig/config", "/sprig/startup", "/sprig/graph"];

    /// <summary>In when the configuration key it names is "on".</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class OnFlagAttribute(string key) : ConditionAttribute
    {
        public override string Description => $"OnFlag('{key}')";

        public override ConditionOutcome Evaluate(ConditionContext context)
        {
            var value = context.GetProperty(key);
            return new ConditionOutcome(value == "on", value is null ? $"found no '{key}'" : $"found '{value}'");
        }
    }

    [Service]
    public sealed class EmailService
    {
        [Endpoint]
        public string Send(string to) => $"sent to {to}";
    }

    [Service]
    [OnFlag("feature:sms")]
    public sealed class SmsService;

    [Service]
    [OnFlag("feature:audit")]
    public sealed class AuditLog;

    [Service]
    public sealed class UserService(EmailService email)
    {
        public EmailService Email { get; } = email;

        [Endpoint("find")]
        public string Find(int id) => $"user {id}";

        [Endpoint]
        public async IAsyncEnumerable<int> Count(int to)
        {
            for (var i = 1; i <= to; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }
    }

    public static PendingRegistry Registry() =>
        new PendingRegistry().Register<EmailService>().Register<SmsService>().Register<AuditLog>().Register<UserService>();
}
