using System.Reflection;

namespace Sprig.Web.OpenApi;

/// <summary>
/// Marks the API description of a Sprig controller action (added to the description's copy of the route metadata, never to
/// the route), so the operation transformer knows whose XML doc comments describe it.
/// </summary>
/// <param name="Method">The action's method.</param>
internal sealed record SprigActionMetadata(MethodInfo Method);
