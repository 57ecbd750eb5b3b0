using Sprig.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig.Nats.Diagnostics;

namespace Sprig.Nats.Tests.Diagnostics;

public sealed class PermissionViolationsTests
{
    [Theory]
    [InlineData("Permissions Violation for Subscription to \"sprig.nt.calc.add\"")]                      // nats-server 2.9
    [InlineData("Permissions Violation for Subscription to \"sprig.nt.calc.add\" using queue \"q\"")]    // later servers, queue subscriptions
    [InlineData("'Permissions Violation for Subscription to \"sprig.nt.calc.add\"'")]                    // with the -ERR's quotes
    [InlineData("permissions violation for subscription to \"sprig.nt.calc.add\"")]                      // case does not matter
    [InlineData("Permissions Violation for Subscription to sprig.nt.calc.add")]                          // unquoted, as old servers sent it
    public void Report_KeepsTheRefusedSubscription(string error)
    {
        var violations = new PermissionViolations();

        violations.Report(error);

        violations.IsSubscriptionRefused("sprig.nt.calc.add").Should().BeTrue();
        violations.IsSubscriptionRefused("sprig.nt.calc").Should().BeFalse();
    }

    [Theory]
    [InlineData("Permissions Violation for Publish to \"sprig.nt.calc.add\"", "sprig.nt.calc.add")]
    [InlineData("Permissions Violation for Publish to _INBOX.abc.1", "_INBOX.abc.1")]
    public void Report_RaisesPublishRefused_WithTheSubject(string error, string subject)
    {
        var violations = new PermissionViolations();
        var refused = new List<string>();
        violations.PublishRefused += refused.Add;

        violations.Report(error);

        refused.Should().Equal(subject);
    }

    [Theory]
    [InlineData("Authorization Violation")]
    [InlineData("Stale Connection")]
    [InlineData("Permissions Violation for Subscription to \"\"")]
    [InlineData("Permissions Violation for Subscription to \"unterminated")]
    [InlineData("Permissions Violation for Subscription to ")]
    [InlineData("Permissions Violation for Publish with Reply of \"_INBOX.x\"")]
    [InlineData("")]
    public void Report_IgnoresOtherErrorsAndMalformedViolations(string error)
    {
        var violations = new PermissionViolations();
        var refused = new List<string>();
        violations.PublishRefused += refused.Add;

        violations.Report(error);

        refused.Should().BeEmpty();
        violations.IsSubscriptionRefused("").Should().BeFalse();
        violations.IsSubscriptionRefused("\"unterminated").Should().BeFalse();
        violations.IsSubscriptionRefused("unterminated").Should().BeFalse();
    }

    [Fact]
    public void LogTap_ReportsTheServerErrorsNatsNetLogs_AndForwardsEveryLine()
    {
        var violations = new PermissionViolations();
        var logs = new LogCapture();
        using var inner = logs.CreateFactory();
        using var tap = new ServerErrorLogTap(inner, violations);

        tap.CreateLogger("NATS.Client.Core.Internal.NatsReadProtocolProcessor")
            .LogError("Server error {Error}", "Permissions Violation for Subscription to \"sprig.nt.calc.add\"");
        tap.CreateLogger("Elsewhere").LogError("Server error {Error}", "Permissions Violation for Subscription to \"sprig.nt.calc.echo\"");

        violations.IsSubscriptionRefused("sprig.nt.calc.add").Should().BeTrue();
        violations.IsSubscriptionRefused("sprig.nt.calc.echo").Should().BeFalse("only NATS.Net's read loop logs what the server sent");
        logs.Text.Should().Equal(
            "Error NATS.Client.Core.Internal.NatsReadProtocolProcessor: Server error Permissions Violation for Subscription to \"sprig.nt.calc.add\"",
            "Error Elsewhere: Server error Permissions Violation for Subscription to \"sprig.nt.calc.echo\"");
    }

    [Fact]
    public void LogTap_SeesServerErrors_WhenTheApplicationLogsNothing()
    {
        var violations = new PermissionViolations();
        using var tap = new ServerErrorLogTap(NullLoggerFactory.Instance, violations);
        var logger = tap.CreateLogger("NATS.Client.Core.Internal.NatsReadProtocolProcessor");

        logger.LogError("Server error {Error}", "Permissions Violation for Subscription to \"sprig.nt.calc.add\"");

        logger.IsEnabled(LogLevel.Error).Should().BeTrue();
        logger.IsEnabled(LogLevel.Information).Should().BeFalse();
        violations.IsSubscriptionRefused("sprig.nt.calc.add").Should().BeTrue();
    }
}
