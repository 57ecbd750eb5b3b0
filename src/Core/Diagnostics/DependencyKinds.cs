namespace Sprig.Diagnostics;

/// <summary>The values of <see cref="DependencyInfo.Kind"/>.</summary>
internal static class DependencyKinds
{
    public const string Type = "type";
    public const string Name = "name";
    public const string Lazy = "lazy";
    public const string Collection = "collection";
    public const string BeanFactory = "bean-factory";
    public const string Framework = "framework";
}
