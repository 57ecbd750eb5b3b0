using Sprig;

namespace AotSample;

/// <summary>
/// A prototype with injected members (a private readonly field, reached through [UnsafeAccessor], a property, a [Value] with its
/// default): each Get after refresh makes a new one, its members set by the registry's generated SetMembers call.
/// </summary>
[Component(Scope = Scope.Prototype)]
public sealed class Receipt
{
    private static int s_printed;

    [Inject]
    private readonly Clock _clock = null!;

    [Inject]
    public IGreeter Greeter { get; set; } = null!;

    [Value("Receipt:Currency", Default = "EUR")]
    public string Currency { get; set; } = "";

    public int Number { get; } = Interlocked.Increment(ref s_printed);

    public string Print() => $"#{Number} {Currency} {_clock.Today}: {Greeter.Greet("receipt")}";
}
