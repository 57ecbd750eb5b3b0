namespace Sprig.Conditions;

/// <summary>The shared evaluation of the bean conditions.</summary>
internal static class BeanPresence
{
    public static string Describe(string? name, Type? type) => name is not null ? $"'{name}'" : TypeName(type!);

    public static ConditionOutcome Evaluate(ConditionContext context, string? name, Type? type, bool wanted)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (name is not null)
        {
            return context.ContainsComponent(name)
                ? new(wanted, $"found component '{name}'")
                : new(!wanted, $"did not find a component named '{name}'");
        }

        var found = context.FindComponents(type!);
        return found.Count > 0
            ? new(wanted, $"found {string.Join(", ", found.Select(n => $"'{n}'"))} of type {TypeName(type!)}")
            : new(!wanted, $"did not find a component of type {TypeName(type!)}");
    }

    private static string TypeName(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>" : type.Name;
}
