namespace Sprig.Packaging.Tests.Support;

/// <summary>The tests that read the packages of one pack run.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture>
{
    public const string Name = "Packages";
}
