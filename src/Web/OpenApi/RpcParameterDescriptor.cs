using System.Reflection;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Sprig.Web.OpenApi;

/// <summary>
/// The parameter of an RPC endpoint's API description. Being an <see cref="IParameterInfoParameterDescriptor"/>, it lets the
/// OpenAPI generator read the parameter itself: its nullability, default value, <c>[Description]</c> and validation attributes.
/// </summary>
internal sealed class RpcParameterDescriptor : ParameterDescriptor, IParameterInfoParameterDescriptor
{
    public RpcParameterDescriptor(ParameterInfo parameter)
    {
        ParameterInfo = parameter;
        Name = parameter.Name ?? "";
        ParameterType = parameter.ParameterType;
    }

    public ParameterInfo ParameterInfo { get; }
}
