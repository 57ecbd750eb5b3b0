using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using Sprig.Diagnostics;
using Sprig.Endpoints;

namespace Sprig.Remoting;

/// <summary>
/// One contract method as a remote proxy calls it: the parameters become the wire format's arguments (the single parameter's
/// value, or an object of named camelCase parameters), a <see cref="CancellationToken"/> parameter is the caller's token, and
/// <see cref="RemoteMethod{T}"/> turns the JSON answer into the method's return type.
/// </summary>
internal abstract class RemoteMethod
{
    private readonly ParameterInfo[] _parameters;
    private readonly string[] _names;
    private readonly int _token;

    protected RemoteMethod(ContractInfo contract, ContractMethod method, JsonMetadata json)
    {
        Json = json;
        Contract = contract;
        Method = method;
        var all = method.Method.GetParameters();
        _token = Array.FindIndex(all, p => p.ParameterType == typeof(CancellationToken));
        _parameters = [.. all.Where(p => p.ParameterType != typeof(CancellationToken))];
        _names = [.. _parameters.Select(p => EndpointJson.PropertyName(p.Name!))];
        Address = $"{contract.Namespace}/{contract.Component}/{method.Endpoint}";
    }

    public ContractInfo Contract { get; }

    /// <summary>Gets the context's JSON metadata.</summary>
    protected JsonMetadata Json { get; }

    public ContractMethod Method { get; }

    public string Address { get; }

    /// <summary>Creates the call of a contract method, or throws when the method cannot be called remotely.</summary>
    /// <exception cref="ContainerException">The method's return or parameter types cannot travel as JSON.</exception>
    [RequiresDynamicCode(Generated.DynamicCode.Message)]
    [RequiresUnreferencedCode(Generated.DynamicCode.Message)]
    public static RemoteMethod Create(ContractInfo contract, ContractMethod method, JsonMetadata json)
    {
        if (RemoteProxies.WhyNotCallable(method.Method) is { } why)
        {
            throw new ContainerException(Errors.ContractMethodUnsupported(contract.Type, method.Method, why), contract.Component, null);
        }

        var returns = method.Method.ReturnType;
        var (type, shape) = returns == typeof(Task) ? (typeof(object), RemoteShape.Task)
            : returns == typeof(ValueTask) ? (typeof(object), RemoteShape.ValueTask)
            : Generic(returns, typeof(Task<>)) ? (returns.GetGenericArguments()[0], RemoteShape.TaskOfT)
            : Generic(returns, typeof(ValueTask<>)) ? (returns.GetGenericArguments()[0], RemoteShape.ValueTaskOfT)
            : (returns.GetGenericArguments()[0], RemoteShape.Stream);
        return (RemoteMethod)Activator.CreateInstance(typeof(RemoteMethod<>).MakeGenericType(type), contract, method, shape, json)!;
    }

    /// <summary>Calls the method with the proxy invocation's arguments and returns what the method returns.</summary>
    public abstract object Invoke(IContractCalls remote, object?[] arguments);

    protected static CancellationToken Token(object?[] arguments, int index) => index >= 0 && arguments[index] is CancellationToken token ? token : default;

    protected CancellationToken Token(object?[] arguments) => Token(arguments, _token);

    protected RemoteCall Call(object?[] arguments) =>
        new(Contract.Namespace, Contract.Component, Method.Endpoint, Arguments(arguments)) { Idempotent = Method.Idempotent };

    // The metadata of a parameter's type from the endpoint options (the application's resolvers first): no reflection-based
    // serialization, so that a generated remote proxy works under Native AOT.
    private System.Text.Json.Serialization.Metadata.JsonTypeInfo TypeInfo(int parameter)
    {
        var type = _parameters[parameter].ParameterType;
        try
        {
            return Json.Options.GetTypeInfo(type);
        }
        catch (NotSupportedException ex)
        {
            throw new ContainerException(Errors.EndpointJsonMetadataMissing(Address, _parameters[parameter].Name, type), Contract.Component, null, ex);
        }
    }

    private static bool Generic(Type type, Type definition) => type.IsGenericType && type.GetGenericTypeDefinition() == definition;

    private JsonElement Arguments(object?[] arguments)
    {
        var values = arguments.Where((_, i) => i != _token).ToArray();
        switch (_parameters.Length)
        {
            case 0:
                return default;
            case 1:
                return JsonSerializer.SerializeToElement(values[0], TypeInfo(0));
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var i = 0; i < _parameters.Length; i++)
            {
                writer.WritePropertyName(_names[i]);
                JsonSerializer.Serialize(writer, values[i], TypeInfo(i));
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
