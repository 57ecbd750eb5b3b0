namespace Sprig.Conditions.Tests.Support;

/// <summary>
/// Tests that set process environment variables share this collection and never run in parallel with each other.
/// Each still uses a variable name of its own and removes it in a finally block.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}
