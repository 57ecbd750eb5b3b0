namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>
/// The messages a caller sees, written out as the issue and src/Core/Diagnostics/Errors.Remoting.cs word them, so that a worse
/// message fails a test. Where a part depends on the run (a size in bytes), the test passes '*', which FluentAssertions'
/// WithMessage matches as a wildcard.
/// </summary>
internal static class Messages
{
    public static string NoResponders(string address, string via) =>
        $"Nothing serves '{address}': no process answered on {via}. Start a process that serves the component (with Sprig:Nats:Serve "
        + "left on), or check the address: '{namespace}/{component}/{endpoint}'.";

    public static string RemoteDied(string address, string via, string what) =>
        $"The process serving '{address}' through {via} stopped answering mid-call ({what}). The call may or may not have run there; "
        + "mark the endpoint [Endpoint(Idempotent = true)] if it is safe to run again, so that it is retried on another instance.";

    public static string RemoteFailed(string address, int status, string detail, string via) =>
        $"Calling '{address}' through {via} failed ({status}): {detail}";

    public static string RemoteThrew(string address, string exceptionType, string message) =>
        $"Endpoint '{address}' threw {exceptionType}: {message}";

    public static string RemoteThrewHidden(string address) =>
        $"Endpoint '{address}' threw an exception in the serving process; its log has the details. The exception's type and message "
        + "are sent to callers only in the Development environment (DOTNET_ENVIRONMENT=Development) or with Sprig:Remoting:ExceptionDetails=true.";

    public static string AuthenticationRefused(string url, string? sentWith)
    {
        const string Keys = "Sprig:Nats:User and Sprig:Nats:Password, Sprig:Nats:Token, Sprig:Nats:NKey or Sprig:Nats:NKeyFile (a user NKey seed), "
            + "or Sprig:Nats:CredentialsFile (a .creds file)";
        return sentWith is null
            ? $"The NATS server at '{url}' (Sprig:Nats:Url) refused the connection: it requires authentication ('Authorization Violation'), "
                + $"and this process sent no credentials. Set the ones the server's authorization configuration expects: {Keys}."
            : $"The NATS server at '{url}' (Sprig:Nats:Url) refused the connection: it did not accept the credentials set in {sentWith} "
                + $"('Authorization Violation'). Check them against the server's authorization configuration, or set the ones it expects: {Keys}.";
    }

    /// <summary>How the NATS transport names itself in messages ("through NATS nats://127.0.0.1:4222").</summary>
    public static string Via(NatsServer nats) => $"NATS {nats.Url}";

    /// <summary>Why a caller took a silent worker for dead (three heartbeat intervals without a message).</summary>
    public static string Silent(TimeSpan heartbeatInterval) =>
        $"no message for {(heartbeatInterval * 3).TotalSeconds:0.###} s; it sends a heartbeat every Sprig:Nats:HeartbeatInterval while a call runs";

    public static string ArgumentsTooLarge(string address, string size, long limit) =>
        $"The arguments of '{address}' are {size} bytes, over the NATS server's limit of {limit} bytes per message (max_payload). "
        + "Send less per call (split the data, or pass a reference such as a URL or an object-store key), or raise max_payload in the "
        + "nats-server configuration.";

    public static string ResultTooLarge(string address, string what, string size, long limit) =>
        $"The {what} of '{address}' is {size} bytes, over the NATS server's limit of {limit} bytes per message (max_payload). "
        + "Return less per call (stream it in parts, or return a reference such as a URL or an object-store key), or raise max_payload "
        + "in the nats-server configuration.";

    public static string WrongShape(string address, bool streaming) => streaming
        ? $"Endpoint '{address}' streams (it returns IAsyncEnumerable<T>); call it with StreamAsync, or declare it as IAsyncEnumerable<T> in the contract."
        : $"Endpoint '{address}' does not stream; call it with InvokeAsync, or declare it as Task<T> in the contract.";

    public static string BadRequest(string address, string problem) =>
        $"The request for '{address}' is not a valid Sprig NATS request: {problem}. Caller and server must use the same Sprig.Nats protocol.";

    public static string ContractWithoutServer(string owner, string point, string contract, string @namespace, string component, string path) =>
        $"'{owner}' needs contract '{contract}' (component '{@namespace}/{component}') for {point}, but no component here implements it "
        + $"and no transport is configured to call it in another process. Path: {path}. Either register a component that implements "
        + $"{contract} in this process, or call it remotely: reference Sprig.Nats and set Sprig:Nats:Url (e.g. nats://127.0.0.1:4222), "
        + $"or set Sprig:Remotes:{@namespace}:{component}:Url to the base URL of a server that maps Sprig's routes.";

    public static string ContractNotServedHere(string contract, string @namespace, string component) =>
        $"No component implements contract {contract} (component '{@namespace}/{component}') in this process, and no transport is "
        + "configured to call it in another process. Either register a component that implements it, or call it remotely: reference "
        + $"Sprig.Nats and set Sprig:Nats:Url, or set Sprig:Remotes:{@namespace}:{component}:Url.";
}
