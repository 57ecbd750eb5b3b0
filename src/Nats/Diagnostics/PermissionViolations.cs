using System.Collections.Concurrent;

namespace Sprig.Nats.Diagnostics;

/// <summary>
/// The permission violations the NATS server reported on this process's connection. nats-server answers a SUB or a PUB the
/// user may not make with <c>-ERR 'Permissions Violation for Subscription to "subject"'</c> (or <c>for Publish to</c>) and
/// otherwise goes on as if nothing was sent: no subscription, no message. NATS.Net only logs the error; this keeps it, so that
/// serving fails when a subject it needs was refused and a call whose request was refused fails at once.
/// </summary>
internal sealed class PermissionViolations
{
    private const string SubscriptionRefused = "Permissions Violation for Subscription to ";
    private const string PublishRefusedPrefix = "Permissions Violation for Publish to ";

    private readonly ConcurrentDictionary<string, byte> _refusedSubscriptions = new(StringComparer.Ordinal);

    /// <summary>Occurs when the server refused a publish; the argument is the subject.</summary>
    public event Action<string>? PublishRefused;

    /// <summary>Takes a server error (the text of its <c>-ERR</c>); errors other than permission violations are ignored.</summary>
    /// <remarks>The same error may be reported twice (see <see cref="ServerErrorLogTap"/>); both effects are idempotent.</remarks>
    public void Report(string error)
    {
        if (Subject(error, SubscriptionRefused) is { } refused)
        {
            _refusedSubscriptions.TryAdd(refused, 0);
        }
        else if (Subject(error, PublishRefusedPrefix) is { } unpublished)
        {
            PublishRefused?.Invoke(unpublished);
        }
    }

    /// <summary>Tells whether the server refused a subscription to exactly this subject.</summary>
    public bool IsSubscriptionRefused(string subject) => _refusedSubscriptions.ContainsKey(subject);

    /// <summary>
    /// Returns the subject of a violation: <c>Permissions Violation for Publish to "a.b"</c> gives <c>a.b</c>; the server quotes
    /// it (older servers did not) and may add <c> using queue "q"</c> after it.
    /// </summary>
    internal static string? Subject(string error, string prefix)
    {
        var text = error.AsSpan().Trim().Trim('\'');
        if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = text[prefix.Length..];
        if (rest.StartsWith('"'))
        {
            var end = rest[1..].IndexOf('"');
            return end > 0 ? rest.Slice(1, end).ToString() : null;
        }

        var space = rest.IndexOf(' ');
        var subject = space < 0 ? rest : rest[..space];
        return subject.IsEmpty ? null : subject.ToString();
    }
}
