using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace Sprig.Web.Tests.Security;

/// <summary>Assertions on answers: status code, content type, and the problem's fields or the JSON value.</summary>
public static class Answers
{
    /// <summary>Asserts a 401 challenge of the Test scheme, as a problem+json body written by status code pages.</summary>
    public static Task<ProblemDetails> ShouldBeUnauthorizedAsync(this HttpResponseMessage response) =>
        response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            r => r.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be(TestAuthentication.SchemeName));

    /// <summary>Asserts a 403, as a problem+json body written by status code pages.</summary>
    public static Task<ProblemDetails> ShouldBeForbiddenAsync(this HttpResponseMessage response) =>
        response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Forbidden", "https://tools.ietf.org/html/rfc9110#section-15.5.4",
            r => r.Headers.WwwAuthenticate.Should().BeEmpty("a 403 is no challenge"));

    /// <summary>Asserts a problem+json answer with the status, title and (unless null) type, and a trace id; returns the problem.</summary>
    public static async Task<ProblemDetails> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? title, string? type, Action<HttpResponseMessage>? more = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, "the answer to {0} {1} was {2}", response.RequestMessage?.Method, response.RequestMessage?.RequestUri?.PathAndQuery, body);
        (response.Content.Headers.ContentType?.MediaType).Should().Be("application/problem+json", "the body was '{0}'", body);
        var problem = System.Text.Json.JsonSerializer.Deserialize<ProblemDetails>(body, System.Text.Json.JsonSerializerOptions.Web)!;
        problem.Status.Should().Be((int)status);
        problem.Title.Should().Be(title);
        if (type is not null)
        {
            problem.Type.Should().Be(type);
        }

        problem.Extensions.Should().ContainKey("traceId");
        more?.Invoke(response);
        return problem;
    }

    /// <summary>Asserts a 200 with a JSON body equal to <paramref name="expected"/>.</summary>
    public static async Task ShouldBeJsonAsync<T>(this HttpResponseMessage response, T expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the answer to {0} {1} was {2}", response.RequestMessage?.Method, response.RequestMessage?.RequestUri?.PathAndQuery, body);
        (response.Content.Headers.ContentType?.MediaType).Should().Be("application/json");
        (await response.Content.ReadFromJsonAsync<T>()).Should().BeEquivalentTo(expected);
    }
}
