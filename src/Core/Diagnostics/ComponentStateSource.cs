using Sprig.Resolution;

namespace Sprig.Diagnostics;

/// <summary>Reads a component's state when <see cref="ComponentInfo.State"/> is asked: it changes as lazy singletons are created and when the context shuts down.</summary>
internal sealed record ComponentStateSource(ApplicationContext Context, ComponentEntry Entry)
{
    public const string Created = "created";
    public const string NotCreated = "not created";
    public const string Destroyed = "destroyed";

    public string State =>
        Context.State is ContextState.Stopping or ContextState.Stopped or ContextState.Failed ? Destroyed
        : Entry.Definition.Scope == Scope.Singleton && Entry.IsCreated ? Created
        : NotCreated;
}
