namespace Sprig;

/// <summary>
/// One timed step of a context's refresh (<see cref="ApplicationContext.StartupSteps"/>): a refresh phase, or the creation,
/// [PostConstruct] hooks or [OnStart] hooks of one component.
/// </summary>
/// <param name="Name">The phase's name for a phase step; the component's name for a component step.</param>
/// <param name="Phase">A refresh phase ("registration", "conditions", "planning", "validation", "ordering", "instantiation",
/// "start"), or "create" (constructor or factory and member injection, including the creation of dependencies made for it
/// then), "post-construct" (its [PostConstruct] methods) or "on-start" (its [OnStart] methods).</param>
/// <param name="Start">When the step began, from the beginning of the refresh.</param>
/// <param name="Duration">How long the step took.</param>
public sealed record StartupStep(string Name, string Phase, TimeSpan Start, TimeSpan Duration);
