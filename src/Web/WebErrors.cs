using System.Text;
using Sprig.Web.Routing;

namespace Sprig.Web;

/// <summary>Every message text of Sprig.Web.</summary>
internal static partial class WebErrors
{
    public const string NoContext =
        "MapSprig found no ApplicationContext in the application's services. Call builder.UseSprig() before building the application, "
        + "or serve a refreshed context with context.ServeAsync(url).";

    /// <summary>Words an invariant failure of Sprig.Web: what went wrong, and that it is Sprig's bug.</summary>
    public static string Bug(string what) => $"{what} This is a bug in Sprig; please report it with the stack trace.";

    public static string NotRunning(ContextState state) => state switch
    {
        ContextState.Created => $"The context is {state}: only a running context can be served. Call context.Refresh() first.",
        ContextState.Refreshing => $"The context is {state}: only a running context can be served. Serve it after Refresh() returns.",
        _ => $"The context is {state}: only a running context can be served, and a context runs once. Create a new ApplicationContext and refresh it.",
    };

    public static string AmbiguousAction(IReadOnlyList<ControllerAction> actions)
    {
        var first = actions[0];
        var names = actions.Select(a => a.Display + (a.Conventional ? " (by convention)" : " (route attribute)")).ToList();
        var list = names.Count == 2 ? $"{names[0]} and {names[1]}" : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        return $"{Count(actions.Count)} controller actions answer {first.Verb} {first.Template}: {list}. Routing could not choose between them. "
            + "Give one of them its own route with a route attribute (e.g. [Get(\"/by-title/{title}\")]), rename it, or mark a method that is not an action [NonAction].";
    }

    public static string ControllerProblems(IReadOnlyList<ContainerException> problems)
    {
        var text = new StringBuilder($"Sprig.Web cannot map the controllers; it found {problems.Count} problems:");
        for (var i = 0; i < problems.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(problems[i].Message);
        }

        return text.ToString();
    }

    public static string UnmappableAction(ControllerAction action, string reason) =>
        $"{action.Display} cannot be served as {action.Verb} {action.Template}{(action.Conventional ? " (an action by convention)" : "")}: {reason.Trim()} "
        + "Fix the action as the message says, or mark the method [NonAction] if it is not an action.";

    public static string UnroutableEndpoint(EndpointDescriptor endpoint) =>
        $"Endpoint '{endpoint.Address}' ({Sprig.Hosting.SprigHosting.MethodDisplayName(endpoint.Method)}) cannot be served over HTTP: its address contains '?', "
        + "which ends a URL's path. Rename it with [Endpoint(\"name\")] (or rename the component or its namespace).";

    private static string Count(int count) => count switch { 2 => "Two", 3 => "Three", _ => count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
