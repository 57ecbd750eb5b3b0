using System.Reflection;

namespace Sprig.Web.OpenApi;

/// <summary>How an RPC endpoint's parameters travel in its JSON body, as the endpoint catalog binds them.</summary>
internal static class RpcArguments
{
    /// <summary>Gets the name of a parameter in an arguments object: its camelCase form ("userId").</summary>
    public static string PropertyName(ParameterInfo parameter) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(parameter.Name ?? "");

    /// <summary>
    /// Whether a call must pass the parameter. The binder lets a parameter out when it has a default value, is optional, or is
    /// nullable (<c>int?</c>, <c>string?</c>); every other one is required.
    /// </summary>
    public static bool IsRequired(ParameterInfo parameter) =>
        !parameter.HasDefaultValue && !parameter.IsOptional && !IsNullable(parameter);

    /// <summary>Whether null is a valid value: a nullable value type, or a reference type annotated nullable.</summary>
    public static bool IsNullable(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type.IsValueType)
        {
            return Nullable.GetUnderlyingType(type) is not null;
        }

        // NullabilityInfoContext is not thread-safe and caches per instance: one per question.
        return new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable;
    }
}
