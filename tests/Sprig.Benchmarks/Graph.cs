namespace Sprig.Benchmarks;

// The object graphs every container builds. Injected dependencies are kept in fields (or auto-properties), so that .NET 10's
// escape analysis cannot remove the objects being measured.
public interface ISingleton1;

public interface ISingleton2;

public interface ISingleton3;

public sealed class Singleton1 : ISingleton1;

public sealed class Singleton2 : ISingleton2;

public sealed class Singleton3 : ISingleton3;

/// <summary>A prototype with no dependencies.</summary>
[Component(Scope = Scope.Prototype)]
public sealed class Leaf
{
}

[Component(Scope = Scope.Prototype)]
public sealed class Prototype1(ISingleton1 s)
{
    public ISingleton1 S { get; } = s;
}

[Component(Scope = Scope.Prototype)]
public sealed class Prototype2(ISingleton2 s)
{
    public ISingleton2 S { get; } = s;
}

[Component(Scope = Scope.Prototype)]
public sealed class Prototype3(ISingleton3 s)
{
    public ISingleton3 S { get; } = s;
}

/// <summary>The six-dependency graph: 3 singletons + 3 prototypes that each have one dependency, through the constructor.</summary>
[Component(Scope = Scope.Prototype)]
public sealed class Root(ISingleton1 s1, ISingleton2 s2, ISingleton3 s3, Prototype1 p1, Prototype2 p2, Prototype3 p3)
{
    public ISingleton1 S1 { get; } = s1;
    public ISingleton2 S2 { get; } = s2;
    public ISingleton3 S3 { get; } = s3;
    public Prototype1 P1 { get; } = p1;
    public Prototype2 P2 { get; } = p2;
    public Prototype3 P3 { get; } = p3;
}
