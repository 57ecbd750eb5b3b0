using Sprig.Nats.Protocol;

namespace Sprig.Nats.Diagnostics;

/// <summary>The message texts of the NATS transport, in one place (house style rule 11).</summary>
internal static class NatsErrors
{
    public const string StartServer = "Start one with 'nats-server -a 127.0.0.1 -p 4222' (Debian/Ubuntu: apt-get install nats-server), "
        + "or point Sprig:Nats:Url at a running server.";

    /// <summary>The keys of the ways to authenticate, for messages that tell which to set.</summary>
    public const string AuthenticationKeys = "Sprig:Nats:User and Sprig:Nats:Password, Sprig:Nats:Token, Sprig:Nats:NKey or Sprig:Nats:NKeyFile "
        + "(a user NKey seed), or Sprig:Nats:CredentialsFile (a .creds file)";

    public static string Unreachable(string url, string cause) =>
        $"The NATS transport could not connect to the NATS server at '{url}' (Sprig:Nats:Url): {cause} {StartServer} "
        + "To run without NATS, remove Sprig:Nats:Url.";

    public static string AuthenticationRefused(string url, string? sentWith, string serverError) => sentWith is null
        ? $"The NATS server at '{url}' (Sprig:Nats:Url) refused the connection: it requires authentication ('{serverError}'), and this "
            + $"process sent no credentials. Set the ones the server's authorization configuration expects: {AuthenticationKeys}."
        : $"The NATS server at '{url}' (Sprig:Nats:Url) refused the connection: it did not accept the credentials set in {sentWith} "
            + $"('{serverError}'). Check them against the server's authorization configuration, or set the ones it expects: {AuthenticationKeys}.";

    public static string ConnectionFailed(string address, string via) =>
        $"Calling '{address}' through {via} failed (503): the connection to the NATS server is closed for good. When it was lost, the "
        + "server refused this process's credentials on two reconnects in a row, so NATS.Net stopped trying (its log has the server's "
        + $"error). Give this process the credentials the server now expects ({AuthenticationKeys}) and restart it.";

    public static string SubscriptionsRefused(string url, string identity, IReadOnlyList<(string Subject, string? Address)> refused) =>
        $"The NATS server at '{url}' (Sprig:Nats:Url) refused to let this process subscribe to {(refused.Count == 1 ? "a subject" : "subjects")} "
        + $"it serves on ('Permissions Violation'), so no call would reach it there:{Environment.NewLine}"
        + string.Join(Environment.NewLine, refused.Select(r => r.Address is null
            ? $"  - '{r.Subject}' (acks and cancels of the calls it serves)"
            : $"  - '{r.Subject}' (endpoint '{r.Address}')"))
        + $"{Environment.NewLine}Allow the NATS user it connects as ({identity}) to subscribe there in the server's authorization "
        + $"configuration (permissions: {{ subscribe: [{string.Join(", ", refused.Select(r => $"\"{Pattern(r.Subject, r.Address)}\"").Distinct())}] }}), "
        + "or set Sprig:Nats:Serve to false if this process only calls.";

    public static string PublishRefused(string address, string via, string subject, string identity) =>
        $"Calling '{address}' through {via} failed (403): the NATS server refused to let this process publish to '{subject}' "
        + "('Permissions Violation'), so the call reached no serving process. Allow the NATS user it connects as "
        + $"({identity}) to publish there in the server's authorization configuration (permissions: {{ publish: [\"{Pattern(subject, address)}\"] }}), "
        + "or make the call from a process whose user may.";

    public static string InboxRefused(string address, string via, string inbox, string permission, string identity) =>
        $"Calling '{address}' through {via} failed (403): the NATS server refused to let this process subscribe to '{inbox}', where "
        + "the answers to its calls arrive ('Permissions Violation'), so no answer could reach it. Allow the NATS user it connects as "
        + $"({identity}) to subscribe there in the server's authorization configuration (permissions: {{ subscribe: [\"{permission}\"] }}), "
        + "or make the call from a process whose user may.";

    /// <summary>
    /// The permission that covers a subject: an endpoint's is its component's "sprig.{namespace}.{component}.>"; the control
    /// subjects are "sprig._ctl" and, for every process's own, "sprig._ctl.>".
    /// </summary>
    private static string Pattern(string subject, string? address) => address is not null
        ? $"{subject[..subject.LastIndexOf('.')]}.>"
        : subject == NatsSubjects.ControlBroadcast ? subject : $"{NatsSubjects.ControlBroadcast}.>";

    public static string OptionsInvalid(IReadOnlyList<string> problems) =>
        $"The NATS transport's configuration (section Sprig:Nats) is invalid:{Environment.NewLine}"
        + string.Join(Environment.NewLine, problems.Select(p => $"  - {p}"));

    public static string UrlMissing() =>
        "Sprig:Nats:Url is empty. Set it to the NATS server's URL, e.g. 'nats://127.0.0.1:4222', or remove it to turn the NATS transport off.";

    public static string UrlInvalid(string value) =>
        $"Sprig:Nats:Url is '{value}', which is not a NATS URL. Write it as 'nats://host:port' (e.g. nats://127.0.0.1:4222); "
        + "several servers are separated by commas; the schemes are nats, tls, ws and wss.";

    public static string NotPositiveNumber(string key, string value, int defaultValue, string unit) =>
        $"Sprig:Nats:{key} is '{value}', but it must be a whole number of {unit} greater than 0. Set it to e.g. {defaultValue}, "
        + "or remove it to use the default.";

    public static string NotTimeSpan(string key, string value, TimeSpan defaultValue) =>
        $"Sprig:Nats:{key} is '{value}', which is not a positive time span. Write it as hh:mm:ss (e.g. {defaultValue:c}), "
        + "or remove it to use the default.";

    public static string NotBoolean(string key, string value) =>
        $"Sprig:Nats:{key} is '{value}', which is not a boolean. Set it to 'true' or 'false', or remove it to use the default (true).";

    public static string AuthenticationConflict(IReadOnlyList<string> ways) =>
        $"{List(ways)} are {(ways.Count == 2 ? "both" : "all")} set, but a connection authenticates in one way only. Keep the one the "
        + $"NATS server's authorization configuration expects and remove the {(ways.Count == 2 ? "other" : "others")}.";

    public static string PasswordWithoutUser() =>
        "Sprig:Nats:Password is set, but Sprig:Nats:User is not. Set Sprig:Nats:User to the NATS user the password belongs to, "
        + "or remove Sprig:Nats:Password.";

    public static string UserWithoutPassword(string user) =>
        $"Sprig:Nats:User is '{user}', but Sprig:Nats:Password is not set. Set it to that user's password (e.g. from a secret, as the "
        + "environment variable Sprig__Nats__Password), or remove Sprig:Nats:User.";

    public static string NKeyIsPublicKey(string publicKey) =>
        $"Sprig:Nats:NKey is the public key '{publicKey}', but it must be the user's seed, which starts with 'SU': the server's "
        + "configuration names the public key, this process signs with the seed. Set the seed (e.g. as 'nk -gen user -pubout' prints it), "
        + "or put it in a file and set Sprig:Nats:NKeyFile.";

    public static string NKeyInvalid() =>
        "Sprig:Nats:NKey is not a user NKey seed (the value is not shown: it is a secret). A user seed is 58 characters starting with "
        + "'SU', as 'nk -gen user -pubout' prints it next to the public key the server's configuration names.";

    public static string NKeyFileWithoutSeed(string path) =>
        $"Sprig:Nats:NKeyFile is '{path}', but the file holds no user NKey seed (a line of 58 characters starting with 'SU'; nothing of "
        + "the file is shown: it is a secret). Write the seed into it (e.g. 'nk -gen user > user.nk'), or remove Sprig:Nats:NKeyFile.";

    public static string NotCredentialsFile(string path) =>
        $"Sprig:Nats:CredentialsFile is '{path}', but the file is not a NATS credentials file: it needs a '-----BEGIN NATS USER JWT-----' "
        + "line followed by the user's JWT, and a '-----BEGIN USER NKEY SEED-----' line followed by a user NKey seed (nothing of the "
        + "file is shown: it holds a secret). Point it at the user's .creds file (as 'nsc generate creds' writes it), or remove "
        + "Sprig:Nats:CredentialsFile.";

    public static string FileMissing(string key, string path, string fullPath, string expected) =>
        $"Sprig:Nats:{key} is '{path}'{(fullPath == path ? "" : $" ({fullPath})")}, but there is no such file. Point it at {expected}, "
        + $"or remove Sprig:Nats:{key}.";

    public static string FileUnreadable(string key, string path, string reason) =>
        $"Sprig:Nats:{key} is '{path}', but the file cannot be read ({reason}). Let this process read it, or remove Sprig:Nats:{key}.";

    public static string BadSubjectTokens(IReadOnlyList<string> problems) =>
        $"The NATS transport cannot serve these endpoints:{Environment.NewLine}"
        + string.Join(Environment.NewLine, problems.Select(p => $"  - {p}"));

    public static string BadSubjectToken(string address, string part, string token) =>
        $"Endpoint '{address}': its {part} '{token}' cannot be part of a NATS subject (sprig.{{namespace}}.{{component}}.{{endpoint}}): "
        + "it is empty or holds '.', '*', '>' or white space. Rename it, e.g. with [Endpoint(\"name\")] or [Component(\"Name\", Namespace = \"ns\")].";

    public static string ArgumentsTooLarge(string address, long size, long limit) =>
        $"The arguments of '{address}' are {size} bytes, over the NATS server's limit of {limit} bytes per message (max_payload). "
        + "Send less per call (split the data, or pass a reference such as a URL or an object-store key), or raise max_payload in the "
        + "nats-server configuration.";

    public static string ResultTooLarge(string address, string what, long size, long limit) =>
        $"The {what} of '{address}' is {size} bytes, over the NATS server's limit of {limit} bytes per message (max_payload). "
        + "Return less per call (stream it in parts, or return a reference such as a URL or an object-store key), or raise max_payload "
        + "in the nats-server configuration.";

    public static string WrongShape(string address, bool streaming) => streaming
        ? $"Endpoint '{address}' streams (it returns IAsyncEnumerable<T>); call it with StreamAsync, or declare it as IAsyncEnumerable<T> in the contract."
        : $"Endpoint '{address}' does not stream; call it with InvokeAsync, or declare it as Task<T> in the contract.";

    public static string NotServedHere(string address) =>
        $"This process serves no endpoint '{address}', although it is subscribed to its subject. This is a bug in Sprig.";

    public static string BadRequest(string address, string problem) =>
        $"The request for '{address}' is not a valid Sprig NATS request: {problem}. Caller and server must use the same Sprig.Nats protocol.";

    public static string BadAnswer(string problem) =>
        $"a malformed answer ({problem}); caller and server must use the same Sprig.Nats protocol";

    public static string Silent(TimeSpan silence) =>
        $"no message for {silence.TotalSeconds:0.###} s; it sends a heartbeat every Sprig:Nats:HeartbeatInterval while a call runs";

    public static string OutOfOrder(long expected, long got) =>
        $"item {got} arrived where item {expected} was due; messages were lost, e.g. while the connection to the NATS server was down";

    public static string Stopping(string address) =>
        $"The process serving '{address}' is shutting down and did not finish the call within Sprig:Nats:DrainTimeout.";

    public static string CallerGone(string address) =>
        $"The caller of stream '{address}' stopped acknowledging items; the stream was cancelled.";

    public static string Disposed() => "The NATS transport has been disposed; it no longer carries calls.";

    /// <summary>Joins names as a sentence does: "a", "a and b", "a, b and c".</summary>
    private static string List(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";

    // Frame decoding: each text names what was wrong with the message.
    public static string FrameMissingKind() => $"no {FrameHeaders.Kind} header";

    public static string FrameUnknownKind(string kind) => $"unknown {FrameHeaders.Kind} '{kind}'";

    public static string FrameBadNumber(string header, string value) => $"{header} '{value}' is not a whole number of 0 or more";

    public static string FrameMissing(FrameKind kind, string header) => $"a '{FrameCodec.Name(kind)}' frame needs a {header} header";

    public static string FrameBadWindow(string value) => $"{FrameHeaders.Window} '{value}' is not a whole number greater than 0";

    public static string FrameBadSubject(string header, string value) => $"{header} '{value}' is not a NATS subject";

    public static string FrameItemEmpty() => "an 'item' frame has an empty body; an item is one JSON value";

    public static string FrameItemSequence() => $"an 'item' frame's {FrameHeaders.Sequence} starts at 1";

    public static string FrameBadFailure() => "an 'error' frame's body is not a failure (JSON with status, title and detail)";
}
