using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Sprig.Generated;

/// <summary>
/// Hands an endpoint's generic result over boxed. Generated code calls these with the method's own T, so the generic code is
/// made at compile time; the runtime then awaits <see cref="Task{TResult}"/> of object and enumerates items of object, which
/// Native AOT allows. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedResults
{
    /// <summary>Returns a task of the task's result, boxed.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">What the endpoint returned.</param>
    /// <returns>The boxed result, once the task completes.</returns>
    public static async Task<object?> Await<T>(Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return await task.ConfigureAwait(false);
    }

    /// <summary>Returns a task of the value task's result, boxed.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">What the endpoint returned.</param>
    /// <returns>The boxed result, once the task completes.</returns>
    public static async Task<object?> Await<T>(ValueTask<T> task) => await task.ConfigureAwait(false);

    /// <summary>Returns the items of a stream, boxed; the enumeration's token reaches the stream.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">What the endpoint returned.</param>
    /// <param name="cancellationToken">Stops the enumeration (passed on to <paramref name="items"/>).</param>
    /// <returns>The boxed items, in order.</returns>
    public static async IAsyncEnumerable<object?> Stream<T>(IAsyncEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
