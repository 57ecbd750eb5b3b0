using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Web.Tests.OpenApi;

/// <summary>
/// Serves an application as a user writes it — UseSprig on a private registry, AddOpenApi, MapOpenApi, MapSprig — on a real
/// Kestrel server, and reads its OpenAPI document over HTTP.
/// </summary>
internal static class OpenApiHost
{
    public static async Task<JsonElement> DocumentAsync(PendingRegistry registry)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.UseSprig(new ApplicationContext(registry, new ConfigurationBuilder().Build()));
        builder.Services.AddAuthorization();
        builder.Services.AddOpenApi();
        await using var app = builder.Build();
        app.MapOpenApi();
        app.MapSprig();
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            using var response = await client.GetAsync("/openapi/v1.json");
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.OK, text);
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>Gets the operation of a path and verb ("post").</summary>
    public static JsonElement Operation(this JsonElement document, string path, string verb) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(verb);

    /// <summary>Asserts that a fragment of the document is exactly this JSON (object members in any order).</summary>
    public static void ShouldBeJson(this JsonElement actual, string expected)
    {
        var equal = JsonNode.DeepEquals(JsonNode.Parse(actual.GetRawText()), JsonNode.Parse(expected));
        equal.Should().BeTrue($"the fragment should be {expected}, but it is {actual.GetRawText()}");
    }

    /// <summary>Gets the names of an object's members, in document order.</summary>
    public static string[] Names(this JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
