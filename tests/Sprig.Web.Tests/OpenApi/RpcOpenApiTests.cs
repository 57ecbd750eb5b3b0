using System.Text.Json;

namespace Sprig.Web.Tests.OpenApi;

/// <summary>RPC endpoints in the OpenAPI document of <c>AddOpenApi()</c> / <c>MapOpenApi()</c>.</summary>
public sealed class RpcOpenApiTests(OpenApiDocumentFixture fixture) : IClassFixture<OpenApiDocumentFixture>
{
    private const string Int32Schema = """{ "pattern": "^-?(?:0|[1-9]\\d*)$", "type": ["integer", "string"], "format": "int32" }""";

    private static string Problem(string description) =>
        $$"""{ "description": "{{description}}", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/ProblemDetails" } } } }""";

    private static readonly string BadRequest = Problem("The request is not valid: malformed JSON, or an argument that does not bind (the problem names it).");
    private static readonly string TooLarge = Problem("The body is larger than the limit.");
    private static readonly string Failed = Problem("The server failed; the problem carries a trace id to quote.");
    private static readonly string Unavailable = Problem("The endpoint did not run: its concurrency limit is full (call again after Retry-After), a circuit is open, or the server is stopping.");
    private static readonly string TimedOut = Problem("The call took longer than its timeout (governance's TimeoutMs, or [RequestTimeout]) and was cancelled.");

    private JsonElement Document => fixture.Document;

    [Fact]
    public void Document_ListsEveryEndpointAndAction_OnceEach_WithoutSprigsHelperRoutes()
    {
        var operations = Document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => string.Join(",", p.Value.Names()));

        operations.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["/rpc/default/Library/Find"] = "post",
            ["/rpc/default/Library/Shelve"] = "post",
            ["/rpc/default/Library/Dust"] = "post",
            ["/rpc/default/Library/Scan"] = "post",
            ["/rpc/default/Library/Count"] = "post",
            ["/rpc/default/Library/Tag"] = "post",
            ["/rpc/default/Catalog/Titles"] = "post",
            ["/rpc/default/Catalog/Authors"] = "post",
            ["/api/books/{id}"] = "get,delete",
            ["/api/books"] = "post",
            ["/api/books/list"] = "get",
            ["/api/magazines/{id}"] = "get",
            ["/api/magazines"] = "post",
        });
    }

    [Fact]
    public void RpcEndpoint_WithOneParameter_HasTheParametersSchemaAsBody_TheResultAs200_AndProblems() =>
        Document.Operation("/rpc/default/Library/Find", "post").ShouldBeJson($$"""
            {
              "tags": ["Library"],
              "summary": "Finds a book by its id.",
              "requestBody": {
                "description": "The book's id.",
                "content": { "application/json": { "schema": {{Int32Schema}} } },
                "required": true
              },
              "responses": {
                "200": { "description": "The book with that id.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Book" } } } },
                "400": {{BadRequest}},
                "413": {{TooLarge}},
                "500": {{Failed}},
                "503": {{Unavailable}},
                "504": {{TimedOut}}
              }
            }
            """);

    [Fact]
    public void RpcEndpoint_WithSeveralParameters_HasAnObjectOfNamedParametersAsBody()
    {
        var operation = Document.Operation("/rpc/default/Library/Shelve", "post");
        var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");

        operation.GetProperty("requestBody").ShouldBeJson($$"""
            {
              "required": true,
              "content": { "application/json": { "schema": {
                "type": "object",
                "required": ["book", "shelf"],
                "properties": {
                  "book": { "$ref": "#/components/schemas/Book", "description": "The book to shelve." },
                  "shelf": { "type": "string", "description": "The shelf's name." },
                  "copies": { "pattern": "^-?(?:0|[1-9]\\d*)$", "type": ["integer", "string"], "format": "int32", "default": 1, "description": "How many copies." },
                  "note": { "type": ["null", "string"], "description": "A note, or null." }
                }
              } } }
            }
            """);
        schema.GetProperty("properties").Names().Should().Equal("book", "shelf", "copies", "note");
    }

    [Fact]
    public void RpcEndpoint_WithSeveralParameters_RefersToComponents_EvenForATypeOnlyItsArgumentsUse()
    {
        var properties = Document.Operation("/rpc/default/Library/Tag", "post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("properties");

        properties.GetProperty("books").ShouldBeJson("""{ "type": "array", "items": { "$ref": "#/components/schemas/Book" } }""");
        properties.GetProperty("stamps").ShouldBeJson("""{ "type": "array", "items": { "$ref": "#/components/schemas/StampOfBook" } }""");
        properties.GetProperty("limit").GetProperty("type").ShouldBeJson("""["null", "integer", "string"]""");
        Document.GetProperty("components").GetProperty("schemas").GetProperty("StampOfBook").ShouldBeJson("""
            { "required": ["by"], "type": "object", "properties": { "by": { "type": "string" } } }
            """);
    }

    [Fact]
    public void RpcEndpoint_DocComment_GivesSummaryDescriptionAndSuccessDescription()
    {
        var operation = Document.Operation("/rpc/default/Library/Shelve", "post");

        operation.GetProperty("summary").GetString().Should().Be("Puts a book on a shelf.");
        operation.GetProperty("description").GetString().Should().Be(
            "Shelving the same book twice adds copies.\n\nA note is kept with `the copy`; see Book and Library.Find.");
        operation.GetProperty("responses").GetProperty("200").GetProperty("description").GetString().Should().Be("The shelved book.");
    }

    [Fact]
    public void RpcEndpoint_WithoutResult_Answers204_AndHasNoBody() =>
        Document.Operation("/rpc/default/Library/Dust", "post").ShouldBeJson($$"""
            {
              "tags": ["Library"],
              "summary": "Dusts every shelf.",
              "responses": {
                "204": { "description": "The endpoint returned no result." },
                "400": {{BadRequest}},
                "413": {{TooLarge}},
                "500": {{Failed}},
                "503": {{Unavailable}},
                "504": {{TimedOut}}
              }
            }
            """);

    // The body of a single nullable parameter is optional: "required" is left out, as OpenAPI's default is false.
    [Fact]
    public void StreamingEndpoint_AnswersNdjsonAndEventStream_WithTheItemSchema()
    {
        var operation = Document.Operation("/rpc/default/Library/Scan", "post");

        operation.GetProperty("responses").GetProperty("200").ShouldBeJson("""
            {
              "description": "The stream's items: one JSON value a line (NDJSON), or one an event when the request accepts text/event-stream.",
              "content": {
                "application/x-ndjson": { "schema": { "$ref": "#/components/schemas/Book" } },
                "text/event-stream": { "schema": { "$ref": "#/components/schemas/Book" } }
              }
            }
            """);
        operation.GetProperty("requestBody").ShouldBeJson("""
            {
              "description": "The prefix; all books without one.",
              "content": { "application/json": { "schema": { "oneOf": [{ "type": "null" }, { "type": "string" }] } } }
            }
            """);
        operation.GetProperty("responses").Names().Should().Equal("200", "400", "413", "500", "503", "504");
    }

    [Fact]
    public void RpcEndpoint_WithAuthorization_AlsoAnswers401And403()
    {
        var secured = Document.Operation("/rpc/default/Library/Count", "post").GetProperty("responses");
        var open = Document.Operation("/rpc/default/Library/Find", "post").GetProperty("responses");

        secured.Names().Should().Equal("200", "400", "401", "403", "413", "500", "503", "504");
        secured.GetProperty("401").ShouldBeJson(Problem("The request carries no authenticated user."));
        secured.GetProperty("403").ShouldBeJson(Problem("The user may not call this route."));
        open.Names().Should().Equal("200", "400", "413", "500", "503", "504");
    }

    [Fact]
    public void Document_TagsEveryOperationWithItsComponent()
    {
        var tags = Document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (path.Name, Tags: string.Join(",", operation.Value.GetProperty("tags").EnumerateArray().Select(t => t.GetString())))))
            .ToList();

        tags.Where(t => t.Name.StartsWith("/rpc/default/Library/", StringComparison.Ordinal)).Select(t => t.Tags).Should().OnlyContain(t => t == "Library").And.HaveCount(6);
        tags.Where(t => t.Name.StartsWith("/rpc/default/Catalog/", StringComparison.Ordinal)).Select(t => t.Tags).Should().OnlyContain(t => t == "Catalog").And.HaveCount(2);
        tags.Where(t => t.Name.StartsWith("/api/books", StringComparison.Ordinal)).Select(t => t.Tags).Should().OnlyContain(t => t == "BookController").And.HaveCount(4);
        tags.Where(t => t.Name.StartsWith("/api/magazines", StringComparison.Ordinal)).Select(t => t.Tags).Should().OnlyContain(t => t == "MagazineController").And.HaveCount(2);
    }
}
