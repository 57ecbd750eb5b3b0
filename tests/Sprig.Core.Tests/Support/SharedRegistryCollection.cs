namespace Sprig.Tests.Support;

/// <summary>Tests that touch <see cref="PendingRegistry.Instance"/> share this collection and so never run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedRegistryCollection
{
    public const string Name = "PendingRegistry.Instance";
}
