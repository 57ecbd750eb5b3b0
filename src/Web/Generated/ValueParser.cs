using System.ComponentModel;

namespace Sprig.Web.Generated;

/// <summary>Parses a route, query or header value into a parameter's type, as the type's own <c>TryParse</c> does (generated per parameter).</summary>
/// <typeparam name="T">The parameter's type.</typeparam>
/// <param name="value">The text, never null.</param>
/// <param name="result">The value, when the text parses.</param>
/// <returns>Whether the text parses.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool ValueParser<T>(string value, out T result);
