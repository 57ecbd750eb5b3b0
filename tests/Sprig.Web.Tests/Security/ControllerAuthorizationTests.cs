using System.Net;
using Microsoft.AspNetCore.Authorization;

namespace Sprig.Web.Tests.Security;

/// <summary>
/// <c>[Authorize]</c> and <c>[AllowAnonymous]</c> on <c>[Controller]</c> classes and their actions (routed by attribute or by
/// naming convention), enforced by ASP.NET Core's authorization middleware over a real Kestrel server.
/// </summary>
public sealed class ControllerAuthorizationTests
{
    public sealed record Account(int Id, string Owner);

    public sealed record Book(int Id, string Title);

    [Controller(Url = "/api/accounts")]
    [Authorize]
    public sealed class AccountController
    {
        [Get("/{id}")]
        public Account Find(int id) => new(id, "ada");

        [Post]
        public Account Open(Account account) => account;

        [Get("/terms")]
        [AllowAnonymous]
        public Book Terms() => new(0, "terms");

        // A conventional action (GET /api/accounts/list) of an [Authorize] controller.
        public Account[] GetList() => [new(1, "ada")];
    }

    [Controller(Url = "/api/books")]
    public sealed class BookController
    {
        // Conventional: GET /api/books/{id}.
        [Authorize]
        public Book Get(int id) => new(id, "Dune");

        // Conventional: GET /api/books/list, open.
        public Book[] GetList() => [new(1, "Dune")];

        // Conventional: POST /api/books/{id}/publish.
        [Authorize(Policy = SecuredHost.CanPublish)]
        public Book Publish(int id) => new(id, "published");

        // Conventional: DELETE /api/books/{id}.
        [Authorize(Roles = "admin")]
        public Book Delete(int id) => new(id, "deleted");

        [Get("/featured")]
        [Authorize(Roles = "admin")]
        public Book Featured() => new(7, "featured");
    }

    [Fact]
    public async Task AuthorizeOnControllerClass_Answers401ForEveryActionWithoutUser_And200WithOne()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<AccountController>());

        await (await host.GetAsync("/api/accounts/1", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/api/accounts", Callers.Anonymous, new Account(2, "eve"))).ShouldBeUnauthorizedAsync();
        await (await host.GetAsync("/api/accounts/list", Callers.Anonymous)).ShouldBeUnauthorizedAsync();

        await (await host.GetAsync("/api/accounts/1", Callers.Viewer)).ShouldBeJsonAsync(new Account(1, "ada"));
        await (await host.PostAsync("/api/accounts", Callers.Viewer, new Account(2, "bob"))).ShouldBeJsonAsync(new Account(2, "bob"));
        await (await host.GetAsync("/api/accounts/list", Callers.Viewer)).ShouldBeJsonAsync(new[] { new Account(1, "ada") });
    }

    [Fact]
    public async Task AllowAnonymousOnAction_OpensIt_InAnAuthorizeController()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<AccountController>());

        await (await host.GetAsync("/api/accounts/terms", Callers.Anonymous)).ShouldBeJsonAsync(new Book(0, "terms"));
    }

    [Fact]
    public async Task AuthorizeOnConventionalAction_Answers401ForIt_AndLeavesItsSiblingOpen()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<BookController>());

        await (await host.GetAsync("/api/books/3", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.GetAsync("/api/books/list", Callers.Anonymous)).ShouldBeJsonAsync(new[] { new Book(1, "Dune") });
        await (await host.GetAsync("/api/books/3", Callers.Viewer)).ShouldBeJsonAsync(new Book(3, "Dune"));
    }

    [Fact]
    public async Task AuthorizeWithPolicyOnConventionalAction_Answers403WithoutThePolicy_And200WithIt()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<BookController>());

        await (await host.PostAsync("/api/books/3/publish", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.PostAsync("/api/books/3/publish", Callers.Admin)).ShouldBeForbiddenAsync();
        await (await host.PostAsync("/api/books/3/publish", Callers.Publisher)).ShouldBeJsonAsync(new Book(3, "published"));
    }

    [Fact]
    public async Task AuthorizeWithRolesOnActions_Answers403WithoutTheRole_And200WithIt()
    {
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<BookController>());

        await (await host.SendAsync(HttpMethod.Delete, "/api/books/3", Callers.Publisher)).ShouldBeForbiddenAsync();
        await (await host.SendAsync(HttpMethod.Delete, "/api/books/3", Callers.Admin)).ShouldBeJsonAsync(new Book(3, "deleted"));
        await (await host.GetAsync("/api/books/featured", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        await (await host.GetAsync("/api/books/featured", Callers.Viewer)).ShouldBeForbiddenAsync();
        await (await host.GetAsync("/api/books/featured", Callers.Admin)).ShouldBeJsonAsync(new Book(7, "featured"));
    }

    [Fact]
    public async Task AuthorizeOnAction_IsCheckedBeforeRouteValuesAreBound()
    {
        // Authorization runs before the handler, as for MVC: an anonymous caller learns nothing from a bad route value.
        await using var host = await SecuredHost.StartAsync(new PendingRegistry().Register<AccountController>());

        await (await host.GetAsync("/api/accounts/abc", Callers.Anonymous)).ShouldBeUnauthorizedAsync();
        var bad = await host.GetAsync("/api/accounts/abc", Callers.Viewer);
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
