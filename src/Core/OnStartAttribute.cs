namespace Sprig;

/// <summary>
/// Marks an async start hook (<see cref="Task"/> or <see cref="Task"/>(<see cref="CancellationToken"/>)) that runs once the whole
/// graph is linked, in dependency order: a component starts after the components it depends on.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnStartAttribute : Attribute
{
}
