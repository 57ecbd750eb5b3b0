using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text;
using FluentAssertions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Sprig.Tests.Controllers;

/// <summary>
/// The notes' routes, called over HTTP with what each must answer: one script for both suites, so that the request delegates
/// Sprig.Generator writes (Sprig.Aot.Tests, dynamic code off) answer exactly as RequestDelegateFactory's (Sprig.Web.Tests, JIT).
/// </summary>
public static class NoteScenarios
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Route, query, header, body and services binding, and each kind of result.</summary>
    public static async Task BindsEveryParameterKind_AndWritesEachKindOfResultAsync(HttpClient client)
    {
        (await client.GetFromJsonAsync<Note>("/notes/0")).Should().Be(new Note("first", 1));
        (await client.GetStringAsync("/notes/search?text=a")).Should().Be("a (limit 10, kind any)");
        (await client.GetStringAsync("/notes/search?text=b&limit=3&kind=Urgent")).Should().Be("b (limit 3, kind Urgent)");
        using (var tenant = new HttpRequestMessage(HttpMethod.Get, "/notes/tenant") { Headers = { { "X-Tenant", "acme" } } })
        {
            using var answer = await client.SendAsync(tenant);
            answer.Content.Headers.ContentType!.ToString().Should().Be("text/plain; charset=utf-8");
            (await answer.Content.ReadAsStringAsync()).Should().Be("acme at /notes/tenant");
        }

        using var added = await client.PostAsJsonAsync("/notes", new Note("second", 5));
        added.StatusCode.Should().Be(HttpStatusCode.Created, "the action's IResult decides the answer");
        (await added.Content.ReadAsStringAsync()).Should().Be("added 1");
        (await client.GetStringAsync("/notes/count")).Should().Be("2");
        (await client.GetStringAsync($"/notes/kind/Plain?at={Guid.Empty}")).Should().Be($"Plain {Guid.Empty}");
        (await client.GetStringAsync("/notes/kind/Urgent")).Should().Be("Urgent untraced");
        using (var tags = new HttpRequestMessage(HttpMethod.Get, "/notes/tags?ids=3&ids=4") { Headers = { { "X-Tag", ["a", "b"] } } })
        {
            using var answer = await client.SendAsync(tags);
            (await answer.Content.ReadAsStringAsync()).Should().Be("3+4 / a+b / GET", "a header's values are split at commas");
        }

        (await client.GetStringAsync("/notes/tags")).Should().Be(" /  / GET", "no value is an empty array");
        (await client.GetStringAsync("/notes/link?target=https%3A%2F%2Fexample.test%2Fa&back=..%2Fb")).Should().Be("https://example.test/a ../b", "a Uri binds as RequestDelegateFactory's Uri.TryCreate (relative or absolute)");
    }

    /// <summary>Conventional routes, 405 with Allow for another verb, 404 under the controller's URL.</summary>
    public static async Task AnswersConventionalRoutes_405And404Async(HttpClient client)
    {
        (await client.GetFromJsonAsync<List<Note>>("/notes/list")).Should().Equal(new Note("first", 1));
        using (var published = await client.PostAsync("/notes/0/publish", null))
        {
            (await published.Content.ReadAsStringAsync()).Should().Be("published first");
        }

        using (var archived = await client.PostAsync("/notes/0/archive", null))
        {
            archived.StatusCode.Should().Be(HttpStatusCode.OK);
            (await archived.Content.ReadAsStringAsync()).Should().BeEmpty("an awaited Task has nothing to write");
        }

        using var deleted = await client.DeleteAsync("/notes/0");
        using var put = await client.PutAsync("/notes/0", null);
        using var unknown = await client.GetAsync("/notes/no/such/path");

        deleted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await deleted.Content.ReadAsStringAsync()).Should().BeEmpty();
        (await client.GetFromJsonAsync<List<Note>>("/notes/list")).Should().BeEmpty();
        put.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        put.Content.Headers.Allow.Should().Equal("GET", "DELETE");
        (await put.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("/notes/0 answers GET, DELETE, not PUT.");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("No action answers GET /notes/no/such/path.");
    }

    /// <summary>
    /// Routes closed by <c>[Authorize]</c> on the action or by the metadata of its result type answer 401 to an anonymous client
    /// and never run; an open route answers.
    /// </summary>
    public static async Task AnswersUnauthorizedAsync(HttpClient client)
    {
        using var mine = await client.GetAsync("/notes/mine");
        using var secret = await client.GetAsync("/notes/secret");
        using var open = await client.GetAsync("/notes/0");

        mine.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        secret.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "SecretNote's PopulateMetadata adds [Authorize], as RequestDelegateFactory asks it");
        (await secret.Content.ReadAsStringAsync()).Should().NotBe("the secret");
        open.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>A GET with a bad or missing value: a 400 problem with RequestDelegateFactory's text.</summary>
    public static async Task AnswersBadValueAsync(HttpClient client, string path, string detail)
    {
        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("The request is not valid.");
        problem.Detail.Should().Be(detail);
    }

    /// <summary>A POST with a bad body: a 400 problem with RequestDelegateFactory's text, or the 404 of a body that is not JSON.</summary>
    public static async Task AnswersBadBodyAsync(HttpClient client, string contentType, string body, int status, string detail)
    {
        using var response = await client.PostAsync("/notes", new StringContent(body, Encoding.UTF8, contentType));

        ((int)response.StatusCode).Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be(detail);
    }

    /// <summary>
    /// The OpenAPI document (<c>/openapi/v1.json</c>) describes every action as NotesOpenApi.json says (written from
    /// RequestDelegateFactory's metadata under JIT): its parameters with their sources, its JSON body, its results, its problems.
    /// Each operation that differs is named with what it is and what it should be. Summaries are left out: they come from XML doc
    /// comments, which Sprig reads only with dynamic code (XmlDocumentationTests covers them).
    /// </summary>
    public static async Task DescribesOpenApiAsync(HttpClient client)
    {
        var actual = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Shared", "NotesOpenApi.json")))!.AsObject();

        var differences = new List<string>();
        var paths = expected["paths"]!.AsObject().Select(p => p.Key).Union(actual["paths"]!.AsObject().Select(p => p.Key));
        foreach (var path in paths)
        {
            var verbs = (expected["paths"]![path]?.AsObject().Select(v => v.Key) ?? []).Union(actual["paths"]![path]?.AsObject().Select(v => v.Key) ?? []);
            foreach (var verb in verbs)
            {
                var want = expected["paths"]![path]?[verb];
                var got = actual["paths"]![path]?[verb]?.DeepClone();
                (got as JsonObject)?.Remove("summary");
                if (!JsonNode.DeepEquals(want, got))
                {
                    differences.Add($"{verb} {path} is {got?.ToJsonString(Readable) ?? "missing"}, but should be {want?.ToJsonString(Readable) ?? "missing"}");
                }
            }
        }

        foreach (var part in new[] { "components", "tags" })
        {
            if (!JsonNode.DeepEquals(expected[part], actual[part]))
            {
                differences.Add($"{part} is {actual[part]?.ToJsonString(Readable) ?? "missing"}, but should be {expected[part]?.ToJsonString(Readable)}");
            }
        }

        differences.Should().BeEmpty();
    }

    /// <summary>
    /// Lists, for each action's route, the metadata RequestDelegateFactory infers (the JSON body it accepts, each parameter's binding,
    /// the result it produces, whether it is a JSON API), one line a route, in route order.
    /// </summary>
    public static IEnumerable<string> InferredMetadata(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<System.Reflection.MethodInfo>() is not null)
            .Select(e => e.DisplayName + ": " + string.Join("; ", e.Metadata.Select(Describe).OfType<string>()));

    private static string? Describe(object metadata) => metadata switch
    {
        IAcceptsMetadata accepts => $"accepts {accepts.RequestType?.Name} as {string.Join(",", accepts.ContentTypes)}{(accepts.IsOptional ? " optional" : "")}",
        IParameterBindingMetadata parameter => $"{parameter.Name}{(parameter.HasTryParse ? " parsed" : "")}{(parameter.IsOptional ? " optional" : "")}",
        IProducesResponseTypeMetadata produces => $"produces {produces.StatusCode} {produces.Type?.Name} as {string.Join(",", produces.ContentTypes)}",
        IDisableCookieRedirectMetadata => "api",
        _ => null,
    };
}
