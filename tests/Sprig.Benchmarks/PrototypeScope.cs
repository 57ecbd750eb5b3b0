namespace Sprig.Benchmarks;

/// <summary>Helpers for the benchmark graph.</summary>
internal static class PrototypeScope
{
    /// <summary>Resolves each prototype once so that its factory is compiled before measuring.</summary>
    public static void MakePrototypes(ApplicationContext context)
    {
        _ = context.Get<Leaf>();
        _ = context.Get<Root>();
    }
}
