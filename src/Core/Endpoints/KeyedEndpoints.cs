using Sprig.Diagnostics;

namespace Sprig.Endpoints;

/// <summary>
/// The implementations that serve one address under service keys (<see cref="ServiceKeyAttribute"/>): a call with a key goes
/// to that key's implementation; a call without one to an implementation picked at random in proportion to the weights.
/// </summary>
internal sealed class KeyedEndpoints
{
    private readonly CompiledEndpoint[] _endpoints;
    private readonly int[] _cumulative;

    public KeyedEndpoints(IReadOnlyList<CompiledEndpoint> endpoints)
    {
        _endpoints = [.. endpoints];
        _cumulative = new int[_endpoints.Length];
        var total = 0;
        for (var i = 0; i < _endpoints.Length; i++)
        {
            total += _endpoints[i].Descriptor.Weight;
            _cumulative[i] = total;
        }
    }

    /// <summary>Gets the keys, in registration order.</summary>
    public IEnumerable<string> Keys => _endpoints.Select(e => e.Descriptor.ServiceKey!);

    /// <summary>Returns the implementation for a key, or one picked by weight when <paramref name="key"/> is null.</summary>
    /// <exception cref="EndpointNotFoundException">No implementation has the key (404).</exception>
    public CompiledEndpoint Pick(string? key)
    {
        if (key is null)
        {
            var ticket = Random.Shared.Next(_cumulative[^1]);
            var index = Array.FindIndex(_cumulative, c => ticket < c);
            return _endpoints[index];
        }

        foreach (var endpoint in _endpoints)
        {
            if (string.Equals(endpoint.Descriptor.ServiceKey, key, StringComparison.OrdinalIgnoreCase))
            {
                return endpoint;
            }
        }

        var address = _endpoints[0].Address;
        throw new EndpointNotFoundException(Errors.ServiceKeyUnknown(address, key, [.. Keys]), address, []);
    }
}
