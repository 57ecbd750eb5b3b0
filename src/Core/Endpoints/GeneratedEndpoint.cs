using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sprig.Diagnostics;
using Sprig.Generated;
using Sprig.Planning;

namespace Sprig.Endpoints;

/// <summary>
/// Builds an endpoint's invoker from Sprig.Generator's call of the method, where code cannot be generated at run time (Native
/// AOT): each argument is deserialized with its type's metadata from the context's <see cref="JsonMetadata"/>, the generated call
/// invokes the method, and the result is serialized the same way, all without generic code made at run time. A method returning
/// <c>T</c>, <c>void</c>, <see cref="Task"/> or <see cref="ValueTask"/> is served through the plain call; one returning
/// <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c> (or a class implementing it) through the generated call that hands its result
/// over boxed (<see cref="GeneratedMethod.Awaited"/>, <see cref="GeneratedMethod.Streamed"/>), serialized as the declared T.
/// </summary>
internal static class GeneratedEndpoint
{
    /// <summary>Says why an endpoint cannot be served from generated code, or returns null when it can.</summary>
    public static string? WhyNot(Type componentType, MethodInfo method) => Reason(GeneratedCalls.Of(componentType).Generated(method), method);

    // Why a method's generated call (null: none) cannot serve it, or null; looked up once by Create.
    private static string? Reason(GeneratedMethod? generated, MethodInfo method) =>
        generated is null ? Errors.EndpointCallNotGenerated
        : IsGenericResult(method.ReturnType) && generated.Awaited is null && generated.Streamed is null ? Errors.EndpointResultNotGenerated
        : null;

    /// <summary>
    /// Returns T when Sprig.Generator found that the method of <paramref name="componentType"/> streams (it returns
    /// IAsyncEnumerable&lt;T&gt; or a class or interface implementing it, <see cref="GeneratedMethod.Streamed"/>); otherwise null.
    /// </summary>
    public static Type? StreamItemType(Type componentType, MethodInfo method) =>
        GeneratedCalls.Of(componentType).Generated(method) is { Streamed: not null, ResultType: { } item } ? item : null;

    /// <summary>Creates the endpoint's invoker, or throws when <see cref="WhyNot"/> has a reason.</summary>
    /// <exception cref="ContainerException">The method cannot be served from generated code.</exception>
    public static CompiledEndpoint Create(Type componentType, ComponentEntry? entry, EndpointDescriptor descriptor, Func<ParameterInfo, (bool Optional, object? Fallback)> defaults, JsonMetadata json)
    {
        var method = descriptor.Method;
        var generated = GeneratedCalls.Of(componentType).Generated(method);
        if (Reason(generated, method) is { } why)
        {
            throw new ContainerException(Errors.EndpointNotGenerated(descriptor.Address, method, why), descriptor.Component, null);
        }

        var arguments = Arguments(descriptor, defaults, json);
        var result = new ResultJson(descriptor, generated!.ResultType ?? method.ReturnType, json);
        if (generated.Streamed is { } streamed)
        {
            return new CompiledEndpoint(descriptor, entry)
            {
                Stream = (scope, values, token) =>
                {
                    var bound = arguments(values, token);
                    return result.Stream(streamed(entry?.Resolve(scope), bound), token);
                },
            };
        }

        if (generated.Awaited is { } awaited)
        {
            return new CompiledEndpoint(descriptor, entry)
            {
                Unary = (scope, values, token) =>
                {
                    var bound = arguments(values, token);
                    return result.Await(awaited(entry?.Resolve(scope), bound));
                },
            };
        }

        var invoke = generated.Invoke;
        var returns = method.ReturnType;
        return new CompiledEndpoint(descriptor, entry)
        {
            Unary = (scope, values, token) =>
            {
                var bound = arguments(values, token);
                var value = invoke(entry?.Resolve(scope), bound);
                if (returns == typeof(void))
                {
                    return default;
                }

                if (returns == typeof(Task))
                {
                    return EndpointResults.FromTask((Task)value!);
                }

                return returns == typeof(ValueTask) ? EndpointResults.FromValueTask((ValueTask)value!) : new(result.Serialize(value));
            },
        };
    }

    private static bool IsGenericResult(Type returns) =>
        returns.IsGenericType && (returns.GetGenericTypeDefinition() == typeof(Task<>) || returns.GetGenericTypeDefinition() == typeof(ValueTask<>)
            || returns.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));

    /// <summary>
    /// Returns what binds the method's arguments, in parameter order, from the JSON values (the caller's token for a
    /// CancellationToken). The invokers bind before they resolve the component, so a bad call creates nothing.
    /// </summary>
    private static Func<JsonElement[], CancellationToken, object?[]> Arguments(EndpointDescriptor descriptor, Func<ParameterInfo, (bool Optional, object? Fallback)> defaults, JsonMetadata json)
    {
        var parameters = descriptor.Method.GetParameters();
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
                bindings[i] = new UntypedParameterBinding(descriptor, parameter, path, single, optional, fallback, json);
            }
        }

        return (values, token) =>
        {
            var arguments = new object?[bindings.Length];
            for (int i = 0, slot = 0; i < bindings.Length; i++)
            {
                arguments[i] = bindings[i] is { } binding ? binding.Bind(values[slot++]) : token;
            }

            return arguments;
        };
    }

    /// <summary>Serializes an endpoint's results as their declared type, with its metadata looked up on first use.</summary>
    private sealed class ResultJson(EndpointDescriptor descriptor, Type type, JsonMetadata json)
    {
        private JsonTypeInfo? _typeInfo;

        public JsonElement Serialize(object? value) => JsonSerializer.SerializeToElement(value, _typeInfo ??= json.TypeInfo(type, descriptor.Address, descriptor.Component, null));

        public ValueTask<JsonElement> Await(Task<object?> task) =>
            task.IsCompletedSuccessfully ? new(Serialize(task.Result)) : AwaitAsync(task);

        public async IAsyncEnumerable<JsonElement> Stream(IAsyncEnumerable<object?> items, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return Serialize(item);
            }
        }

        private async ValueTask<JsonElement> AwaitAsync(Task<object?> task) => Serialize(await task.ConfigureAwait(false));
    }
}
