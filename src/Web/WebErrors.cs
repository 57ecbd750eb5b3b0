namespace Sprig.Web;

/// <summary>Every message text of Sprig.Web.</summary>
internal static class WebErrors
{
    public const string NoContext =
        "MapSprig found no ApplicationContext in the application's services. Call builder.UseSprig() before building the application, "
        + "or serve a refreshed context with context.ServeAsync(url).";

    public static string NotRunning(ContextState state) =>
        $"The context is {state}: only a running context can be served. Call context.Refresh() first.";
}
