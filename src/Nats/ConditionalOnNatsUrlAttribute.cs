namespace Sprig.Nats;

/// <summary>Includes the NATS transport only when <c>Sprig:Nats:Url</c> is set: without it, nothing of Sprig.Nats runs.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ConditionalOnNatsUrlAttribute : ConditionAttribute
{
    private const string Key = "Sprig:Nats:Url";

    /// <inheritdoc/>
    public override string Description => $"ConditionalOnNatsUrl('{Key}')";

    /// <inheritdoc/>
    public override ConditionOutcome Evaluate(ConditionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.GetProperty(Key);
        if (string.IsNullOrWhiteSpace(value))
        {
            return new(false, "did not find the property; set it (e.g. nats://127.0.0.1:4222) to call and serve endpoints over NATS");
        }

        var source = context.DescribePropertySource(Key);
        // The condition report is logged and shown on the diagnostics page: a password in the URL never is.
        return new(true, $"found '{NatsConnector.Redact(value)}'{(source is null ? "" : $" (from {source})")}");
    }
}
