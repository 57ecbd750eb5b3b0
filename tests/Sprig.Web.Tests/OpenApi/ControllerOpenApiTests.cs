using System.Text.Json;

namespace Sprig.Web.Tests.OpenApi;

/// <summary>Controller actions in the OpenAPI document: parameters as minimal APIs bind them, problem answers, doc comments.</summary>
public sealed class ControllerOpenApiTests(OpenApiDocumentFixture fixture) : IClassFixture<OpenApiDocumentFixture>
{
    private const string Int32Schema = """{ "pattern": "^-?(?:0|[1-9]\\d*)$", "type": ["integer", "string"], "format": "int32" }""";
    private const string BookJson = """{ "application/json": { "schema": { "$ref": "#/components/schemas/Book" } } }""";

    private static string Problem(string description) =>
        $$"""{ "description": "{{description}}", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/ProblemDetails" } } } }""";

    private static readonly string BadRequest = Problem("The request is not valid: a route, query or body value that does not bind (the problem names the parameter).");
    private static readonly string Failed = Problem("The server failed; the problem carries a trace id to quote.");

    private JsonElement Document => fixture.Document;

    [Fact]
    public void ConventionalGet_HasTheIdAsRequiredPathParameter_AndNoBody() =>
        Document.Operation("/api/books/{id}", "get").ShouldBeJson($$"""
            {
              "tags": ["BookController"],
              "summary": "Gets a book.",
              "parameters": [
                { "name": "id", "in": "path", "description": "The book's id.", "required": true, "schema": {{Int32Schema}} }
              ],
              "responses": {
                "200": { "description": "The book.", "content": {{BookJson}} },
                "400": {{BadRequest}},
                "500": {{Failed}}
              }
            }
            """);

    [Fact]
    public void ConventionalCreate_TakesItsComplexParameterAsJsonBody() =>
        Document.Operation("/api/books", "post").ShouldBeJson($$"""
            {
              "tags": ["BookController"],
              "summary": "Adds a book.",
              "requestBody": { "description": "The new book.", "content": {{BookJson}}, "required": true },
              "responses": {
                "200": { "description": "OK", "content": {{BookJson}} },
                "400": {{BadRequest}},
                "500": {{Failed}}
              }
            }
            """);

    [Fact]
    public void ConventionalGetList_TakesSimpleParametersFromTheQuery() =>
        Document.Operation("/api/books/list", "get").GetProperty("parameters").ShouldBeJson("""
            [
              { "name": "title", "in": "query", "description": "Part of the title.", "schema": { "type": "string" } },
              { "name": "page", "in": "query", "description": "The page, from 1.", "schema": { "pattern": "^-?(?:0|[1-9]\\d*)$", "type": ["integer", "string"], "format": "int32", "default": 1 } }
            ]
            """);

    [Fact]
    public void Action_WithAuthorization_AlsoAnswers401And403()
    {
        var secured = Document.Operation("/api/books/{id}", "delete").GetProperty("responses");

        secured.Names().Should().Equal("200", "400", "401", "403", "500");
        secured.GetProperty("401").ShouldBeJson(Problem("The request carries no authenticated user."));
        secured.GetProperty("403").ShouldBeJson(Problem("The user may not call this route."));
        Document.Operation("/api/books/{id}", "get").GetProperty("responses").Names().Should().Equal("200", "400", "500");
    }

    [Fact]
    public void ActionsOfAGenericBaseClass_AreDescribedByTheBasesDocComments()
    {
        var get = Document.Operation("/api/magazines/{id}", "get");
        var create = Document.Operation("/api/magazines", "post");

        get.GetProperty("summary").GetString().Should().Be("Gets an item by its number.");
        get.GetProperty("parameters")[0].GetProperty("description").GetString().Should().Be("The item's number.");
        create.GetProperty("summary").GetString().Should().Be("Adds an item.");
        create.GetProperty("requestBody").ShouldBeJson("""
            { "description": "The item to add.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Magazine" } } }, "required": true }
            """);
        create.GetProperty("responses").GetProperty("200").GetProperty("description").GetString().Should().Be("The added item.");
    }
}
