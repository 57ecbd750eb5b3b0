using Microsoft.AspNetCore.Authorization;

namespace Sprig.Web.Tests.Security;

/// <summary>
/// <c>[Authorize]</c> and <c>[AllowAnonymous]</c> on RPC components and their <c>[Endpoint]</c> methods, enforced by ASP.NET Core's
/// own authorization middleware with a real authentication scheme, over a real Kestrel server.
/// </summary>
public sealed class RpcAuthorizationTests
{
    /// <summary>Counts the calls that reached an endpoint, so a refused call is seen not to run.</summary>
    public sealed class Calls
    {
        public int Count;
    }

    [Service]
    [Authorize]
    public sealed class Vault(Calls calls)
    {
        [Endpoint]
        public string Read()
        {
            Interlocked.Increment(ref calls.Count);
            return "secret";
        }

        [Endpoint]
        public int Add(int a, int b) => a + b;

        [Endpoint]
        [AllowAnonymous]
        public string Motto() => "open";
    }

    [Service]
    [Authorize(Roles = "admin")]
    public sealed class AdminDesk
    {
        [Endpoint]
        public string Audit() => "audited";
    }

    [Service]
    [Authorize(Policy = SecuredHost.CanPublish)]
    public sealed class Newsroom
    {
        [Endpoint]
        public string Draft() => "drafted";
    }

    [Service]
    public sealed class Notes(Calls calls)
    {
        [Endpoint]
        public string Read() => "note";

        [Endpoint]
        [Authorize]
        public string Write(string text)
        {
            Interlocked.Increment(ref calls.Count);
            return $"wrote {text}";
        }
    }

    [Service]
    public sealed class Publishing
    {
        [Endpoint]
        [Authorize(Policy = SecuredHost.CanPublish)]
        public string Publish() => "published";

        [Endpoint]
        [Authorize(Roles = "admin")]
        public string Purge() => "purged";
    }

    [Service]
    [Authorize(Roles = "admin")]
    public sealed class Press
    {
        [Endpoint]
        [Authorize(Policy = SecuredHost.CanPublish)]
        public string Print() => "printed";

        [Endpoint]
        public string Status() => "idle";
    }

    [Service]
    [AllowAnonymous]
    public sealed class Lobby
    {
        [Endpoint]
        [Authorize]
        public string Enter() => "entered";
    }

    [Authorize(Roles = "admin")]
    public abstract class GuardedBase
    {
        [Endpoint]
        public virtual string Inherited() => "base";
    }

    [Service]
    public sealed class Guarded : GuardedBase
    {
        [Endpoint]
        public string Own() => "own";
    }

    [Authorize]
    public sealed class Safe
    {
        [Endpoint]
        public string Open() => "opened";
    }

    [Fact]
    public async Task AuthorizeOnComponentClass_Answers401WithoutUser_And200WithOne()
    {
        var calls = new Calls();
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Vault>().RegisterInstance("Calls", calls));

        await (await host.PostAsync("/rpc/default/Vault/Read", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/rpc/default/Vault/Add", Callers.Anonymous, new { a = 1, b = 2 })).ShouldBeUnauthorizedAsync();
        calls.Count.Should().Be(0, "a refused call never reaches the endpoint");

        await (await host.PostAsync("/rpc/default/Vault/Read", Callers.Viewer)).ShouldBeJsonAsync("secret");
        await (await host.PostAsync("/rpc/default/Vault/Add", Callers.Viewer, new { a = 1, b = 2 })).ShouldBeJsonAsync(3);
        calls.Count.Should().Be(1);
    }

    [Fact]
    public async Task AuthorizeOnComponentClass_Answers401_WhenTheAuthorizationHeaderFailsAuthentication()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Vault>().RegisterInstance("Calls", new Calls()));

        await (await host.PostAsync("/rpc/default/Vault/Read", "roles=admin")).ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/rpc/default/Vault/Read", "user=eve; badge=gold")).ShouldBeUnauthorizedAsync();
    }

    [Fact]
    public async Task AuthorizeWithRolesOnComponentClass_Answers403ForUserWithoutTheRole()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<AdminDesk>());

        await (await host.PostAsync("/rpc/default/AdminDesk/Audit", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/rpc/default/AdminDesk/Audit", Callers.Viewer)).ShouldBeForbiddenAsync();
        await (await host.PostAsync("/rpc/default/AdminDesk/Audit", Callers.Admin)).ShouldBeJsonAsync("audited");
    }

    [Fact]
    public async Task AuthorizeWithPolicyOnComponentClass_Answers403ForUserWithoutThePolicy()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Newsroom>());

        await (await host.PostAsync("/rpc/default/Newsroom/Draft", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/rpc/default/Newsroom/Draft", Callers.Admin)).ShouldBeForbiddenAsync();
        await (await host.PostAsync("/rpc/default/Newsroom/Draft", Callers.Publisher)).ShouldBeJsonAsync("drafted");
    }

    [Fact]
    public async Task AuthorizeOnOneEndpointMethod_Answers401ForIt_AndLeavesItsSiblingOpen()
    {
        var calls = new Calls();
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Notes>().RegisterInstance("Calls", calls));

        await (await host.PostAsync("/rpc/default/Notes/Write", Callers.Anonymous, "hi")).ShouldBeUnauthorizedAsync();
        calls.Count.Should().Be(0);
        await (await host.PostAsync("/rpc/default/Notes/Read", Callers.Anonymous)).ShouldBeJsonAsync("note");
        await (await host.PostAsync("/rpc/default/Notes/Write", Callers.Viewer, "hi")).ShouldBeJsonAsync("wrote hi");
    }

    [Fact]
    public async Task AuthorizeWithPolicyOnEndpointMethod_Answers403WithoutThePolicy_And200WithIt()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Publishing>());

        await (await host.PostAsync("/rpc/default/Publishing/Publish", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/rpc/default/Publishing/Publish", Callers.Admin)).ShouldBeForbiddenAsync();
        await (await host.PostAsync("/rpc/default/Publishing/Publish", Callers.Publisher)).ShouldBeJsonAsync("published");
    }

    [Fact]
    public async Task AuthorizeWithRolesOnEndpointMethod_Answers403WithoutTheRole_And200WithIt()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Publishing>());

        await (await host.PostAsync("/rpc/default/Publishing/Purge", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/rpc/default/Publishing/Purge", Callers.Publisher)).ShouldBeForbiddenAsync();
        await (await host.PostAsync("/rpc/default/Publishing/Purge", Callers.Admin)).ShouldBeJsonAsync("purged");
    }

    [Fact]
    public async Task AllowAnonymousOnEndpointMethod_OpensIt_InAnAuthorizeComponent()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Vault>().RegisterInstance("Calls", new Calls()));

        await (await host.PostAsync("/rpc/default/Vault/Motto", Callers.Anonymous)).ShouldBeJsonAsync("open");
        await (await host.PostAsync("/rpc/default/Vault/Read", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
    }

    [Fact]
    public async Task ClassRolesAndMethodPolicy_BothApply_AsOnMvcControllers()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Press>());

        await (await host.PostAsync("/rpc/default/Press/Print", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/rpc/default/Press/Print", Callers.Admin)).ShouldBeForbiddenAsync();
        await (await host.PostAsync("/rpc/default/Press/Print", Callers.Publisher)).ShouldBeForbiddenAsync();
        await (await host.PostAsync("/rpc/default/Press/Print", Callers.AdminPublisher)).ShouldBeJsonAsync("printed");
        await (await host.PostAsync("/rpc/default/Press/Status", Callers.Admin)).ShouldBeJsonAsync("idle");
        await (await host.PostAsync("/rpc/default/Press/Status", Callers.Publisher)).ShouldBeForbiddenAsync();
    }

    [Fact]
    public async Task AllowAnonymousOnComponentClass_OpensAnAuthorizeMethod_AsOnMvcControllers()
    {
        // ASP.NET Core's documented rule: [AllowAnonymous] bypasses every [Authorize] of the action, wherever either is.
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Lobby>().Register<AdminDesk>());

        await (await host.PostAsync("/rpc/default/Lobby/Enter", Callers.Anonymous)).ShouldBeJsonAsync("entered");
        await (await host.PostAsync("/rpc/default/AdminDesk/Audit", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
    }

    [Fact]
    public async Task AuthorizeOnABaseClass_AppliesToTheDerivedComponentsEndpoints()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<Guarded>());

        await (await host.PostAsync("/rpc/default/Guarded/Own", Callers.Viewer)).ShouldBeForbiddenAsync();
        await (await host.PostAsync("/rpc/default/Guarded/Inherited", Callers.Viewer)).ShouldBeForbiddenAsync();
        await (await host.PostAsync("/rpc/default/Guarded/Own", Callers.Admin)).ShouldBeJsonAsync("own");
        await (await host.PostAsync("/rpc/default/Guarded/Inherited", Callers.Admin)).ShouldBeJsonAsync("base");
    }

    [Fact]
    public async Task AuthorizeOnTheClassOfARegisteredInstance_AppliesToItsEndpoints()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().RegisterInstance("Safe", new Safe()));

        await (await host.PostAsync("/rpc/default/Safe/Open", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/rpc/default/Safe/Open", Callers.Viewer)).ShouldBeJsonAsync("opened");
    }
}
