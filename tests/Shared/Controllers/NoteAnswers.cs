namespace Sprig.Tests.Controllers;

/// <summary>
/// What the notes' routes answer to bad requests, as RequestDelegateFactory words it: the same texts whether ASP.NET Core binds the
/// action (JIT) or Sprig.Generator's request delegate does (without dynamic code).
/// </summary>
public static class NoteAnswers
{
    /// <summary>Gets each GET path with a bad or missing value, and the detail of its 400 problem.</summary>
    public static TheoryData<string, string> BadValues => new()
    {
        { "/notes/abc", "Failed to bind parameter \"int id\" from \"abc\"." },
        { "/notes/search", "Required parameter \"string text\" was not provided from query string." },
        { "/notes/search?text=a&limit=many", "Failed to bind parameter \"int limit\" from \"many\"." },
        { "/notes/search?text=a&limit=", "Failed to bind parameter \"int limit\" from \"\"." },
        { "/notes/search?text=a&kind=Loud", "Failed to bind parameter \"Nullable<NoteKind> kind\" from \"Loud\"." },
        { "/notes/kind/Loud", "Failed to bind parameter \"NoteKind kind\" from \"Loud\"." },
        { "/notes/kind/Plain?at=soon", "Failed to bind parameter \"Nullable<Guid> trace\" from \"soon\"." },
        { "/notes/kind/Plain?at=", "Failed to bind parameter \"Nullable<Guid> trace\" from \"\"." },
        { "/notes/search?text=a&kind=", "Failed to bind parameter \"Nullable<NoteKind> kind\" from \"\"." },
        { "/notes/tenant", "Required parameter \"string tenant\" was not provided from header." },
        { "/notes/tags?ids=1&ids=two", "Failed to bind parameter \"int[] ids\" from \"two\"." },
    };

    /// <summary>
    /// Gets each bad POST body (content type, body), the status, and the detail of its problem. A body that is not JSON is a 404:
    /// the action accepts application/json (its accepts metadata), so routing passes over it and MapSprig's fallback answers.
    /// </summary>
    public static TheoryData<string, string, int, string> BadBodies => new()
    {
        { "text/plain", "hello", 404, "No action answers POST /notes." },
        { "application/json", "{\"text\":", 400, "Failed to read parameter \"Note note\" from the request body as JSON." },
        { "application/json", "null", 400, "Implicit body inferred for parameter \"note\" but no body was provided. Did you mean to use a Service instead?" },
    };

    /// <summary>Gets, for each route of the notes, the metadata RequestDelegateFactory infers for it (NoteScenarios.InferredMetadata).</summary>
    public static string[] InferredMetadata =>
    [
        "GET /notes/{id} -> NoteController.Find: id parsed; produces 200 Note as application/json; api",
        "GET /notes/search -> NoteController.Search: text parsed; limit parsed optional; kind parsed optional; produces 200 String as text/plain",
        "GET /notes/tenant -> NoteController.Tenant: tenant; request; produces 200 String as text/plain",
        "POST /notes -> NoteController.AddAsync: accepts Note as application/json; note; cancellationToken; api",
        "GET /notes/count -> NoteController.CountAsync: notes; environment; produces 200 Int32 as application/json; api",
        "GET /notes/kind/{kind} -> NoteController.Kind: kind parsed; trace optional; produces 200 String as text/plain",
        "GET /notes/tags -> NoteController.Tags: ids parsed; tags; http; produces 200 String as text/plain",
        "GET /notes/link -> NoteController.Link: target parsed; back optional; produces 200 String as text/plain",
        "GET /notes/mine -> NoteController.Mine: user; produces 200 String as text/plain",
        "GET /notes/secret -> NoteController.Secret: ",
        "GET /notes/list -> NoteController.GetList: produces 200 List`1 as application/json; api",
        "POST /notes/{id}/publish -> NoteController.Publish: id parsed; produces 200 String as text/plain",
        "POST /notes/{id}/archive -> NoteController.ArchiveAsync: id parsed",
        "DELETE /notes/{id} -> NoteController.Delete: id parsed",
    ];
}
