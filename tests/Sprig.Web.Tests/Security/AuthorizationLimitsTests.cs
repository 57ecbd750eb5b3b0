using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;

namespace Sprig.Web.Tests.Security;

/// <summary>
/// A large upload to an endpoint the caller may not call: the client reads the 401 (not a broken pipe), and the server keeps
/// serving; a caller who may call it reads the 413 for a body over the limit.
/// </summary>
public sealed class AuthorizationLimitsTests
{
    [Service]
    [Authorize]
    public sealed class Uploads
    {
        [Endpoint]
        public int Store(string data) => data.Length;
    }

    private const int SixMegabytes = 6 * 1024 * 1024;

    [Fact]
    public async Task AnonymousSixMegabyteUpload_ToAuthorizeEndpoint_Gets401Problem_AndTheServerKeepsServing()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Uploads>());

        var response = await host.SendAsync(HttpMethod.Post, "/rpc/default/Uploads/Store", Callers.Anonymous, Body(SixMegabytes));

        await response.ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/rpc/default/Uploads/Store", Callers.Viewer, "abc")).ShouldBeJsonAsync(3);
    }

    [Fact]
    public async Task AnonymousSixMegabyteChunkedUpload_ToAuthorizeEndpoint_Gets401Problem_AndTheServerKeepsServing()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Uploads>());

        var response = await host.SendAsync(HttpMethod.Post, "/rpc/default/Uploads/Store", Callers.Anonymous, Body(SixMegabytes),
            r => r.Headers.TransferEncodingChunked = true);

        await response.ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/rpc/default/Uploads/Store", Callers.Viewer, "abc")).ShouldBeJsonAsync(3);
    }

    [Fact]
    public async Task SignedInSixMegabyteUpload_ToAuthorizeEndpoint_Gets413Problem()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Uploads>());

        var response = await host.SendAsync(HttpMethod.Post, "/rpc/default/Uploads/Store", Callers.Viewer, Body(SixMegabytes));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "The request body is too large.", type: null);
        problem.Detail.Should().Be("The body of a call to 'default/Uploads/Store' may be at most 4194304 bytes (Sprig:Web:MaxRequestBodySize). Send less, or raise the limit.");
        await (await host.PostAsync("/rpc/default/Uploads/Store", Callers.Viewer, "abc")).ShouldBeJsonAsync(3);
    }

    /// <summary>A JSON string of <paramref name="size"/> bytes in all (quotes included).</summary>
    private static ByteArrayContent Body(int size)
    {
        var json = new byte[size];
        Array.Fill(json, (byte)'x');
        json[0] = json[^1] = (byte)'"';
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new("application/json") { CharSet = Encoding.UTF8.WebName };
        return content;
    }
}
