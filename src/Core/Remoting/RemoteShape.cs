namespace Sprig.Remoting;

/// <summary>What a contract method returns, and so how a remote proxy answers it.</summary>
internal enum RemoteShape
{
    /// <summary><see cref="System.Threading.Tasks.Task"/>: no result.</summary>
    Task,

    /// <summary><see cref="System.Threading.Tasks.ValueTask"/>: no result.</summary>
    ValueTask,

    /// <summary><see cref="Task{TResult}"/>.</summary>
    TaskOfT,

    /// <summary><see cref="ValueTask{TResult}"/>.</summary>
    ValueTaskOfT,

    /// <summary><see cref="IAsyncEnumerable{T}"/>: a streaming endpoint.</summary>
    Stream,
}
