namespace Sprig.Web.Generated;

/// <summary>Where a generated action's parameter comes from.</summary>
internal enum BindingSource
{
    Route,
    Query,
    Header,
    Body,
    Services,
}
