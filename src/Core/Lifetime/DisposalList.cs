using System.Reflection;
using Sprig.Definitions;
using Sprig.Diagnostics;

namespace Sprig.Lifetime;

/// <summary>
/// The instances a context or scope must destroy, in creation order. Destroying runs [PreDestroy] and then
/// DisposeAsync/Dispose for each, last created first; a failure does not stop the others, and all failures are returned.
/// </summary>
internal sealed class DisposalList
{
    // Locks on itself. The first instance is held inline and a list made only for more: most request scopes destroy one
    // instance or none.
    private ComponentEntry? _firstEntry;
    private object? _firstInstance;
    private List<(ComponentEntry Entry, object Instance)>? _more;
    private bool _closed;

    /// <summary>Closes the list when nothing was added for destruction (later additions are destroyed at once).</summary>
    /// <returns><see langword="true"/> when it was empty and is now closed; otherwise call <see cref="DestroyAllAsync"/>.</returns>
    public bool CloseIfEmpty()
    {
        lock (this)
        {
            if (_firstEntry is not null)
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
                if (_firstEntry is null)
                {
                    (_firstEntry, _firstInstance) = (entry, instance);
                }
                else
                {
                    (_more ??= new(2)).Add((entry, instance));
                }

                return;
            }
        }

        // Created while its owner was being destroyed (a call already under way): destroy it now rather than leak it.
        DestroyAsync(entry, instance, []).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Destroys everything without the asynchronous machinery when nothing needs it: no [PreDestroy] method returns a task and
    /// every instance is <see cref="IDisposable"/> (the common request scope). Otherwise destroys nothing and returns false.
    /// </summary>
    /// <param name="problems">The failures, or null when there were none.</param>
    /// <returns><see langword="true"/> when everything was destroyed here.</returns>
    public bool TryDestroyAllSynchronously(out List<ContainerException>? problems)
    {
        problems = null;
        ComponentEntry? firstEntry;
        object? firstInstance;
        List<(ComponentEntry Entry, object Instance)>? more;
        lock (this)
        {
            if (_firstEntry is not null && (!Synchronous(_firstEntry, _firstInstance!) || (_more is not null && !_more.TrueForAll(i => Synchronous(i.Entry, i.Instance)))))
            {
                return false;
            }

            // Closed, the list no longer changes (a late instance is destroyed at once instead): nothing to copy.
            _closed = true;
            (firstEntry, firstInstance, more) = (_firstEntry, _firstInstance, _more);
            (_firstEntry, _firstInstance, _more) = (null, null, null);
        }

        for (var i = (more?.Count ?? 0) - 1; i >= 0; i--)
        {
            DestroySynchronously(more![i].Entry, more[i].Instance, ref problems);
        }

        if (firstEntry is not null)
        {
            DestroySynchronously(firstEntry, firstInstance!, ref problems);
        }

        return true;
    }

    public async Task<List<ContainerException>> DestroyAllAsync()
    {
        (ComponentEntry Entry, object Instance)[] items;
        lock (this)
        {
            items = _firstEntry is null ? [] : [(_firstEntry, _firstInstance!), .. _more ?? []];
            (_firstEntry, _firstInstance, _more) = (null, null, null);
            _closed = true;
        }

        var problems = new List<ContainerException>();
        for (var i = items.Length - 1; i >= 0; i--)
        {
            await DestroyAsync(items[i].Entry, items[i].Instance, problems).ConfigureAwait(false);
        }

        return problems;
    }

    private static bool Synchronous(ComponentEntry entry, object instance)
    {
        if (instance is not IDisposable)
        {
            return false;
        }

        foreach (var method in entry.Plan.PreDestroy)
        {
            if (method.ReturnType != typeof(void))
            {
                return false;
            }
        }

        return true;
    }

    private static void DestroySynchronously(ComponentEntry entry, object instance, ref List<ContainerException>? problems)
    {
        var plan = entry.Plan;
        for (var i = 0; i < plan.PreDestroy.Count; i++)
        {
            var method = plan.PreDestroy[i];
            try
            {
                Resolution.MethodCalls.Invoke(method, GeneratedHookCalls.At(plan.HookCalls.PreDestroy, i), instance);
            }
            catch (Exception ex)
            {
                (problems ??= []).Add(HookFailed(entry, method, ex));
            }
        }

        try
        {
            // Like MS.DI's synchronous Dispose of a scope: IDisposable.Dispose, also for an instance that is IAsyncDisposable too.
            ((IDisposable)instance).Dispose();
        }
        catch (Exception ex)
        {
            (problems ??= []).Add(DisposeFailed(entry, ex));
        }
    }

    private static async ValueTask DestroyAsync(ComponentEntry entry, object instance, List<ContainerException> problems)
    {
        var plan = entry.Plan;
        for (var i = 0; i < plan.PreDestroy.Count; i++)
        {
            var method = plan.PreDestroy[i];
            try
            {
                if (Resolution.MethodCalls.Invoke(method, GeneratedHookCalls.At(plan.HookCalls.PreDestroy, i), instance) is Task task)
                {
                    await task.ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                problems.Add(HookFailed(entry, method, ex));
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
            problems.Add(DisposeFailed(entry, ex));
        }
    }

    private static ContainerException HookFailed(ComponentEntry entry, MethodInfo method, Exception cause) =>
        new(Errors.StopFailed(entry.Name, $"[PreDestroy] method '{method.Name}'", cause), entry.Name, null, cause);

    private static ContainerException DisposeFailed(ComponentEntry entry, Exception cause) =>
        new(Errors.StopFailed(entry.Name, "Dispose", cause), entry.Name, null, cause);
}
