namespace Sprig.Generator.LazyProxies;

/// <summary>The names of the lazy proxy generator's steps, for tests that check they stay cached.</summary>
public static class TrackingNames
{
    /// <summary>Whether generation is on (the SprigGenerator MSBuild property).</summary>
    public const string Enabled = "LazyProxies.Enabled";

    /// <summary>One model per [Lazy] member or parameter of an interface type.</summary>
    public const string Proxies = "LazyProxies.Proxies";

    /// <summary>The distinct interfaces, in name order.</summary>
    public const string Distinct = "LazyProxies.Distinct";
}
