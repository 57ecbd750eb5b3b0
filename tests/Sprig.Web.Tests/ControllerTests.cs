using System.Net;
using Microsoft.AspNetCore.Http;
using System.Net.Http.Json;

namespace Sprig.Web.Tests;

/// <summary>[Controller] classes served over HTTP by a real Kestrel server on a free port.</summary>
public sealed class ControllerTests
{
    public sealed record User(int Id, string Name);

    [Service]
    public sealed class UserStore
    {
        private readonly Dictionary<int, User> _users = new() { [1] = new(1, "Ada") };

        public User? Find(int id) => _users.GetValueOrDefault(id);

        public User Add(string name)
        {
            var user = new User(_users.Count + 1, name);
            _users[user.Id] = user;
            return user;
        }
    }

    /// <summary>One per HTTP request; disposal is recorded by the journal.</summary>
    [Component(Scope = Scope.Request)]
    public sealed class RequestJournal(Journal journal) : IDisposable
    {
        public Guid Id { get; } = Guid.NewGuid();

        public void Dispose() => journal.Disposed.Add(Id);
    }

    public sealed class Journal
    {
        public System.Collections.Concurrent.ConcurrentBag<Guid> Disposed { get; } = [];
    }

    [Controller(Url = "/api/users")]
    public sealed class UserController(UserStore store, RequestJournal request)
    {
        [Get("/{id}")]
        public IResult Find(int id) => store.Find(id) is { } user ? Results.Ok(user) : Results.NotFound();

        [Get]
        public string Search(string name = "nobody") => $"searching {name}";

        [Post]
        public User Create(CreateUser body) => store.Add(body.Name);

        [Delete("/{id}")]
        public void Remove(int id) => _ = id;

        [Get("/request")]
        public Guid RequestId() => request.Id;

        [Get("/boom")]
        public string Boom() => throw new InvalidOperationException("database password is hunter2");
    }

    public sealed record CreateUser(string Name);

    [Fact]
    public async Task Controller_BindsRouteQueryAndBody()
    {
        await using var fixture = await Serve();
        var client = fixture.Client;

        (await client.GetFromJsonAsync<User>("/api/users/1")).Should().Be(new User(1, "Ada"));
        (await client.GetAsync("/api/users/9")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/api/users?name=grace")).Should().Be("searching grace");
        (await client.GetStringAsync("/api/users")).Should().Be("searching nobody");
        var created = await client.PostAsJsonAsync("/api/users", new CreateUser("Grace"));
        (await created.Content.ReadFromJsonAsync<User>()).Should().Be(new User(2, "Grace"));
        (await client.DeleteAsync("/api/users/2")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Controller_Answers400Problem_NamingTheParameter_WhenRouteValueHasWrongType()
    {
        await using var fixture = await Serve();

        var response = await fixture.Client.GetAsync("/api/users/abc");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        problem!.Detail.Should().Be("Failed to bind parameter \"int id\" from \"abc\".");
        problem.Status.Should().Be(400);
    }

    [Fact]
    public async Task Controller_Answers500Problem_WithTraceIdAndNoExceptionText()
    {
        await using var fixture = await Serve();

        var response = await fixture.Client.GetAsync("/api/users/boom");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain("hunter2").And.NotContain("InvalidOperationException").And.Contain("traceId");
        (await fixture.Client.GetAsync("/api/users/1")).StatusCode.Should().Be(HttpStatusCode.OK, "the server keeps serving");
    }

    [Fact]
    public async Task EachRequest_IsARequestScope_DisposedAtItsEnd()
    {
        await using var fixture = await Serve();

        var first = await fixture.Client.GetFromJsonAsync<Guid>("/api/users/request");
        var second = await fixture.Client.GetFromJsonAsync<Guid>("/api/users/request");

        first.Should().NotBe(second);
        fixture.Journal.Disposed.Should().Contain(first);
    }

    private static async Task<Fixture> Serve()
    {
        var journal = new Journal();
        var registry = new PendingRegistry()
            .Register<UserStore>().Register<RequestJournal>().Register<UserController>().RegisterInstance("Journal", journal);
        return new Fixture(await ServedContext.StartAsync(registry), journal);
    }

    private sealed record Fixture(ServedContext Served, Journal Journal) : IAsyncDisposable
    {
        public HttpClient Client => Served.Client;

        public ValueTask DisposeAsync() => Served.DisposeAsync();
    }
}
