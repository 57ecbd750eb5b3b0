namespace Sprig.Web.Diagnostics;

/// <summary>Marks every route <see cref="SprigWeb.MapSprigDiagnostics"/> maps.</summary>
internal sealed class DiagnosticsMetadata
{
    public static readonly DiagnosticsMetadata Instance = new();
}
