namespace Sprig.Benchmarks;

// The six-dependency graph again, every link through a settable property: Sprig [Inject], Grace ImportProperty, Autofac
// PropertiesAutowired, MS.DI (no property injection) a factory that sets the properties.
[Component(Scope = Scope.Prototype)]
public sealed class PropertyPrototype1
{
    [Inject] public ISingleton1 S { get; set; } = null!;
}

[Component(Scope = Scope.Prototype)]
public sealed class PropertyPrototype2
{
    [Inject] public ISingleton2 S { get; set; } = null!;
}

[Component(Scope = Scope.Prototype)]
public sealed class PropertyPrototype3
{
    [Inject] public ISingleton3 S { get; set; } = null!;
}

/// <summary>The six-dependency graph through <see cref="InjectAttribute"/> properties.</summary>
[Component(Scope = Scope.Prototype)]
public sealed class PropertyRoot
{
    [Inject] public ISingleton1 S1 { get; set; } = null!;
    [Inject] public ISingleton2 S2 { get; set; } = null!;
    [Inject] public ISingleton3 S3 { get; set; } = null!;
    [Inject] public PropertyPrototype1 P1 { get; set; } = null!;
    [Inject] public PropertyPrototype2 P2 { get; set; } = null!;
    [Inject] public PropertyPrototype3 P3 { get; set; } = null!;
}
