using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using Sprig.Web;

namespace Sprig.Tests.Controllers;

/// <summary>A note, as the controllers take and return it.</summary>
/// <param name="Text">What it says.</param>
/// <param name="Stars">How much it matters.</param>
public sealed record Note(string Text, int Stars);

/// <summary>What a note's kind can be (an enum bound from the route).</summary>
public enum NoteKind
{
    Plain,
    Urgent,
}

/// <summary>The notes, one store per context.</summary>
[Service]
public sealed partial class NoteStore
{
    public List<Note> Notes { get; } = [new("first", 1)];
}

/// <summary>
/// A controller served under JIT by RequestDelegateFactory (Sprig.Web.Tests) and without dynamic code by Sprig.Generator's request
/// delegates (Sprig.Aot.Tests), which must answer alike: route, query, header, body, services and the request's own objects as
/// parameters; JSON, text, IResult and no result.
/// </summary>
[Controller(Url = "/notes")]
public sealed partial class NoteController(NoteStore store)
{
    [Get("/{id}")]
    public Note Find(int id) => store.Notes[id];

    [Get("/search")]
    public string Search(string text, int limit = 10, NoteKind? kind = null) => $"{text} (limit {limit}, kind {kind?.ToString() ?? "any"})";

    [Get("/tenant")]
    public string Tenant([FromHeader(Name = "X-Tenant")] string tenant, HttpRequest request) => $"{tenant} at {request.Path}";

    [Post]
    public async Task<IResult> AddAsync(Note note, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        store.Notes.Add(note);
        return Results.Text($"added {store.Notes.Count - 1}", statusCode: StatusCodes.Status201Created);
    }

    [Get("/count")]
    public ValueTask<int> CountAsync([FromServices] NoteStore notes, IHostEnvironment environment) => ValueTask.FromResult(notes.Notes.Count + (environment is null ? 1000 : 0));

    [Get("/kind/{kind}")]
    public string Kind(NoteKind kind, [FromQuery(Name = "at")] Guid? trace) => $"{kind} {trace?.ToString() ?? "untraced"}";

    [Get("/tags")]
    public string Tags(int[] ids, [FromHeader(Name = "X-Tag")] string[] tags, HttpContext http) => $"{string.Join("+", ids)} / {string.Join("+", tags)} / {http.Request.Method}";

    [Get("/link")]
    public string Link(Uri target, [FromQuery] Uri? back = null) => $"{target} {back?.ToString() ?? "-"}";

    [Get("/mine"), Authorize]
    public string Mine(ClaimsPrincipal user) => user.Identity?.Name ?? "";

    /// <summary>Closed by its result type's own metadata (<see cref="SecretNote"/>), not by an attribute.</summary>
    [Get("/secret")]
    public SecretNote Secret() => new();

    /// <summary>GET /notes/list by convention.</summary>
    public List<Note> GetList() => store.Notes;

    /// <summary>POST /notes/{id}/publish by convention.</summary>
    public string Publish(int id) => $"published {store.Notes[id].Text}";

    /// <summary>POST /notes/{id}/archive by convention; awaited, nothing to write.</summary>
    public Task ArchiveAsync(int id) => id < store.Notes.Count ? Task.CompletedTask : throw new ArgumentOutOfRangeException(nameof(id));

    /// <summary>DELETE /notes/{id} by convention; nothing to write.</summary>
    public void Delete(int id) => store.Notes.RemoveAt(id);
}

/// <summary>The JSON metadata of the notes, as an AOT application registers it.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Note))]
[JsonSerializable(typeof(List<Note>))]
[JsonSerializable(typeof(int))]
public sealed partial class NoteJson : JsonSerializerContext;
