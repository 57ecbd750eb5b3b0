using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Sprig.Web.Tests.Security;

namespace Sprig.Web.Tests.Diagnostics;

/// <summary><c>GET /sprig/components</c>, <c>/sprig/startup</c> and <c>/sprig/graph</c>: the context's own data, as JSON or as its graph export.</summary>
public sealed class DiagnosticsGraphTests
{
    private static Task<DiagnosticsHost> StartAsync() =>
        DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(), configure: b => b.Configuration.AddInMemoryCollection([new("feature:sms", "on")]));

    [Fact]
    public async Task Components_ListEveryComponent_WithTypeScopeOriginStateAndLinks()
    {
        await using var host = await StartAsync();

        var components = (await host.GetJsonAsync("/sprig/components")).AsArray();

        components.Should().HaveCount(host.Context.Components.Count);
        components.Select(c => (string)c!["name"]!).Should().Equal(host.Context.Components.Select(c => c.Name));
        JsonNode Of(string name) => components.Single(c => (string)c!["name"]! == name)!;
        Of("UserService").ShouldBeJson("""
            { "name": "UserService", "type": "Sprig.Web.Tests.Diagnostics.DiagnosticsFixtures.UserService", "scope": "Singleton",
              "namespace": "default", "origin": "attribute", "state": "created",
              "dependencies": [ { "component": "EmailService", "kind": "type" } ] }
            """);
        Of("SmsService").ShouldBeJson("""
            { "name": "SmsService", "type": "Sprig.Web.Tests.Diagnostics.DiagnosticsFixtures.SmsService", "scope": "Singleton",
              "namespace": "default", "origin": "attribute", "state": "created", "dependencies": [] }
            """);
        components.Select(c => (string)c!["name"]!).Should().NotContain("AuditLog", "a condition left it out");
    }

    [Fact]
    public async Task Startup_IsTheContextsStartupSteps_InMilliseconds()
    {
        await using var host = await StartAsync();

        var steps = await host.GetJsonAsync("/sprig/startup");

        var expected = new JsonArray([.. host.Context.StartupSteps.Select(s => new JsonObject
        {
            ["name"] = s.Name,
            ["phase"] = s.Phase,
            ["startMs"] = s.Start.TotalMilliseconds,
            ["durationMs"] = s.Duration.TotalMilliseconds,
        })]);
        steps.ShouldBeJson(expected.ToJsonString());
        steps.AsArray().Where(s => (string)s!["phase"]! == "create").Select(s => (string)s!["name"]!).Should().Contain(["EmailService", "UserService", "SmsService"]);
    }

    [Theory]
    [InlineData("", GraphFormat.Json, "application/json; charset=utf-8")]
    [InlineData("?format=json", GraphFormat.Json, "application/json; charset=utf-8")]
    [InlineData("?format=DOT", GraphFormat.Dot, "text/vnd.graphviz; charset=utf-8")]
    [InlineData("?format=mermaid", GraphFormat.Mermaid, "text/plain; charset=utf-8")]
    public async Task Graph_IsTheContextsExport_InTheFormatAsked(string query, GraphFormat format, string contentType)
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync("/sprig/graph" + query);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be(contentType);
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        (await response.Content.ReadAsStringAsync()).Should().Be(host.Context.ExportGraph(format));
    }

    [Fact]
    public async Task Graph_PassesRootAndDepthThrough()
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync("/sprig/graph?format=json&root=UserService&depth=1");

        JsonNode.Parse(await response.Content.ReadAsStringAsync()).ShouldBeJson("""
            { "nodes": [
                { "name": "EmailService", "type": "Sprig.Web.Tests.Diagnostics.DiagnosticsFixtures.EmailService", "scope": "Singleton", "namespace": "default", "origin": "attribute", "state": "created" },
                { "name": "UserService", "type": "Sprig.Web.Tests.Diagnostics.DiagnosticsFixtures.UserService", "scope": "Singleton", "namespace": "default", "origin": "attribute", "state": "created" } ],
              "edges": [ { "from": "UserService", "to": "EmailService", "kind": "type", "cycle": false } ] }
            """);
    }

    [Theory]
    [InlineData("?format=svg", "format", "The query parameter 'format' is 'svg', which is not allowed. Allowed: json, dot, mermaid.")]
    [InlineData("?depth=-1", "depth", "The query parameter 'depth' is '-1', which is not allowed. Allowed: a whole number of 0 or more: how many links to follow from the root.")]
    [InlineData("?root=UserServce", "root", "The query parameter 'root' is 'UserServce', which is not allowed. Allowed: the name of a component that is in (GET /sprig/components lists them). "
        + "Cannot export the dependency graph from 'UserServce': 'UserServce' is not a component. Did you mean 'UserService'? "
        + "Pass the name of a component (ApplicationContext.Components lists them), or no root for the whole graph.")]
    [InlineData("?root=AuditLog", "root", "The query parameter 'root' is 'AuditLog', which is not allowed. Allowed: the name of a component that is in (GET /sprig/components lists them). "
        + "Cannot export the dependency graph from 'AuditLog': 'AuditLog' is not a component, a condition excluded it (OnFlag('feature:audit') found no 'feature:audit'). "
        + "Pass the name of a component that is in, or change the configuration or the condition to include it.")]
    public async Task Graph_Answers400NamingTheParameterAndWhatIsAllowed_AndTheServerKeepsServing(string query, string parameter, string detail)
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync("/sprig/graph" + query);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Invalid query parameter.", type: null);
        problem.Detail.Should().Be(detail);
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        ((JsonElement)problem.Extensions["parameter"]!).GetString().Should().Be(parameter);
        using var after = await host.GetAsync("/sprig/graph?format=dot");
        after.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
