using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sprig.Diagnostics;
using Sprig.Planning;

namespace Sprig.Endpoints;

/// <summary>
/// Builds an endpoint's invoker from Sprig.Generator's call of the method, where code cannot be generated at run time (Native
/// AOT): each argument is deserialized with its type's metadata from <see cref="EndpointJson.Options"/>, the generated call
/// invokes the method, and the result is serialized the same way, all without generic code made at run time. A method returning
/// <c>T</c>, <c>void</c>, <see cref="Task"/> or <see cref="ValueTask"/> is served; <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c>
/// and <c>IAsyncEnumerable&lt;T&gt;</c> need their result read through generic code, which only the reflection fallback makes.
/// </summary>
internal static class GeneratedEndpoint
{
    /// <summary>Says why an endpoint cannot be served from generated code, or returns null when it can.</summary>
    public static string? WhyNot(Type componentType, MethodInfo method)
    {
        var returns = method.ReturnType;
        if (returns.IsGenericType && (returns.GetGenericTypeDefinition() == typeof(Task<>) || returns.GetGenericTypeDefinition() == typeof(ValueTask<>)
            || returns.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)))
        {
            return Errors.EndpointResultNotGenerated;
        }

        return GeneratedCalls.Of(componentType).Method(method) is null ? Errors.EndpointCallNotGenerated : null;
    }

    /// <summary>Creates the endpoint's invoker, or throws when <see cref="WhyNot"/> has a reason.</summary>
    /// <exception cref="ContainerException">The method cannot be served from generated code.</exception>
    public static CompiledEndpoint Create(Type componentType, ComponentEntry? entry, EndpointDescriptor descriptor, Func<ParameterInfo, (bool Optional, object? Fallback)> defaults)
    {
        var method = descriptor.Method;
        if (WhyNot(componentType, method) is { } why)
        {
            throw new ContainerException(Errors.EndpointNotGenerated(descriptor.Address, method, why), descriptor.Component, null);
        }

        var invoke = GeneratedCalls.Of(componentType).Method(method)!;
        var parameters = method.GetParameters();
        var single = descriptor.Parameters.Count == 1;
        // Per parameter: its binding, or null for the CancellationToken.
        var bindings = new UntypedParameterBinding?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.ParameterType != typeof(CancellationToken))
            {
                var path = single ? "$" : "$." + EndpointJson.PropertyName(parameter.Name!);
                var (optional, fallback) = defaults(parameter);
                bindings[i] = new UntypedParameterBinding(descriptor, parameter, path, single, optional, fallback);
            }
        }

        var returns = method.ReturnType;
        JsonTypeInfo? result = null;
        return new CompiledEndpoint(descriptor, entry)
        {
            Unary = (scope, values, token) =>
            {
                var arguments = new object?[bindings.Length];
                for (int i = 0, slot = 0; i < bindings.Length; i++)
                {
                    arguments[i] = bindings[i] is { } binding ? binding.Bind(values[slot++]) : token;
                }

                var value = invoke(entry?.Resolve(scope), arguments);
                if (returns == typeof(void))
                {
                    return default;
                }

                if (returns == typeof(Task))
                {
                    return EndpointResults.FromTask((Task)value!);
                }

                return returns == typeof(ValueTask)
                    ? EndpointResults.FromValueTask((ValueTask)value!)
                    : new(JsonSerializer.SerializeToElement(value, result ??= EndpointJson.TypeInfo(returns, descriptor, null)));
            },
        };
    }
}
