using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Sprig.Web.Tests.Diagnostics;

/// <summary><c>GET /sprig/conditions</c> and <c>GET /sprig/mappings</c>: the context's data as JSON, whole.</summary>
public sealed class DiagnosticsDataTests
{
    [Fact]
    public async Task Conditions_ListEveryConditionalComponent_WithItsOutcomeAndText()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(),
            configure: b => b.Configuration.AddInMemoryCollection([new("feature:sms", "on"), new("feature:audit", "off")]));

        (await host.GetJsonAsync("/sprig/conditions")).ShouldBeJson("""
            [
              { "component": "SmsService", "included": true, "text": "SmsService: in — OnFlag('feature:sms') found 'on'",
                "conditions": [ { "condition": "OnFlag('feature:sms')", "matched": true, "message": "found 'on'" } ] },
              { "component": "AuditLog", "included": false, "text": "AuditLog: out — OnFlag('feature:audit') found 'off'",
                "conditions": [ { "condition": "OnFlag('feature:audit')", "matched": false, "message": "found 'off'" } ] }
            ]
            """);
    }

    [Service]
    [DiagnosticsFixtures.OnFlag("payments:token")]
    public sealed class PaymentsClient;

    [Fact]
    public async Task Conditions_MaskTheValuesOfSecretLookingKeys_ThatAConditionQuotes()
    {
        await using var host = await DiagnosticsHost.StartAsync(new PendingRegistry().Register<PaymentsClient>(),
            configure: b => b.Configuration.AddInMemoryCollection([new("payments:token", "tok_12345")]));

        (await host.GetJsonAsync("/sprig/conditions")).ShouldBeJson("""
            [
              { "component": "PaymentsClient", "included": false, "text": "PaymentsClient: out — OnFlag('payments:token') found '******'",
                "conditions": [ { "condition": "OnFlag('payments:token')", "matched": false, "message": "found '******'" } ] }
            ]
            """);
    }

    [Fact]
    public async Task Mappings_ListHttpRoutesRpcEndpointsAndNoNatsSubjects_WithoutSprigNats()
    {
        await using var host = await DiagnosticsHost.StartAsync(DiagnosticsFixtures.Registry(),
            map: app => app.MapGet("/hello/{name}", (string name) => $"Hello, {name}!").WithDisplayName("Hello"));

        (await host.GetJsonAsync("/sprig/mappings")).ShouldBeJson("""
            {
              "http": [
                { "methods": ["GET"], "route": "/rpc", "name": "Sprig RPC catalog" },
                { "methods": ["POST"], "route": "/rpc/default/EmailService/Send", "name": "RPC default/EmailService/Send" },
                { "methods": ["POST"], "route": "/rpc/default/UserService/find", "name": "RPC default/UserService/find" },
                { "methods": ["POST"], "route": "/rpc/default/UserService/Count", "name": "RPC default/UserService/Count" },
                { "methods": ["POST"], "route": "/rpc/{namespace}/{component}/{endpoint}", "name": "Sprig RPC: unknown endpoint" },
                { "methods": [], "route": "/rpc/{**rest}", "name": "Sprig RPC: unknown path" },
                { "methods": ["GET", "HEAD", "PUT", "DELETE", "PATCH"], "route": "/rpc/{namespace}/{component}/{endpoint}", "name": "Sprig RPC: wrong method" },
                { "methods": ["GET"], "route": "/sprig", "name": "Sprig diagnostics: GET /sprig" },
                { "methods": ["GET"], "route": "/sprig/assets/{**file}", "name": "Sprig diagnostics: GET /sprig/assets/{**file}" },
                { "methods": ["GET"], "route": "/sprig/health", "name": "Sprig diagnostics: GET /sprig/health" },
                { "methods": ["GET"], "route": "/sprig/components", "name": "Sprig diagnostics: GET /sprig/components" },
                { "methods": ["GET"], "route": "/sprig/conditions", "name": "Sprig diagnostics: GET /sprig/conditions" },
                { "methods": ["GET"], "route": "/sprig/mappings", "name": "Sprig diagnostics: GET /sprig/mappings" },
                { "methods": ["GET"], "route": "/sprig/config", "name": "Sprig diagnostics: GET /sprig/config" },
                { "methods": ["GET"], "route": "/sprig/startup", "name": "Sprig diagnostics: GET /sprig/startup" },
                { "methods": ["GET"], "route": "/sprig/graph", "name": "Sprig diagnostics: GET /sprig/graph" },
                { "methods": ["GET"], "route": "/hello/{name}", "name": "Hello" }
              ],
              "rpc": [
                { "address": "default/EmailService/Send", "namespace": "default", "component": "EmailService", "method": "Send", "streaming": false },
                { "address": "default/UserService/Count", "namespace": "default", "component": "UserService", "method": "Count", "streaming": true },
                { "address": "default/UserService/find", "namespace": "default", "component": "UserService", "method": "Find", "streaming": false }
              ],
              "nats": []
            }
            """);
    }
}
