namespace Sprig.Web;

/// <summary>The message texts of the diagnostics routes (<see cref="SprigWeb.MapSprigDiagnostics"/>).</summary>
internal static partial class WebErrors
{
    public const string DiagnosticsNoContext =
        "MapSprigDiagnostics found no ApplicationContext in the application's services. Call builder.UseSprig() before building the application.";

    public static string BadPrefix(string prefix) =>
        $"The diagnostics prefix '{prefix}' is not a path: it must start with '/' (e.g. \"/sprig\"), and may not end with '/' or contain '?', '#', '{{' or '}}'.";

    public static string DiagnosticsNeedUser(string method, string path) =>
        $"{method} {path} requires an authenticated user: outside the Development environment the diagnostics routes are closed to anonymous callers, "
        + "and this application has no authentication scheme to sign one in. Add one (builder.Services.AddAuthentication(...)), "
        + "or open the routes deliberately with app.MapSprigDiagnostics().AllowAnonymous().";

    public static string BadQueryValue(string parameter, string value, string allowed) =>
        $"The query parameter '{parameter}' is '{value}', which is not allowed. Allowed: {allowed}.";

    public static string UnknownAsset(string file, IEnumerable<string> files) =>
        $"The diagnostics page has no asset '{file}'. Assets: {(files.Any() ? string.Join(", ", files.Select(f => $"'{f}'")) : "none")}.";
}
