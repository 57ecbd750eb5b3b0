using System.Reflection;

namespace Sprig.Diagnostics;

/// <summary>The message texts of contracts, remote proxies and transports.</summary>
internal static partial class Errors
{
    public static string RemoteThrew(string address, Exception exception) =>
        $"Endpoint '{address}' threw {exception.GetType().FullName}: {exception.Message}";

    public static string RemoteThrewHidden(string address) =>
        $"Endpoint '{address}' threw an exception in the serving process; its log has the details. The exception's type and message "
        + "are sent to callers only in the Development environment (DOTNET_ENVIRONMENT=Development) or with Sprig:Remoting:ExceptionDetails=true.";

    public static string RemoteCancelled(string address) =>
        $"The call of endpoint '{address}' was cancelled in the serving process before it finished.";

    public static string RemoteFailed(string address, string via, int status, string detail) =>
        $"Calling '{address}' through {via} failed ({status}): {detail}";

    public static string NoResponders(string address, string via) =>
        $"Nothing serves '{address}': no process answered on {via}. Start a process that serves the component (with Sprig:Nats:Serve "
        + "left on), or check the address: '{namespace}/{component}/{endpoint}'.";

    public static string HttpNoServer(RemoteCall call, string baseUrl) =>
        $"Nothing serves '{call.Address}': no server accepted a connection at {baseUrl} (Sprig:Remotes:{call.Namespace}:{call.Component}:Url). "
        + $"Start the process that serves component '{call.Namespace}/{call.Component}' there, or set the URL to where it runs.";

    public static string RemoteStreamFailureMalformed(string address, string via, string line) =>
        $"The stream of '{address}' through {via} ended with a failure that could not be read: '{line}'. The serving process failed after the "
        + "stream started; its log has the details.";

    public static string RemoteTimedOut(string address, string via, TimeSpan timeout, string setting) =>
        $"Calling '{address}' through {via} got no answer within {timeout.TotalSeconds:0.###} s ({setting}). The serving process may be "
        + "overloaded or stuck; raise the timeout if the endpoint is slow.";

    public static string RemoteDied(string address, string via, string what) =>
        $"The process serving '{address}' through {via} stopped answering mid-call ({what}). The call may or may not have run there; "
        + "mark the endpoint [Endpoint(Idempotent = true)] if it is safe to run again, so that it is retried on another instance.";

    public static string NoTransport(string address) =>
        $"Nothing carries calls to '{address}': no component here serves it, and no transport reaches its component. "
        + "Register the component here, or set Sprig:Nats:Url (with Sprig.Nats referenced) or Sprig:Remotes:{namespace}:{component}:Url to call it remotely.";

    public static string RemoteAfterShutdown(string component) =>
        $"Cannot call '{component}' in another process: the context has shut down and its transports are closed. "
        + "Make remote calls only between Refresh() and Shutdown().";

    public static string ContractWithoutServer(string owner, string point, Type contract, string @namespace, string component, IReadOnlyList<string> path) =>
        $"'{owner}' needs contract '{TypeName(contract)}' (component '{@namespace}/{component}') for {point}, but no component here implements it "
        + $"and no transport is configured to call it in another process. Path: {Path(path)}. Either register a component that implements "
        + $"{TypeName(contract)} in this process, or call it remotely: reference Sprig.Nats and set Sprig:Nats:Url (e.g. nats://127.0.0.1:4222), "
        + $"or set Sprig:Remotes:{@namespace}:{component}:Url to the base URL of a server that maps Sprig's routes.";

    public static string ContractNotServedHere(Type contract, string @namespace, string component) =>
        $"No component implements contract {TypeName(contract)} (component '{@namespace}/{component}') in this process, and no transport is "
        + "configured to call it in another process. Either register a component that implements it, or call it remotely: reference "
        + $"Sprig.Nats and set Sprig:Nats:Url, or set Sprig:Remotes:{@namespace}:{component}:Url.";

    public static string ContractAddressMismatch(string component, string @namespace, Type contract, string contractNamespace, string contractComponent) =>
        $"Component '{@namespace}/{component}' implements contract {TypeName(contract)}, which belongs to component '{contractNamespace}/{contractComponent}': "
        + "callers of the contract would call an address this component does not serve. "
        + $"Name the component '{contractComponent}' in namespace '{contractNamespace}' ([Component(\"{contractComponent}\", Namespace = \"{contractNamespace}\")]), "
        + $"or change the contract's [ComponentContract] to match.";

    public static string ContractMethodUnsupported(Type contract, MethodInfo method, string why) =>
        $"Contract {TypeName(contract)} cannot be called remotely: method {MethodSignature(method)} {why} "
        + "Contract methods return Task, Task<T>, ValueTask, ValueTask<T> or IAsyncEnumerable<T>, take JSON-serializable parameters, "
        + "and may end with a CancellationToken.";

    public static string RemoteResultInvalid(string address, Type type, Exception cause) =>
        $"The answer of '{address}' does not convert to {TypeName(type)}: {cause.Message} The caller's contract and the serving process's "
        + "endpoint disagree; deploy the same contract version on both sides.";

    public static string RemoteShapeMismatch(string address, string via, bool streams) => streams
        ? $"Endpoint '{address}' (through {via}) streams its results, so InvokeAsync cannot call it. Call StreamAsync and enumerate the items, "
            + "or make the contract method return IAsyncEnumerable<T>."
        : $"Endpoint '{address}' (through {via}) returns a single result, so StreamAsync cannot call it. Call InvokeAsync, "
            + "or make the contract method return Task<T>.";

    public static string HttpNotSprig(string url, int status, string? reason, RemoteCall call) =>
        $"The server at {url} answered {status} {reason} without a Sprig problem answer: it does not seem to map Sprig's routes. "
        + $"Check Sprig:Remotes:{call.Namespace}:{call.Component}:Url, and that the server calls app.MapSprig() (or serves with ServeAsync).";

    public static string NestedCallFailed(string address, int status) =>
        $"Endpoint '{address}' could not finish: a call it made to another component failed ({status}). The serving process's log "
        + "has the details; they are sent to callers only in the Development environment or with Sprig:Remoting:ExceptionDetails=true.";
}
