using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Sprig.Web.Generated;

/// <summary>
/// How a generated action binds one parameter, as RequestDelegateFactory describes it to ApiExplorer and OpenAPI (its internal
/// <c>ParameterBindingMetadata</c>): the parameter, whether it is parsed from text because nothing else says where it comes from
/// (a string or a TryParse type from the route or the query string), and whether it is optional.
/// </summary>
internal sealed class BoundParameter(ParameterInfo parameter, bool hasTryParse, bool isOptional) : IParameterBindingMetadata
{
    public string Name => ParameterInfo.Name ?? "";

    public bool HasTryParse => hasTryParse;

    public bool HasBindAsync => false;

    public ParameterInfo ParameterInfo => parameter;

    public bool IsOptional => isOptional;
}
