namespace Sprig.Web.BrowserTests.Support;

/// <summary>The browser tests share one Chromium (<see cref="Browser"/>); launching it is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "Chromium";
}
