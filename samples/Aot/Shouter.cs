using Sprig;
using Sprig.Conditions;

namespace AotSample;

/// <summary>Registered only when <c>Greeting:Loud</c> is true (environment variable <c>Greeting__Loud=true</c>): decided at run time.</summary>
[Component]
[ConditionalOnProperty("Greeting:Loud", HavingValue = "true")]
public sealed class Shouter
{
    public string Shout(string text) => text.ToUpperInvariant() + "!";
}
