using Sprig;
using Sprig.Conditions;

namespace ConditionsSample;

public interface INotifier
{
    string Notify(string user, string text);
}

/// <summary>Only when the feature switch is on.</summary>
[Service, ConditionalOnProperty("feature.email", HavingValue = "true")]
public class EmailNotifier : INotifier
{
    [Value("mail.sender")]
    public string Sender { get; set; } = "";

    public string Notify(string user, string text) => $"email from {Sender} to {user}: {text}";
}

/// <summary>The default: in whenever no other notifier is, whatever the registration order.</summary>
[Service, ConditionalOnMissingBean(typeof(INotifier))]
public class ConsoleNotifier : INotifier
{
    public string Notify(string user, string text) => $"console for {user}: {text}";
}

/// <summary>Only with the "dev" profile active.</summary>
[Component, Profile("dev")]
public class DemoData
{
    public IReadOnlyList<string> Users { get; } = ["ada", "grace"];
}

[Service]
public class Newsletter(INotifier notifier, DemoData? demo = null)
{
    public IEnumerable<string> Send(string text) => (demo?.Users ?? ["ada"]).Select(u => notifier.Notify(u, text));
}
