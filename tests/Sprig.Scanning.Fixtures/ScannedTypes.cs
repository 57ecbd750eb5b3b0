using Sprig;

namespace Sprig.Scanning.Fixtures;

/// <summary>Scanning input: a service with its default name.</summary>
[Service]
public class AlphaService
{
}

/// <summary>Scanning input: a component with an explicit name and scope.</summary>
[Component("beta", Scope = Scope.Prototype)]
public class BetaComponent
{
}

/// <summary>Scanning input: an internal class is found too.</summary>
[Component]
internal sealed class GammaInternal
{
}

/// <summary>Scanning input: a configuration class whose bean is registered with it.</summary>
[Configuration]
public class FixtureConfiguration
{
    /// <summary>Makes the "greeting" component.</summary>
    /// <returns>The greeting.</returns>
    [Bean("greeting")]
    public string Greeting() => "hello from a bean";
}

/// <summary>Not scanned: no attribute.</summary>
public class PlainClass
{
}

/// <summary>Not scanned: abstract.</summary>
[Component]
public abstract class AbstractComponent
{
}

/// <summary>
/// Not scanned (abstract, no attribute): a base class whose private injected field and hook a component of another assembly
/// inherits. That assembly's compilation does not show the private field, so its generator cannot vouch for the class.
/// </summary>
public abstract class InjectedBase
{
    [Inject]
    private AlphaService? _alpha;

    /// <summary>Gets what the private field received.</summary>
    public AlphaService? Alpha => _alpha;

    /// <summary>Gets whether the base class's [PostConstruct] ran.</summary>
    public bool Initialized { get; private set; }

    [PostConstruct]
    private void Initialize() => Initialized = true;
}
