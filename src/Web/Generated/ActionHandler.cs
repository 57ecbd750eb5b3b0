using System.ComponentModel;
using Microsoft.AspNetCore.Http;

namespace Sprig.Web.Generated;

/// <summary>A generated request delegate of a controller action: binds the parameters, calls the method on <paramref name="controller"/>, writes the result.</summary>
/// <param name="http">The request.</param>
/// <param name="controller">The controller instance, from the request's scope.</param>
/// <returns>The work of answering.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate Task ActionHandler(HttpContext http, object controller);
