using System.Collections.Frozen;
using System.Text.Json;
using Sprig.Diagnostics;

namespace Sprig.Endpoints;

/// <summary>
/// One endpoint ready to call: its descriptor, its component and the invoker compiled at refresh. The invoker binds each
/// parameter from its slot of JSON, resolves the component in the given scope, calls the method and turns the result into JSON.
/// </summary>
internal sealed class CompiledEndpoint
{
    private static readonly JsonElement[] NoValues = [];
    private readonly string[] _names;
    private readonly FrozenDictionary<string, int>? _slots;

    public CompiledEndpoint(EndpointDescriptor descriptor, ComponentEntry? entry)
    {
        Descriptor = descriptor;
        Address = descriptor.Address;
        Entry = entry;
        NeedsScope = entry is not null && entry.Definition.Scope != Scope.Singleton;
        _names = [.. descriptor.Parameters.Select(p => p.Name!)];
        if (_names.Length > 1)
        {
            // Named arguments match case-insensitively, as System.Text.Json's web defaults read properties.
            _slots = _names.Select((name, i) => (name, i)).ToFrozenDictionary(x => x.name, x => x.i, StringComparer.OrdinalIgnoreCase);
        }
    }

    public EndpointDescriptor Descriptor { get; }

    public string Address { get; }

    /// <summary>Gets the component, or <see langword="null"/> for a static method.</summary>
    public ComponentEntry? Entry { get; }

    /// <summary>Gets whether each call needs its own scope: a Prototype or Request component, destroyed when the call ends.</summary>
    public bool NeedsScope { get; }

    /// <summary>Gets the implementations that serve this address under service keys (set on the first of them), or null.</summary>
    public KeyedEndpoints? Keyed { get; set; }

    /// <summary>Gets the invoker of a unary endpoint, or <see langword="null"/> for a streaming one.</summary>
    public Func<RequestScope?, JsonElement[], CancellationToken, ValueTask<JsonElement>>? Unary { get; init; }

    /// <summary>Gets the invoker of a streaming endpoint, or <see langword="null"/> for a unary one.</summary>
    public Func<RequestScope?, JsonElement[], CancellationToken, IAsyncEnumerable<JsonElement>>? Stream { get; init; }

    /// <summary>
    /// Splits the arguments into one JSON value per bound parameter (<see cref="JsonValueKind.Undefined"/> when missing): the whole
    /// value for a single parameter, the object's properties by name otherwise.
    /// </summary>
    public JsonElement[] Arguments(JsonElement arguments)
    {
        switch (_names.Length)
        {
            case 0:
                return NoValues;
            case 1:
                return [arguments];
        }

        var values = new JsonElement[_names.Length];
        if (arguments.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return values;
        }

        if (arguments.ValueKind != JsonValueKind.Object)
        {
            throw new EndpointBindingException(
                Errors.EndpointArgumentsNotObject(Address, _names, arguments.ValueKind), Address, Descriptor.Component, null, "$");
        }

        foreach (var property in arguments.EnumerateObject())
        {
            if (_slots!.TryGetValue(property.Name, out var slot))
            {
                values[slot] = property.Value;
            }
        }

        return values;
    }
}
