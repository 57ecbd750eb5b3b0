using System.Text.Json;
using static Sprig.Web.Tests.OpenApi.OpenApiFixtures;

namespace Sprig.Web.Tests.OpenApi;

/// <summary>The OpenAPI document of an application serving every fixture component, read once for a test class.</summary>
public sealed class OpenApiDocumentFixture : IAsyncLifetime
{
    public JsonElement Document { get; private set; }

    public async Task InitializeAsync() =>
        Document = await OpenApiHost.DocumentAsync(new PendingRegistry()
            .Register<Library>().Register<Catalog>().Register<BookController>().Register<MagazineController>());

    public Task DisposeAsync() => Task.CompletedTask;
}
