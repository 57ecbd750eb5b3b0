using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sprig.Endpoints;

/// <summary>
/// A context's JSON metadata for endpoint calls and remote calls: <see cref="EndpointJson.Options"/> until refresh has created
/// the application's resolvers (its singletons implementing <see cref="IJsonTypeInfoResolver"/>, a <c>JsonSerializerContext</c>
/// say), then options of its own that ask them first. Per context, so that two contexts in one process (a test suite, a host
/// with several applications) never see each other's metadata, and a disposed context's resolvers are not kept.
/// </summary>
internal sealed class JsonMetadata
{
    private volatile JsonSerializerOptions _options = EndpointJson.Options;

    /// <summary>Gets the options calls use: the built-in ones, or the application's resolvers ahead of them.</summary>
    public JsonSerializerOptions Options => _options;

    /// <summary>Puts <paramref name="resolvers"/> ahead of the built-in metadata (refresh calls it once, before [OnStart] hooks may call endpoints).</summary>
    public void Use(IReadOnlyList<IJsonTypeInfoResolver> resolvers)
    {
        if (resolvers.Count > 0)
        {
            _options = EndpointJson.CreateOptions(resolvers);
        }
    }

    /// <summary>Lists, per endpoint, each parameter or result type that no resolver has metadata for (only without reflection can there be any).</summary>
    public List<ContainerException> MissingMetadata(IEnumerable<EndpointDescriptor> endpoints)
    {
        var missing = new List<ContainerException>();
        foreach (var endpoint in endpoints)
        {
            foreach (var parameter in endpoint.Parameters)
            {
                Check(endpoint, parameter.ParameterType, parameter.Name);
            }

            if (endpoint.ResultType is { } result)
            {
                Check(endpoint, result, null);
            }
        }

        return missing;

        void Check(EndpointDescriptor endpoint, Type type, string? parameter)
        {
            try
            {
                _ = TypeInfo(type, endpoint.Address, endpoint.Component, parameter);
            }
            catch (ContainerException problem)
            {
                missing.Add(problem);
            }
        }
    }

    /// <summary>Returns the serializer metadata of <typeparamref name="T"/>; the options cache it, so this is a lookup.</summary>
    public JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>
    /// Returns the serializer metadata of an endpoint's parameter (<paramref name="parameter"/> names it) or result (null), or
    /// throws saying how to provide it when no resolver has it (without reflection: Native AOT, or the switch off).
    /// </summary>
    /// <exception cref="ContainerException">No resolver has metadata for <paramref name="type"/>.</exception>
    public JsonTypeInfo TypeInfo(Type type, string address, string component, string? parameter)
    {
        try
        {
            return Options.GetTypeInfo(type);
        }
        catch (NotSupportedException ex)
        {
            throw new ContainerException(Diagnostics.Errors.EndpointJsonMetadataMissing(address, parameter, type), component, null, ex);
        }
    }
}
