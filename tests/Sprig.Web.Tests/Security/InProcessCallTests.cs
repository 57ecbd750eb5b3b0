using System.Text.Json;
using Microsoft.AspNetCore.Authorization;

namespace Sprig.Web.Tests.Security;

/// <summary>
/// Calls made in-process through <c>ctx.Endpoints</c> are not HTTP requests: ASP.NET Core's authorization middleware never sees
/// them, so <c>[Authorize]</c> does not apply to them. This is by design (issue 9): the code that calls in-process is trusted
/// code of the same application, and HTTP authorization guards HTTP requests only.
/// </summary>
public sealed class InProcessCallTests
{
    [Service]
    [Authorize(Roles = "admin")]
    public sealed class Strongbox
    {
        [Endpoint]
        public string Open(string code) => $"opened with {code}";

        [Endpoint]
        public async IAsyncEnumerable<string> Contents()
        {
            yield return "gold";
            await Task.Yield();
            yield return "deeds";
        }
    }

    [Fact]
    public async Task InProcessInvoke_IsNotBlockedByAuthorize_ByDesign_BecauseItIsNotAnHttpRequest()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Strongbox>());
        await (await host.PostAsync("/rpc/default/Strongbox/Open", Callers.Anonymous, "1234")).ShouldBeUnauthorizedAsync();

        var result = await host.Context.Endpoints.InvokeAsync("default/Strongbox/Open", JsonSerializer.SerializeToElement("1234"));

        result.GetString().Should().Be("opened with 1234");
    }

    [Fact]
    public async Task InProcessStream_IsNotBlockedByAuthorize_ByDesign_BecauseItIsNotAnHttpRequest()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Strongbox>());
        await (await host.PostAsync("/rpc/default/Strongbox/Contents", Callers.Anonymous)).ShouldBeUnauthorizedAsync();

        var items = new List<string?>();
        await foreach (var item in host.Context.Endpoints.StreamAsync("default/Strongbox/Contents", default))
        {
            items.Add(item.GetString());
        }

        items.Should().Equal("gold", "deeds");
    }
}
