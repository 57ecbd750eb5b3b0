using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Sprig.Web.Tests.Diagnostics;

/// <summary>The diagnostics routes are for operators, not part of the application's API: OpenAPI documents leave them out.</summary>
public sealed class DiagnosticsOpenApiTests
{
    [Fact]
    public async Task OpenApiDocument_LeavesOutTheDiagnosticsRoutes_AndKeepsTheApplications()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(),
            configure: b => b.Services.AddOpenApi(), map: app => app.MapOpenApi());

        var paths = (await host.GetJsonAsync("/openapi/v1.json"))["paths"]!.AsObject().Select(p => p.Key);

        paths.Should().Equal("/rpc/default/EmailService/Send", "/rpc/default/UserService/find", "/rpc/default/UserService/Count");
    }
}
