namespace Sprig.Generator.Controllers;

/// <summary>The names of the controller generator's steps, for tests that check they stay cached.</summary>
public static class ControllerTrackingNames
{
    /// <summary>Whether generation is on (the SprigGenerator MSBuild property).</summary>
    public const string Enabled = "Controllers.Enabled";

    /// <summary>One model per [Controller] class (of a compilation that references Sprig.Web).</summary>
    public const string Controllers = "Controllers.Controllers";

    /// <summary>The distinct controllers, in name order.</summary>
    public const string Distinct = "Controllers.Distinct";
}
