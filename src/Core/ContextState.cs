namespace Sprig;

/// <summary>The life stages of an <see cref="ApplicationContext"/>.</summary>
public enum ContextState
{
    /// <summary>Constructed; <see cref="ApplicationContext.Refresh"/> has not run.</summary>
    Created,

    /// <summary>Refresh is evaluating, validating and creating components.</summary>
    Refreshing,

    /// <summary>Refresh succeeded; components can be resolved.</summary>
    Running,

    /// <summary>Shutdown is running the destroy hooks and disposing components.</summary>
    Stopping,

    /// <summary>Shutdown finished.</summary>
    Stopped,

    /// <summary>Refresh failed; what it had built was disposed.</summary>
    Failed,
}
