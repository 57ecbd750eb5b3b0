using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;

namespace Sprig.Web.Tests.OpenApi;

/// <summary>
/// Doc comments read from the XML documentation file next to a component's assembly: the member IDs of methods whose
/// parameters are generic, nested, array and nullable types; inheritance from interfaces; and a missing file.
/// </summary>
public sealed class XmlDocumentationTests(OpenApiDocumentFixture fixture) : IClassFixture<OpenApiDocumentFixture>
{
    private JsonElement Document => fixture.Document;

    // Its ID is M:...Library.Tag(System.Collections.Generic.Dictionary{System.String,System.Int32[]},System.Nullable{System.Int32},
    // ...OpenApiFixtures.Book[],System.Collections.Generic.List{...OpenApiFixtures.Envelope{...OpenApiFixtures.Book}.Stamp}).
    [Fact]
    public void Summary_IsFound_ForParametersOfGenericArrayNullableAndNestedGenericTypes() =>
        Document.Operation("/rpc/default/Library/Tag", "post").GetProperty("summary").GetString().Should().Be("Tags books in bulk.");

    [Fact]
    public void InheritDoc_TakesTheImplementedInterfaceMethodsComments()
    {
        var titles = Document.Operation("/rpc/default/Catalog/Titles", "post");

        titles.GetProperty("summary").GetString().Should().Be("Lists the titles of an author.");
        titles.GetProperty("requestBody").GetProperty("description").GetString().Should().Be("The author's name.");
        titles.GetProperty("responses").GetProperty("200").GetProperty("description").GetString().Should().Be("The titles, A to Z.");
    }

    [Fact]
    public void UndocumentedMethod_TakesTheImplementedInterfaceMethodsComments() =>
        Document.Operation("/rpc/default/Catalog/Authors", "post").GetProperty("summary").GetString().Should().Be("Lists the authors.");

    [Fact]
    public async Task MissingDocumentationFile_LeavesOperationsWithoutSummaries()
    {
        // A copy of this assembly, without its XML file beside it, loaded on its own: its Library has no doc comments to read.
        var folder = Directory.CreateTempSubdirectory("sprig-openapi-");
        try
        {
            var source = typeof(OpenApiFixtures).Assembly.Location;
            var copy = Path.Combine(folder.FullName, Path.GetFileName(source));
            File.Copy(source, copy);
            File.Exists(Path.ChangeExtension(source, ".xml")).Should().BeTrue("the original has its documentation file");
            var assembly = new AssemblyLoadContext("no-docs").LoadFromAssemblyPath(copy);
            var library = assembly.GetType(typeof(OpenApiFixtures.Library).FullName!, throwOnError: true)!;

            var document = await OpenApiHost.DocumentAsync(new PendingRegistry().Register(library));

            var find = document.Operation("/rpc/default/Library/Find", "post");
            find.TryGetProperty("summary", out _).Should().BeFalse();
            find.GetProperty("requestBody").TryGetProperty("description", out _).Should().BeFalse();
            find.GetProperty("responses").GetProperty("200").GetProperty("description").GetString().Should().Be("OK");
            find.GetProperty("responses").Names().Should().Equal("200", "400", "413", "500", "503", "504");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
