namespace Sprig;

/// <summary>Marks a method (void or <see cref="Task"/>) that runs on shutdown, in reverse creation order, before disposal.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PreDestroyAttribute : Attribute
{
}
