namespace Sprig.Nats.Tests.Support;

/// <summary>A component whose endpoint name cannot be a NATS subject token.</summary>
[Component("BadNames", Namespace = "nt")]
public sealed class BadNames
{
    [Endpoint("get.value")]
    public int GetValue() => 1;
}
