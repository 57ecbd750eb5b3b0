namespace Sprig.Conditions;

/// <summary>
/// Includes the component when one of the profiles is active ("!name" when a profile is not active). Active profiles come from
/// configuration key <c>profiles:active</c>, comma-separated.
/// </summary>
/// <example><code>[Service, Profile("production")] public class SmtpMailer : IMailer { }</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ProfileAttribute : ConditionAttribute
{
    /// <summary>Initializes the condition with the profiles, any of which includes the component.</summary>
    /// <param name="profiles">Profile names; "!name" matches when that profile is not active.</param>
    public ProfileAttribute(params string[] profiles) => Profiles = profiles;

    /// <summary>Gets the profile names.</summary>
    public IReadOnlyList<string> Profiles { get; }

    /// <inheritdoc/>
    public override string Description => $"Profile({string.Join(", ", Profiles.Select(p => $"'{p}'"))})";

    /// <inheritdoc/>
    public override ConditionOutcome Evaluate(ConditionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var active = context.ActiveProfiles;
        var matches = Profiles.Any(p => p.StartsWith('!') ? !active.Contains(p[1..]) : active.Contains(p));
        return new(matches, active.Count == 0 ? "found no active profiles" : $"found active profiles {string.Join(", ", active.Order(StringComparer.Ordinal).Select(p => $"'{p}'"))}");
    }
}
