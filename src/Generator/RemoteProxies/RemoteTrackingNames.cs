namespace Sprig.Generator.RemoteProxies;

/// <summary>The names of the remote proxy generator's steps, for tests that check they stay cached.</summary>
public static class RemoteTrackingNames
{
    /// <summary>Whether generation is on (the SprigGenerator MSBuild property).</summary>
    public const string Enabled = "RemoteProxies.Enabled";

    /// <summary>One model per [ComponentContract] interface.</summary>
    public const string Proxies = "RemoteProxies.Proxies";

    /// <summary>The distinct interfaces, in name order.</summary>
    public const string Distinct = "RemoteProxies.Distinct";
}
