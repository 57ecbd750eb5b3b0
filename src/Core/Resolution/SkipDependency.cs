namespace Sprig.Resolution;

/// <summary>An optional member with nothing to inject: the member keeps the value the class gave it.</summary>
internal sealed class SkipDependency : Dependency
{
    public static readonly SkipDependency Instance = new();

    private SkipDependency()
    {
    }

    public override bool Skip => true;
}
