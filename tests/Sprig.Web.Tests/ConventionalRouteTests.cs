using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;

namespace Sprig.Web.Tests;

/// <summary>Controller methods without route attributes are actions by convention (Silky and ABP style), served by a real Kestrel.</summary>
public sealed class ConventionalRouteTests
{
    public sealed record Book(int Id, string Title);

    [Service]
    public sealed class Shelf
    {
        public Dictionary<int, Book> Books { get; } = new() { [1] = new(1, "Dune") };

        public List<string> Journal { get; } = [];
    }

    [Controller(Url = "/api/books")]
    public sealed class BookController(Shelf shelf)
    {
        public Book? Get(int id) => shelf.Books.GetValueOrDefault(id);

        public IEnumerable<Book> GetList() => shelf.Books.Values.OrderBy(b => b.Id);

        public Task<List<Book>> SearchByTitleAsync(string title) =>
            Task.FromResult(shelf.Books.Values.Where(b => b.Title.Contains(title, StringComparison.OrdinalIgnoreCase)).ToList());

        public Book Create(Book book)
        {
            shelf.Books[book.Id] = book;
            return book;
        }

        public Book Update(int id, Book book) => shelf.Books[id] = book with { Id = id };

        public void Delete(int id) => shelf.Books.Remove(id);

        public string Publish(int id) => $"published {shelf.Books[id].Title}";

        public string PatchTitle(int id, string title) => shelf.Books[id].Title + " -> " + title;

        [Get("/featured")]
        public Book Featured() => shelf.Books[1];

    }

    [Fact]
    public async Task VerbAndRoute_ComeFromTheMethodName()
    {
        await using var app = await Serve(typeof(BookController));
        var client = app.Client;

        (await client.GetFromJsonAsync<Book>("/api/books/1")).Should().Be(new Book(1, "Dune"));
        (await client.PostAsJsonAsync("/api/books", new Book(2, "Emma"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<List<Book>>("/api/books/list")).Should().Equal(new Book(1, "Dune"), new Book(2, "Emma"));
        (await client.GetFromJsonAsync<List<Book>>("/api/books/by-title?title=EMM")).Should().Equal(new Book(2, "Emma"));
        var updated = await client.PutAsJsonAsync("/api/books/2", new Book(0, "Emma, revised"));
        (await updated.Content.ReadFromJsonAsync<Book>()).Should().Be(new Book(2, "Emma, revised"));
        (await (await client.PostAsync("/api/books/2/publish", null)).Content.ReadAsStringAsync()).Should().Be("published Emma, revised");
        (await (await client.PatchAsync("/api/books/1/title?title=Arrakis", null)).Content.ReadAsStringAsync()).Should().Be("Dune -> Arrakis");
        (await client.DeleteAsync("/api/books/2")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<List<Book>>("/api/books/list")).Should().Equal(new Book(1, "Dune"));
        (await client.GetFromJsonAsync<Book>("/api/books/featured")).Should().Be(new Book(1, "Dune"), "a route attribute still decides its method's route");
    }

    [Controller(Url = "/api/plain")]
    public sealed class PlainController(Shelf shelf) : IDisposable
    {
        public string Ping() => "pong";

        [NonAction]
        public string Helper() => "never an action";

        [PostConstruct]
        public void Ready() => shelf.Journal.Add("ready");

        public void Dispose() => shelf.Journal.Add("disposed");

        public override string ToString() => "a controller";
    }

    [Fact]
    public async Task LifecycleNonActionAndObjectMethods_AreNotActions()
    {
        await using var app = await Serve(typeof(PlainController));

        (await (await app.Client.PostAsync("/api/plain/ping", null)).Content.ReadAsStringAsync()).Should().Be("pong");
        foreach (var path in new[] { "/api/plain/helper", "/api/plain/ready", "/api/plain/dispose", "/api/plain/to-string", "/api/plain/get-hash-code" })
        {
            var response = await app.Client.PostAsync(path, null);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, path);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be($"No action answers POST {path}.");
        }
    }

    [Controller(Url = "/names")]
    public sealed class NamingController
    {
        public string GetHTMLPage() => "html";

        public string ListTop10Books() => "top";

        public string Getaway() => "getaway";

        public string AddressBook() => "address book";

        public Task<string> RemoveAllAsync() => Task.FromResult("removed");

        public string QueryByUser_Name(string name) => name;
    }

    [Theory]
    [InlineData("GET", "/names/html-page", "html")]
    [InlineData("GET", "/names/top10-books", "top")]
    [InlineData("POST", "/names/getaway", "getaway")]
    [InlineData("POST", "/names/address-book", "address book")]
    [InlineData("DELETE", "/names/all", "removed")]
    [InlineData("GET", "/names/by-user-name?name=ada", "ada")]
    public async Task KebabCase_AndVerbs_FollowWordBoundaries(string verb, string path, string expected)
    {
        await using var app = await Serve(typeof(NamingController));

        var response = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(verb), path));

        (await response.Content.ReadAsStringAsync()).Should().Be(expected);
    }

    [Controller(Url = "/api/optional")]
    public sealed class OptionalClashController
    {
        public string Get(int id) => "get";

        [Get("/{key?}")]
        public string Maybe(string? key) => "maybe";
    }

    [Controller(Url = "/api/constrained")]
    public sealed class ConstrainedClashController
    {
        [Get("/{id:int}")]
        public string AsInt(int id) => "int";

        [Get("/{id:long}")]
        public string AsLong(long id) => "long";

        [Get("/{id}")]
        public string Plain(string id) => "plain: routing prefers a constrained parameter, so this one is no conflict";
    }

    [Theory]
    [InlineData(typeof(OptionalClashController), "GET /api/optional/{id}")]
    [InlineData(typeof(ConstrainedClashController), "GET /api/constrained/{id:int}")]
    public void RoutesRoutingCannotTellApart_FailTheBuild(Type controller, string route)
    {
        var context = new ApplicationContext(new PendingRegistry().Register(controller), new ConfigurationBuilder().Build());
        var builder = WebApplication.CreateSlimBuilder();
        builder.UseSprig(context);

        var build = () => builder.Build();

        build.Should().Throw<ContainerException>().Which.Message.Should().StartWith($"Two controller actions answer {route}: ");
    }

    [Controller(Url = "/api/renamed")]
    public sealed class RenamedParameterController
    {
        public string Get(int id) => "get";

        [Delete("/{key}")]
        public string Drop(int key) => "dropped";
    }

    [Fact]
    public async Task OneRouteWrittenWithTwoParameterNames_AnswersOne405()
    {
        await using var app = await Serve(typeof(RenamedParameterController));

        var response = await app.Client.PutAsync("/api/renamed/5", null);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().BeEquivalentTo("GET", "DELETE");
    }

    [Controller(Url = "/api/odd")]
    public sealed class OddMethodsController : IEquatable<OddMethodsController>
    {
        public string Ping() => "pong";

#pragma warning disable VSTHRD100, CA1030 // async void on purpose: such a method must never become an action.
        public async void Fire() => await Task.Yield();
#pragma warning restore VSTHRD100, CA1030

        public bool Equals(OddMethodsController? other) => ReferenceEquals(this, other);

        public override bool Equals(object? obj) => Equals(obj as OddMethodsController);

        public override int GetHashCode() => 0;
    }

    [Fact]
    public async Task AsyncVoidAndFrameworkInterfaceMethods_AreNotActions()
    {
        await using var app = await Serve(typeof(OddMethodsController));

        (await (await app.Client.PostAsync("/api/odd/ping", null)).Content.ReadAsStringAsync()).Should().Be("pong");
        (await app.Client.PostAsync("/api/odd/fire", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await app.Client.PostAsync("/api/odd/equals", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherVerbOnAnActionsRoute_Is405ProblemWithAllow()
    {
        await using var app = await Serve(typeof(BookController));

        var response = await app.Client.PostAsync("/api/books/1", null);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        response.Content.Headers.Allow.Should().BeEquivalentTo("GET", "PUT", "DELETE");
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("/api/books/1 answers GET, PUT, DELETE, not POST.");
        (await app.Client.GetAsync("/api/books/1")).StatusCode.Should().Be(HttpStatusCode.OK, "the server keeps serving");
    }

    [Fact]
    public async Task BadRouteValue_Is400NamingTheParameter()
    {
        await using var app = await Serve(typeof(BookController));

        var response = await app.Client.GetAsync("/api/books/abc");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("Failed to bind parameter \"int id\" from \"abc\".");
    }

    [Controller(Url = "/api/clash")]
    public sealed class ClashController
    {
        public string Get(int id) => "get";

        public string Find(int id) => "find";
    }

    [Controller(Url = "/api/clash2")]
    public sealed class AttributeClashController
    {
        public string List() => "list";

        [Get]
        public string All() => "all";
    }

    [Fact]
    public void TwoActionsOnOneVerbAndRoute_FailTheBuild_NamingBothMethods()
    {
        var context = new ApplicationContext(new PendingRegistry().Register<ClashController>(), new ConfigurationBuilder().Build());
        var builder = WebApplication.CreateSlimBuilder();
        builder.UseSprig(context);

        var build = () => builder.Build();

        build.Should().Throw<ContainerException>().WithMessage(
            "Two controller actions answer GET /api/clash/{id}: ConventionalRouteTests.ClashController.Get(int id) (by convention) and "
            + "ConventionalRouteTests.ClashController.Find(int id) (by convention). Routing could not choose between them. Give one of them its own "
            + "route with a route attribute (e.g. [Get(\"/by-title/{title}\")]), rename it, or mark a method that is not an action [NonAction].");
        context.State.Should().Be(ContextState.Stopped, "a failed build disposes the context it refreshed");
    }

    [Fact]
    public async Task EveryConflict_IsReportedTogether_WhenServing()
    {
        var context = new ApplicationContext(new PendingRegistry().Register<ClashController>().Register<AttributeClashController>(), new ConfigurationBuilder().Build());
        context.Refresh();
        await using var _ = context;

        var serve = () => context.ServeAsync("http://127.0.0.1:0");

        (await serve.Should().ThrowAsync<ContainerException>()).Which.Message.Should().Be(
            "Sprig.Web cannot map the controllers; it found 2 problems:\n"
            + "1. Two controller actions answer GET /api/clash/{id}: ConventionalRouteTests.ClashController.Get(int id) (by convention) and "
            + "ConventionalRouteTests.ClashController.Find(int id) (by convention). Routing could not choose between them. Give one of them its own "
            + "route with a route attribute (e.g. [Get(\"/by-title/{title}\")]), rename it, or mark a method that is not an action [NonAction].\n"
            + "2. Two controller actions answer GET /api/clash2: ConventionalRouteTests.AttributeClashController.List() (by convention) and "
            + "ConventionalRouteTests.AttributeClashController.All() (route attribute). Routing could not choose between them. Give one of them its own "
            + "route with a route attribute (e.g. [Get(\"/by-title/{title}\")]), rename it, or mark a method that is not an action [NonAction].");
    }

    public sealed record Filter(string Title);

    [Controller(Url = "/api/bad")]
    public sealed class UnbindableController
    {
        public string Find(Filter filter) => filter.Title;
    }

    [Fact]
    public void AnActionWhoseParametersCannotBeBound_FailsTheBuild_NamingIt()
    {
        var context = new ApplicationContext(new PendingRegistry().Register<UnbindableController>(), new ConfigurationBuilder().Build());
        var builder = WebApplication.CreateSlimBuilder();
        builder.UseSprig(context);

        var build = () => builder.Build();

        build.Should().Throw<ContainerException>().Which.Message.Should().StartWith(
            "ConventionalRouteTests.UnbindableController.Find(ConventionalRouteTests.Filter filter) cannot be served as GET /api/bad (an action by convention): ")
            .And.Contain("Body was inferred but the method does not allow inferred body parameters.")
            .And.Contain("Did you mean to register the \"Body (Inferred)\" parameter(s) as a Service or apply the [FromServices] or [FromBody] attribute?")
            .And.EndWith("Fix the action as the message says, or mark the method [NonAction] if it is not an action.");
    }

    private static async Task<ServedContext> Serve(params Type[] controllers)
    {
        var registry = new PendingRegistry().Register<Shelf>();
        foreach (var controller in controllers)
        {
            registry.Register(controller);
        }

        return await ServedContext.StartAsync(registry);
    }
}
