using System.Globalization;
using System.Text;

namespace Sprig.Nats.Protocol;

/// <summary>
/// The subjects of the Sprig NATS protocol. An endpoint answers at <c>sprig.{namespace}.{component}.{endpoint}</c>, lower-cased so
/// that addresses match ignoring case as in the in-process catalog; each worker process takes acks and cancels at
/// <c>sprig._ctl.{instance}</c>, and every worker listens to <c>sprig._ctl</c> for cancels of calls whose worker the caller does not know yet.
/// </summary>
internal static class NatsSubjects
{
    /// <summary>The subject every worker listens to for cancels sent before the caller heard from the worker.</summary>
    public const string ControlBroadcast = "sprig._ctl";

    /// <summary>Returns the subject an endpoint answers at.</summary>
    public static string Endpoint(string @namespace, string component, string endpoint) =>
        string.Create(CultureInfo.InvariantCulture, $"sprig.{@namespace}.{component}.{endpoint}").ToLowerInvariant();

    /// <summary>Returns a worker process's control subject.</summary>
    public static string Control(string instance) => $"{ControlBroadcast}.{instance}";

    /// <summary>Tells whether a name can be one token of a subject: not empty, no '.', '*', '>' or white space.</summary>
    public static bool IsToken(string? token) =>
        !string.IsNullOrEmpty(token) && !token.Any(c => c is '.' or '*' or '>' || char.IsWhiteSpace(c) || char.IsControl(c));

    /// <summary>Tells whether a string is a subject to publish to: dot-separated tokens, no wildcards.</summary>
    public static bool IsSubject(string? subject) => !string.IsNullOrEmpty(subject) && subject.Split('.').All(IsToken);

    /// <summary>
    /// Returns the name of an endpoint's problem as a subject, or <see langword="null"/> when its address makes a subject:
    /// the first of namespace, component and endpoint that is not a token.
    /// </summary>
    public static (string Part, string Token)? InvalidToken(string @namespace, string component, string endpoint) =>
        !IsToken(@namespace) ? ("namespace", @namespace)
        : !IsToken(component) ? ("component", component)
        : !IsToken(endpoint) ? ("endpoint", endpoint)
        : null;

    /// <summary>Returns a name NATS micro accepts for a service or endpoint (^[A-Za-z0-9_-]+$): other characters become '_'.</summary>
    public static string MicroName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        return builder.Length == 0 ? "_" : builder.ToString();
    }

    /// <summary>Returns the NATS micro service name of a component: "{namespace}-{component}".</summary>
    public static string ServiceName(string @namespace, string component) => MicroName($"{@namespace}-{component}");
}
