namespace Sprig.Definitions;

/// <summary>
/// The generated calls of a plan's lifecycle methods, index for index with <see cref="ComponentPlan.PostConstruct"/>,
/// <see cref="ComponentPlan.OnStart"/> and <see cref="ComponentPlan.PreDestroy"/>; an empty list or a null item means reflection.
/// </summary>
internal sealed record GeneratedHookCalls(
    IReadOnlyList<Func<object?, object?[], object?>?> PostConstruct,
    IReadOnlyList<Func<object?, object?[], object?>?> OnStart,
    IReadOnlyList<Func<object?, object?[], object?>?> PreDestroy)
{
    public static readonly GeneratedHookCalls None = new([], [], []);

    /// <summary>Returns the generated call at <paramref name="index"/> of <paramref name="calls"/>, or null.</summary>
    public static Func<object?, object?[], object?>? At(IReadOnlyList<Func<object?, object?[], object?>?> calls, int index) =>
        index < calls.Count ? calls[index] : null;
}
