using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sprig.Definitions;

namespace Sprig.Lifetime;

/// <summary>
/// What a context owns while it runs, apart from its lookup tables: the provider components receive, the singletons created so
/// far (destroyed in reverse order at shutdown), and the root scope where Scoped service descriptors resolved from the context
/// live. Entries reach it to create and record instances; nothing here looks components up.
/// </summary>
internal sealed class RootLifetime
{
    private bool _refreshing = true;
    private Diagnostics.StartupRecorder? _startup;

    public RootLifetime(ApplicationContext context, int requestSlots, ILogger? logger = null)
    {
        Context = context;
        _startup = context.Startup;
        Logger = logger ?? NullLogger.Instance;
        RootScope = new RequestScope(context, requestSlots, Singletons) { IsRoot = true };
    }

    /// <summary>Gets the context: the root <see cref="IServiceProvider"/> components receive.</summary>
    public ApplicationContext Context { get; }

    /// <summary>Gets the singletons created so far, and the instances the root scope tracks, in creation order.</summary>
    public DisposalList Singletons { get; } = new();

    /// <summary>Gets the request scope that Scoped service descriptors resolved from the root live in (MS.DI's root scope).</summary>
    public RequestScope RootScope { get; }

    /// <summary>Gets the logger that records each singleton created (at Debug).</summary>
    public ILogger Logger { get; }

    /// <summary>Gets whether refresh is still running (creation then follows plans by reflection instead of compiling them).</summary>
    public bool IsRefreshing => Volatile.Read(ref _refreshing);

    /// <summary>Gets where creations are timed while refresh runs (<see cref="ApplicationContext.StartupSteps"/>); null afterwards.</summary>
    public Diagnostics.StartupRecorder? Startup => Volatile.Read(ref _startup);

    /// <summary>Marks the end of refresh: from now on, components created repeatedly get compiled factories, and creations are not timed.</summary>
    public void Refreshed()
    {
        Volatile.Write(ref _refreshing, false);
        Volatile.Write(ref _startup, null);
    }

    /// <summary>Records a singleton just created: for destruction at shutdown, and in the Debug log.</summary>
    public void Created(ComponentEntry entry, object instance)
    {
        Singletons.Add(entry, instance);
        if (!entry.Definition.IsInfrastructure && Logger.IsEnabled(LogLevel.Debug))
        {
            Logger.LogDebug("Created component {Name} ({Type}, {Scope})", entry.Name, entry.Definition.Type.FullName?.Replace('+', '.'), entry.Definition.Scope);
        }
    }
}
