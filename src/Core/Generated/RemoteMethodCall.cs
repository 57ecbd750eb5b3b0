using System.ComponentModel;
using Sprig.Remoting;

namespace Sprig.Generated;

/// <summary>
/// One method of a generated remote proxy: the arguments (a CancellationToken among them is the caller's token) go to the
/// contract's endpoint as JSON, and the answer comes back as the method's result. The generic calls are instantiated by the
/// generated code with the method's own result type, at compile time. Every failure reaches the caller through the returned
/// task or stream, never as a synchronous throw. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RemoteMethodCall
{
    private readonly ContractInfo _contract;
    private readonly ContractMethod _method;
    private readonly IContractCalls _calls;
    private readonly Endpoints.JsonMetadata _json;
    private RemoteMethod? _typed;

    internal RemoteMethodCall(ContractInfo contract, ContractMethod method, IContractCalls calls, Endpoints.JsonMetadata json)
    {
        _contract = contract;
        _method = method;
        _calls = calls;
        _json = json;
    }

    /// <summary>Calls a method returning <see cref="Task"/>.</summary>
    /// <param name="arguments">The method's arguments, in order.</param>
    /// <returns>The call's task.</returns>
    public Task CallAsync(object?[] arguments) => Invoke<object, Task>(RemoteShape.Task, arguments, static (e, _) => Task.FromException(e));

    /// <summary>Calls a method returning <see cref="ValueTask"/>.</summary>
    /// <param name="arguments">The method's arguments, in order.</param>
    /// <returns>The call's task.</returns>
    public ValueTask CallValueAsync(object?[] arguments) => Invoke<object, ValueTask>(RemoteShape.ValueTask, arguments, static (e, _) => ValueTask.FromException(e));

    /// <summary>Calls a method returning <see cref="Task{TResult}"/>.</summary>
    /// <typeparam name="T">The method's result type.</typeparam>
    /// <param name="arguments">The method's arguments, in order.</param>
    /// <returns>The call's task.</returns>
    public Task<T> CallAsync<T>(object?[] arguments) => Invoke<T, Task<T>>(RemoteShape.TaskOfT, arguments, static (e, _) => Task.FromException<T>(e));

    /// <summary>Calls a method returning <see cref="ValueTask{TResult}"/>.</summary>
    /// <typeparam name="T">The method's result type.</typeparam>
    /// <param name="arguments">The method's arguments, in order.</param>
    /// <returns>The call's task.</returns>
    public ValueTask<T> CallValueAsync<T>(object?[] arguments) => Invoke<T, ValueTask<T>>(RemoteShape.ValueTaskOfT, arguments, static (e, _) => ValueTask.FromException<T>(e));

    /// <summary>Calls a method returning <see cref="IAsyncEnumerable{T}"/>.</summary>
    /// <typeparam name="T">The stream's item type.</typeparam>
    /// <param name="arguments">The method's arguments, in order.</param>
    /// <returns>The stream.</returns>
    public IAsyncEnumerable<T> StreamAsync<T>(object?[] arguments) => Invoke<T, IAsyncEnumerable<T>>(RemoteShape.Stream, arguments, static (e, _) => Failed<T>(e));

    private TResult Invoke<T, TResult>(RemoteShape shape, object?[] arguments, Func<Exception, object?, TResult> fail)
    {
        RemoteMethod<T> typed;
        try
        {
            // Made on the first call (its JSON metadata is looked up then), once: the proxy's methods are fixed.
            typed = (RemoteMethod<T>)(Volatile.Read(ref _typed) ?? Interlocked.CompareExchange(ref _typed, new RemoteMethod<T>(_contract, _method, shape, _json), null) ?? _typed!);
        }
        catch (Exception ex) when (ex is ContainerException or NotSupportedException)
        {
            return fail(ex, null);
        }

        return (TResult)typed.Invoke(_calls, arguments);
    }

#pragma warning disable CS1998 // The stream fails when first read, as the other shapes fail through their task.
    private static async IAsyncEnumerable<T> Failed<T>(Exception exception)
    {
        throw exception;
#pragma warning disable CS0162
        yield break;
#pragma warning restore CS0162
    }
#pragma warning restore CS1998
}
