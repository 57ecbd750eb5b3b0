namespace Sprig.Conditions;

/// <summary>The shared evaluation of the class conditions.</summary>
internal static class TypePresence
{
    public static ConditionOutcome Evaluate(string typeName, bool wanted)
    {
        var type = ConditionContext.FindType(typeName);
        return type is null
            ? new(!wanted, $"did not find type '{typeName}'")
            : new(wanted, $"found type '{type.FullName}' in {type.Assembly.GetName().Name}");
    }
}
