using System.Reflection;
using Sprig.Diagnostics;

namespace Sprig.Lifetime;

/// <summary>
/// The instances a context or scope must destroy, in creation order. Destroying runs [PreDestroy] and then
/// DisposeAsync/Dispose for each, last created first; a failure does not stop the others, and all failures are returned.
/// </summary>
internal sealed class DisposalList
{
    // Locks on itself and creates its list on first use: most request scopes have nothing to destroy.
    private List<(ComponentEntry Entry, object Instance)>? _items;
    private bool _closed;

    /// <summary>Closes the list when nothing was added for destruction (later additions are destroyed at once).</summary>
    /// <returns><see langword="true"/> when it was empty and is now closed; otherwise call <see cref="DestroyAllAsync"/>.</returns>
    public bool CloseIfEmpty()
    {
        lock (this)
        {
            if (_items is { Count: > 0 })
            {
                return false;
            }

            _closed = true;
            return true;
        }
    }

    public int CreatedCount { get; private set; }

    public void Add(ComponentEntry entry, object instance)
    {
        lock (this)
        {
            if (!entry.Definition.IsInfrastructure)
            {
                CreatedCount++;
            }

            if (!entry.Plan.NeedsDestroy(instance))
            {
                return;
            }

            if (!_closed)
            {
                (_items ??= []).Add((entry, instance));
                return;
            }
        }

        // Created while its owner was being destroyed (a call already under way): destroy it now rather than leak it.
        DestroyAsync(entry, instance, []).AsTask().GetAwaiter().GetResult();
    }

    public async Task<List<ContainerException>> DestroyAllAsync()
    {
        (ComponentEntry Entry, object Instance)[] items;
        lock (this)
        {
            items = _items is null ? [] : [.. _items];
            _items?.Clear();
            _closed = true;
        }

        var problems = new List<ContainerException>();
        for (var i = items.Length - 1; i >= 0; i--)
        {
            await DestroyAsync(items[i].Entry, items[i].Instance, problems).ConfigureAwait(false);
        }

        return problems;
    }

    private static async ValueTask DestroyAsync(ComponentEntry entry, object instance, List<ContainerException> problems)
    {
        foreach (var method in entry.Plan.PreDestroy)
        {
            try
            {
                if (method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, null, null) is Task task)
                {
                    await task.ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                problems.Add(new ContainerException(Errors.StopFailed(entry.Name, $"[PreDestroy] method '{method.Name}'", ex), entry.Name, null, ex));
            }
        }

        try
        {
            if (instance is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else if (instance is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
        catch (Exception ex)
        {
            problems.Add(new ContainerException(Errors.StopFailed(entry.Name, "Dispose", ex), entry.Name, null, ex));
        }
    }
}
