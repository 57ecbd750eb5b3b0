using System.Runtime.CompilerServices;
using Sprig.Planning;
using Sprig.Tests.Support;

namespace Sprig.Tests.Planning;

/// <summary>
/// The per-type metadata cache lives from one refresh to the next, not past a full collection: held strongly it would keep the
/// runtime's reflection caches of every component class alive. In the non-parallel collection, so that no refresh running
/// in another test holds the cache during the collection.
/// </summary>
[Collection(SharedRegistryCollection.Name)]
public sealed class TypeScanCacheTests
{
    public sealed class Scanned
    {
        [Inject]
        public object? Dependency { get; set; }
    }

    [Fact]
    public void AFullCollection_ReleasesTheCache_OnceNoRefreshHoldsIt()
    {
        var scan = ScanWithoutHolding();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        scan.IsAlive.Should().BeFalse();
    }

    [Fact]
    public void AFullCollection_KeepsTheCache_WhileARefreshHoldsIt()
    {
        var held = TypeScan.Hold();
        var scan = ScanWithoutHolding();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        scan.IsAlive.Should().BeTrue();
        GC.KeepAlive(held);
    }

    // Not inlined, so that no reference to the scan stays on the test's own stack.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ScanWithoutHolding() => new(TypeScan.Of(typeof(Scanned)));
}
