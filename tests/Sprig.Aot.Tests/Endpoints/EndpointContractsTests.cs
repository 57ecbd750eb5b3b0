using Sprig.Aot.Tests.Support;

namespace Sprig.Aot.Tests.Endpoints;

/// <summary>
/// Without dynamic code an endpoint's descriptor names the interfaces its method implements, as the generator saw them: Native
/// AOT's reflection cannot map interfaces to implementations, and a host reads their attributes as the route's metadata.
/// </summary>
public sealed class EndpointContractsTests
{
    public interface IAudited
    {
        string Audit(string what);
    }

    public interface IOther
    {
        int Count();
    }

    [Component]
    public sealed class Ledger : IAudited, IOther
    {
        [Endpoint]
        public string Audit(string what) => "audited " + what;

        [Endpoint]
        public int Count() => 1;

        [Endpoint]
        public string Plain() => "plain";
    }

    [Fact]
    public void Descriptors_NameTheInterfacesEachEndpointImplements()
    {
        using var context = Contexts.Refreshed(typeof(Ledger));

        context.Endpoints.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => (e.Name, Contracts: string.Join(", ", e.Contracts!.Select(c => c.Name))))
            .Should().Equal(("Audit", "IAudited"), ("Count", "IOther"), ("Plain", ""));
    }
}
