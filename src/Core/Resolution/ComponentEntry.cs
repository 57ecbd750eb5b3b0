using Sprig.Definitions;
using Sprig.Diagnostics;
using Sprig.Lifetime;

namespace Sprig.Resolution;

/// <summary>
/// A component at run time: its definition, its plan, its singleton instance or compiled factory.
/// <see cref="Resolve"/> is the hot path: a singleton is one field read.
/// </summary>
internal sealed class ComponentEntry
{
    // The singletons this thread is creating, outermost first: a lazy link used during creation can lead back to one of them.
    [ThreadStatic]
    private static List<ComponentEntry>? t_creating;

    private readonly RootLifetime _lifetime;
    private object? _singleton;
    private Func<RequestScope?, object>? _factory;

    // The compiled factory of one of Sprig's own prototypes, for resolution from the root, where nothing tracks it.
    private Func<RequestScope?, object>? _untracked;
    private PreparedPlan? _prepared;
    private int _creatingThread;

    public ComponentEntry(ComponentDefinition definition, int index, RootLifetime lifetime)
    {
        Definition = definition;
        Index = index;
        _lifetime = lifetime;
        _singleton = definition.Instance;
    }

    public ComponentDefinition Definition { get; }

    /// <summary>Gets what the context owns while it runs (its provider, singletons, root scope).</summary>
    public RootLifetime Lifetime => _lifetime;

    public string Name => Definition.Name;

    public int Index { get; }

    public ComponentPlan Plan { get; set; } = ComponentPlan.Empty;

    /// <summary>Gets or sets the slot of a Request component in a scope's instance array.</summary>
    public int RequestSlot { get; set; } = -1;

    public bool IsCreated => Volatile.Read(ref _singleton) is not null;

    /// <summary>
    /// Gets whether a prototype can be built inline by whatever needs it (compiled into its factory, or called directly by its
    /// prepared plan): a class built by its constructor and member injection (no [PostConstruct]) that never needs destroying,
    /// so nothing has to track it.
    /// </summary>
    public bool CanInline => Definition.Scope == Scope.Prototype && Definition.Kind == ComponentKind.Class && Plan.ByConstructor
        && Plan.PostConstruct.Count == 0 && !Plan.MayNeedDestroy && Index >= 0;

    /// <summary>Gets the plan made ready for repeated creation without dynamic code (prepared on first use after refresh).</summary>
    public PreparedPlan Prepared => _prepared ??= new PreparedPlan(this);

    /// <summary>The key of <see cref="Exception.Data"/> under which a service descriptor's own exception names the descriptor that threw it, and at which stage.</summary>
    private const string DescriptorFailure = "Sprig.DescriptorFailure";

    public object Resolve(RequestScope? scope)
    {
        var instance = _singleton;
        if (instance is not null)
        {
            return instance;
        }

        return scope is null && _untracked is { } untracked ? untracked(null) : ResolveSlow(scope);
    }

    public object GetOrCreateSingleton()
    {
        // Entries are internal, so locking on the entry itself saves a lock object per component.
        lock (this)
        {
            if (_singleton is { } existing)
            {
                return existing;
            }

            var creating = t_creating ??= [];
            if (_creatingThread == Environment.CurrentManagedThreadId)
            {
                var cycle = creating.Skip(creating.IndexOf(this)).Select(e => e.Name).Append(Name).ToList();
                throw new CircularDependencyException(Errors.UsedWhileCreating(cycle), cycle);
            }

            _creatingThread = Environment.CurrentManagedThreadId;
            creating.Add(this);
            try
            {
                var instance = Create(null);
                _lifetime.Created(this, instance);
                Volatile.Write(ref _singleton, instance);
                return instance;
            }
            finally
            {
                creating.RemoveAt(creating.Count - 1);
                _creatingThread = 0;
            }
        }
    }

    public object Create(RequestScope? scope)
    {
        var factory = _factory;
        if (factory is null)
        {
            if (_lifetime.IsRefreshing || Definition.Scope == Scope.Singleton)
            {
                // A singleton is created once: following its plan is cheaper than compiling or preparing a factory used once.
                return PlanInterpreter.Create(this, scope);
            }

            // Where code cannot be generated at run time (Native AOT), the plan is prepared once as data (singletons as constants,
            // simple prototypes inlined, generated constructors fed without an array) and followed on each creation, as MS.DI
            // interprets its call sites there.
            factory = _factory = !System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled || !Generated.DynamicCode.IsSupported
                ? Prepared.Create
                : PlanCompiler.Compile(this);
            if (Definition.Scope == Scope.Prototype && !Definition.FromDescriptor)
            {
                _untracked = factory;
            }
        }

        return factory(scope);
    }

    /// <summary>
    /// Turns a failure at creation stage <paramref name="stage"/> into the exception to throw, extending the path. A service
    /// descriptor's constructor or factory surfaces its own exception unchanged (an <c>OptionsValidationException</c>, an
    /// <c>ArgumentException</c>), with its stack trace, as Microsoft.Extensions.DependencyInjection lets it through: hosts and
    /// libraries catch those types. An attributed component that depends on it wraps it with the path.
    /// </summary>
    public Exception Fail(int stage, Exception cause)
    {
        var stageText = stage < Plan.Stages.Count ? Plan.Stages[stage] : "creation";
        if (Definition.FromDescriptor && cause is not (ContainerException or NullProductException) && !cause.Data.Contains(UnresolvableDependency.Marker))
        {
            // Remembered for an attributed component further up, which names where it failed and the path.
            if (!cause.Data.Contains(DescriptorFailure))
            {
                cause.Data[DescriptorFailure] = (Name, stageText);
            }

            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
        }

        if (cause.Data[DescriptorFailure] is (string failed, string failedStage))
        {
            return ComponentCreationException.Create(Errors.StageThrew(failed, failedStage, cause), failed, cause).WithOuter(Name);
        }

        return cause switch
        {
            InvalidOperationException unresolvable when unresolvable.Data.Contains(UnresolvableDependency.Marker) => unresolvable,
            ComponentCreationException inner => inner.WithOuter(Name),
            ContainerException container => container,
            NullProductException => ComponentCreationException.Create(Errors.FactoryReturnedNull(Name, stageText), Name, null),
            _ => ComponentCreationException.Create(Errors.StageThrew(Name, stageText, cause), Name, cause),
        };
    }

    private object ResolveSlow(RequestScope? scope)
    {
        switch (Definition.Scope)
        {
            case Scope.Singleton:
                return GetOrCreateSingleton();
            case Scope.Prototype:
                if (scope is null && !Definition.FromDescriptor)
                {
                    // Sprig's own prototypes resolved from the root are not tracked (Spring's rule): nothing to check.
                    return Create(null);
                }

                scope?.ThrowIfDisposed(this);
                var instance = Create(scope);
                if (Plan.NeedsDestroy(instance))
                {
                    // MS.DI tracks disposable transients resolved from the root in the root; Sprig's own prototypes are
                    // tracked only inside a request scope, like Spring's.
                    (scope ?? (Definition.FromDescriptor ? _lifetime.RootScope : null))?.Track(this, instance);
                }

                return instance;
            default:
                if (scope is null && Definition.FromDescriptor)
                {
                    return _lifetime.Context.ValidateScopes
                        ? ThrowHelper.ScopedFromRoot(Definition.Type, Name)
                        : _lifetime.RootScope.GetOrCreate(this);
                }

                return scope is null ? ThrowHelper.RequestScopeRequired(Name) : scope.GetOrCreate(this);
        }
    }
}
