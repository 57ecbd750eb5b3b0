using System.Reflection;
using Sprig.Endpoints;

namespace Sprig.Governance;

/// <summary>
/// What the code declares about the governance of one endpoint, read once at refresh: the <see cref="GovernanceAttribute"/>s
/// merged (method over class over contract interface), whether the endpoint is idempotent, and its fallback.
/// </summary>
internal sealed class EndpointGovernance
{
    public static readonly EndpointGovernance None = new(default, null, false);

    public EndpointGovernance(GovernanceValues declared, string? declaredOn, bool idempotent)
    {
        Declared = declared;
        DeclaredOn = declaredOn;
        Idempotent = idempotent;
    }

    /// <summary>Gets the attributes' settings, merged; zeros where no attribute sets one.</summary>
    public GovernanceValues Declared { get; }

    /// <summary>Gets the member whose [Governance] set the timeout, for messages ("IPrices.PriceAsync"), or null.</summary>
    public string? DeclaredOn { get; }

    /// <summary>Gets whether the endpoint is safe to run twice.</summary>
    public bool Idempotent { get; }

    /// <summary>Gets the fallback's type, or null.</summary>
    public Type? FallbackType { get; init; }

    /// <summary>Gets the fallback method ready to call with the failed call's JSON arguments, or null.</summary>
    public CompiledEndpoint? Fallback { get; set; }

    /// <summary>
    /// Reads the governance attributes of an endpoint, in order of precedence: the method's, then its class's, then the contract
    /// interface method's, then the contract interface's.
    /// </summary>
    /// <param name="method">The endpoint method (a class's, or a contract interface's for a remote proxy).</param>
    /// <param name="contractMethod">The contract interface method it implements, or null.</param>
    /// <param name="idempotent">Whether the endpoint is idempotent.</param>
    public static EndpointGovernance Read(MethodInfo method, MethodInfo? contractMethod, bool idempotent)
    {
        var levels = new List<(MemberInfo Member, GovernanceAttribute Attribute)>();
        Add(levels, method);
        if (method.DeclaringType is { IsInterface: false } type)
        {
            Add(levels, type);
        }

        if (contractMethod is not null && contractMethod != method)
        {
            Add(levels, contractMethod);
            Add(levels, contractMethod.DeclaringType!);
        }
        else if (method.DeclaringType is { IsInterface: true } contract)
        {
            Add(levels, contract);
        }

        var values = default(GovernanceValues);
        string? declaredOn = null;
        foreach (var (member, attribute) in levels)
        {
            var level = GovernanceValues.Of(attribute);
            if (declaredOn is null && values.TimeoutMs == 0 && level.TimeoutMs != 0)
            {
                declaredOn = member is Type t ? Diagnostics.Errors.TypeName(t) : $"{Diagnostics.Errors.TypeName(member.DeclaringType!)}.{member.Name}";
            }

            values = values.Over(level);
        }

        var fallback = (contractMethod ?? method).GetCustomAttribute<FallbackAttribute>()
            ?? method.GetCustomAttribute<FallbackAttribute>()
            ?? (contractMethod ?? method).DeclaringType?.GetCustomAttribute<FallbackAttribute>(inherit: false);
        return levels.Count == 0 && fallback is null && !idempotent
            ? None
            : new EndpointGovernance(values, declaredOn, idempotent) { FallbackType = fallback?.Component };
    }

    private static void Add(List<(MemberInfo, GovernanceAttribute)> levels, MemberInfo member)
    {
        if (member.GetCustomAttribute<GovernanceAttribute>(inherit: false) is { } attribute)
        {
            levels.Add((member, attribute));
        }
    }
}
