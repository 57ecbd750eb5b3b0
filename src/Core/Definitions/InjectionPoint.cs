using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Sprig.Definitions;

/// <summary>
/// A constructor or factory parameter, a property or a field that receives a dependency, with the Sprig attributes that say
/// how (read once, when the point is made: the planner of every context that plans the type reuses it). A point made from what
/// Sprig.Generator saw (<see cref="ForPlainParameter"/>) has no reflection object behind it, and no attribute.
/// </summary>
internal sealed record InjectionPoint(string Description, string MemberName, Type Type, ICustomAttributeProvider? Attributes, bool Optional, object? DefaultValue)
{
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Activator is called only for a value type, to box its default: a struct without an explicit parameterless constructor (nearly every struct) needs no member kept for it.")]
    public static InjectionPoint ForParameter(ParameterInfo parameter, string owner)
    {
        var defaultValue = parameter.HasDefaultValue ? parameter.DefaultValue : null;
        if (defaultValue is null && parameter.ParameterType.IsValueType && Nullable.GetUnderlyingType(parameter.ParameterType) is null)
        {
            defaultValue = Activator.CreateInstance(parameter.ParameterType);
        }

        return WithAttributes(new($"{owner} parameter '{parameter.Name}'", parameter.Name ?? "", parameter.ParameterType, parameter, parameter.HasDefaultValue, defaultValue) { IsParameter = true });
    }

    /// <summary>
    /// Returns the point of a constructor parameter that, Sprig.Generator saw at compile time, carries no attribute and no default
    /// value: what <see cref="ForParameter"/> would make of it, without reading the parameter by reflection.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "As ForParameter: a value type's default, for a struct without an explicit parameterless constructor.")]
    public static InjectionPoint ForPlainParameter(string name, Type type) =>
        new($"constructor parameter '{name}'", name, type, null, false, type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null) { IsParameter = true };

    public static InjectionPoint ForMember(MemberInfo member, Type type, bool optional) =>
        WithAttributes(new($"{(member is FieldInfo ? "field" : "property")} '{member.Name}'", member.Name, type, member, optional, null));

    /// <summary>Gets whether the point is a constructor or factory parameter (a member is a field or property).</summary>
    public bool IsParameter { get; private init; }

    /// <summary>Gets whether the point is a [Lazy] link (resolved on first use, through a proxy).</summary>
    public bool IsLazy { get; init; }

    /// <summary>Gets the point's [Value], or null.</summary>
    public ValueAttribute? Value { get; private init; }

    /// <summary>Gets the point's [Lazy], or null.</summary>
    public LazyAttribute? Lazy { get; private init; }

    /// <summary>Gets the point's [InjectByName], or null.</summary>
    public InjectByNameAttribute? ByName { get; private init; }

    /// <summary>Gets the component name a member stands for: <c>UserRepo</c>, <c>userRepo</c> and <c>_userRepo</c> mean "UserRepo".</summary>
    public string InferredName
    {
        get
        {
            var name = MemberName.TrimStart('_');
            return name.Length == 0 ? MemberName : char.ToUpperInvariant(name[0]) + name[1..];
        }
    }

    private static InjectionPoint WithAttributes(InjectionPoint point)
    {
        // One metadata check for the common point without any attribute.
        var provider = point.Attributes!;
        if (!provider.IsDefined(typeof(Attribute), true))
        {
            return point;
        }

        return point with { Value = Find<ValueAttribute>(provider), Lazy = Find<LazyAttribute>(provider), ByName = Find<InjectByNameAttribute>(provider) };
    }

    private static T? Find<T>(ICustomAttributeProvider provider)
        where T : Attribute => provider.IsDefined(typeof(T), true) ? provider.GetCustomAttributes(typeof(T), true).OfType<T>().FirstOrDefault() : null;
}
