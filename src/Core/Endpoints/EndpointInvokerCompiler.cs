using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Sprig.Generated;

namespace Sprig.Endpoints;

/// <summary>
/// Compiles each endpoint's call into a delegate with expression trees, once, at refresh:
/// <c>(scope, values, token) =&gt; adapt(((Component)entry.Resolve(scope)).Method(bind0(values[0]), token, ...))</c>.
/// Arguments are bound before the component is resolved, so a bad call creates nothing. No reflection per call.
/// </summary>
internal static class EndpointInvokerCompiler
{
    private static readonly MethodInfo ResolveMethod = typeof(ComponentEntry).GetMethod(nameof(ComponentEntry.Resolve))!;

    // Where code cannot be generated at run time (Native AOT), the expression is interpreted instead of compiled, as MS.DI does.
    private static bool Interpret => !System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled;

    [RequiresDynamicCode(DynamicCode.Message)]
    [RequiresUnreferencedCode(DynamicCode.Message)]
    public static CompiledEndpoint Compile(ComponentEntry? entry, EndpointDescriptor descriptor, Func<ParameterInfo, (bool Optional, object? Fallback)> defaults, JsonMetadata json)
    {
        var method = descriptor.Method;
        var scope = Expression.Parameter(typeof(RequestScope), "scope");
        var values = Expression.Parameter(typeof(JsonElement[]), "values");
        var token = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
        var variables = new List<ParameterExpression>();
        var body = new List<Expression>();
        var arguments = new List<Expression>();
        var single = descriptor.Parameters.Count == 1;
        var slot = 0;
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                arguments.Add(token);
                continue;
            }

            var path = single ? "$" : "$." + EndpointJson.PropertyName(parameter.Name!);
            var (optional, fallback) = defaults(parameter);
            var binding = EndpointParameterBinding.Create(descriptor, parameter, path, single, optional, fallback, json);
            var variable = Expression.Variable(parameter.ParameterType, parameter.Name);
            variables.Add(variable);
            body.Add(Expression.Assign(variable, Expression.Call(Expression.Constant(binding), binding.BindMethod, Expression.ArrayIndex(values, Expression.Constant(slot++)))));
            arguments.Add(variable);
        }

        var target = method.IsStatic ? null : Expression.Convert(Expression.Call(Expression.Constant(entry), ResolveMethod, scope), method.DeclaringType!);
        var call = Expression.Call(target, method, arguments);
        var name = $"Endpoint_{descriptor.Component}_{descriptor.Name}";
        if (StreamItemType(method.ReturnType) is { } item)
        {
            var adapter = Activator.CreateInstance(typeof(EndpointResult<>).MakeGenericType(item), json)!;
            var items = typeof(IAsyncEnumerable<>).MakeGenericType(item);
            body.Add(Expression.Call(Expression.Constant(adapter), adapter.GetType().GetMethod(nameof(EndpointResult<int>.Stream))!, Expression.Convert(call, items), token));
            var stream = Expression.Lambda<Func<RequestScope?, JsonElement[], CancellationToken, IAsyncEnumerable<JsonElement>>>(
                Expression.Block(typeof(IAsyncEnumerable<JsonElement>), variables, body), name, [scope, values, token]);
            return new CompiledEndpoint(descriptor, entry) { Stream = stream.Compile(Interpret) };
        }

        body.Add(Adapt(call, method.ReturnType, json));
        var unary = Expression.Lambda<Func<RequestScope?, JsonElement[], CancellationToken, ValueTask<JsonElement>>>(
            Expression.Block(typeof(ValueTask<JsonElement>), variables, body), name, [scope, values, token]);
        return new CompiledEndpoint(descriptor, entry) { Unary = unary.Compile(Interpret) };
    }

    /// <summary>Returns T when a method returning <paramref name="returnType"/> streams IAsyncEnumerable&lt;T&gt;; otherwise null.</summary>
    public static Type? StreamItemType(Type returnType)
    {
        if (IsGeneric(returnType, typeof(IAsyncEnumerable<>)))
        {
            return returnType.GetGenericArguments()[0];
        }

        if (returnType.IsByRef || typeof(Task).IsAssignableFrom(returnType))
        {
            return null;
        }

        // Without dynamic code a class implementing IAsyncEnumerable<T> streams with the T Sprig.Generator found (EndpointCollector).
        return DynamicCode.IsSupported ? ImplementedStreamItemType(returnType) : null;
    }

    [RequiresUnreferencedCode(DynamicCode.Message)]
    private static Type? ImplementedStreamItemType(Type returnType) =>
        returnType.GetInterfaces().FirstOrDefault(i => IsGeneric(i, typeof(IAsyncEnumerable<>)))?.GetGenericArguments()[0];

    /// <summary>Returns the type of the JSON result: T of T, Task&lt;T&gt;, ValueTask&lt;T&gt; or IAsyncEnumerable&lt;T&gt;; null for no result.</summary>
    public static Type? ResultType(Type returnType)
    {
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return null;
        }

        if (IsGeneric(returnType, typeof(Task<>)) || IsGeneric(returnType, typeof(ValueTask<>)))
        {
            return returnType.GetGenericArguments()[0];
        }

        return StreamItemType(returnType) ?? returnType;
    }

    [RequiresDynamicCode(DynamicCode.Message)]
    private static Expression Adapt(Expression call, Type returnType, JsonMetadata json)
    {
        if (returnType == typeof(void))
        {
            return Expression.Block(call, Expression.Default(typeof(ValueTask<JsonElement>)));
        }

        if (returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return Expression.Call(typeof(EndpointResults).GetMethod(returnType == typeof(Task) ? nameof(EndpointResults.FromTask) : nameof(EndpointResults.FromValueTask))!, call);
        }

        var (value, adapterMethod) = IsGeneric(returnType, typeof(Task<>)) ? (returnType.GetGenericArguments()[0], nameof(EndpointResult<int>.FromTask))
            : IsGeneric(returnType, typeof(ValueTask<>)) ? (returnType.GetGenericArguments()[0], nameof(EndpointResult<int>.FromValueTask))
            : (returnType, nameof(EndpointResult<int>.FromValue));
        var adapter = Activator.CreateInstance(typeof(EndpointResult<>).MakeGenericType(value), json)!;
        return Expression.Call(Expression.Constant(adapter), adapter.GetType().GetMethod(adapterMethod)!, call);
    }

    private static bool IsGeneric(Type type, Type definition) => type.IsGenericType && type.GetGenericTypeDefinition() == definition;
}
