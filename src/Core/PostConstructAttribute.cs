namespace Sprig;

/// <summary>Marks a method (void or <see cref="Task"/>) that runs after the component's injection, before others receive it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostConstructAttribute : Attribute
{
}
