using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Sprig.Web.Routing;

namespace Sprig.Web.OpenApi;

/// <summary>
/// Completes the operations of Sprig's routes with what API descriptions cannot say: the body of an RPC endpoint with several
/// parameters (an object whose camelCase properties are the parameters, required unless optional or nullable), and the XML doc
/// comments of the endpoint or action method (<c>&lt;summary&gt;</c> as the summary, <c>&lt;remarks&gt;</c> as the description,
/// <c>&lt;param&gt;</c> on parameters or the body, <c>&lt;returns&gt;</c> on the success answer). Other operations are left alone.
/// </summary>
internal sealed class SprigOperationTransformer : IOpenApiOperationTransformer
{
    private const string Json = "application/json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<RpcEndpointMetadata>().LastOrDefault() is { } rpc)
        {
            var endpoint = rpc.Endpoint;
            var documentation = XmlDocumentation.Of(endpoint.Method);
            if (endpoint.Parameters.Count > 1 && context.Document is { } document)
            {
                operation.RequestBody = await ArgumentsBody(endpoint, documentation, document, context, cancellationToken).ConfigureAwait(false);
            }
            else if (endpoint.Parameters is [var single] && documentation?.Parameters.GetValueOrDefault(single.Name ?? "") is { } text && operation.RequestBody is OpenApiRequestBody body)
            {
                body.Description = text;
            }

            Describe(operation, documentation);
        }
        else if (metadata.OfType<SprigActionMetadata>().LastOrDefault() is { } action && XmlDocumentation.Of(action.Method) is { } documentation)
        {
            DescribeParameters(operation, context.Description, documentation);
            Describe(operation, documentation);
        }
    }

    /// <summary>Describes the object of named arguments: a property per parameter, under its camelCase name, in declaration order.</summary>
    private static async Task<OpenApiRequestBody> ArgumentsBody(EndpointDescriptor endpoint, MemberDocumentation? documentation, OpenApiDocument document,
        OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in endpoint.Parameters)
        {
            var name = RpcArguments.PropertyName(parameter);
            var argument = new ApiParameterDescription
            {
                Name = name,
                Source = BindingSource.Body,
                Type = parameter.ParameterType,
                IsRequired = RpcArguments.IsRequired(parameter),
                ParameterDescriptor = new RpcParameterDescriptor(parameter),
            };
            var schema = SchemaComponents.Resolve(document, await context.GetOrCreateSchemaAsync(parameter.ParameterType, argument, cancellationToken).ConfigureAwait(false));
            if (!parameter.ParameterType.IsValueType && RpcArguments.IsNullable(parameter))
            {
                schema = Nullable(schema);
            }

            if (documentation?.Parameters.GetValueOrDefault(parameter.Name ?? "") is { } text)
            {
                schema = Described(schema, text);
            }

            properties[name] = schema;
            if (argument.IsRequired)
            {
                required.Add(name);
            }
        }

        var arguments = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties, Required = required.Count > 0 ? required : null };
        return new OpenApiRequestBody
        {
            Required = required.Count > 0,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [Json] = new OpenApiMediaType { Schema = arguments } },
        };
    }

    /// <summary>Lets null be a property's value: an inline schema adds "null" to its types, a reference is wrapped in a oneOf.</summary>
    private static IOpenApiSchema Nullable(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchema { Type: { } type } inline)
        {
            inline.Type = type | JsonSchemaType.Null;
            return inline;
        }

        return SchemaComponents.Nullable(schema);
    }

    /// <summary>Gives a property schema a description: a reference carries it beside the <c>$ref</c>, so the shared component stays as it is.</summary>
    private static IOpenApiSchema Described(IOpenApiSchema schema, string text)
    {
        switch (schema)
        {
            case OpenApiSchemaReference reference:
                reference.Description = text;
                return reference;
            case OpenApiSchema inline:
                inline.Description = text;
                return inline;
            default:
                return schema;
        }
    }

    /// <summary>Puts an action's <c>&lt;param&gt;</c> texts on its route, query and header parameters, or on the body the parameter binds from.</summary>
    private static void DescribeParameters(OpenApiOperation operation, ApiDescription description, MemberDocumentation documentation)
    {
        foreach (var parameter in description.ParameterDescriptions)
        {
            var name = parameter.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: { } info } ? info.Name : parameter.ParameterDescriptor?.Name;
            if (name is null || documentation.Parameters.GetValueOrDefault(name) is not { } text)
            {
                continue;
            }

            if (parameter.Source == BindingSource.Body && operation.RequestBody is OpenApiRequestBody body)
            {
                body.Description = text;
            }
            else if (operation.Parameters?.FirstOrDefault(p => p.Name == parameter.Name) is OpenApiParameter documented)
            {
                documented.Description = text;
            }
        }
    }

    private static void Describe(OpenApiOperation operation, MemberDocumentation? documentation)
    {
        if (documentation is null)
        {
            return;
        }

        if (documentation.Summary is { } summary)
        {
            operation.Summary = summary;
        }

        if (documentation.Remarks is { } remarks)
        {
            operation.Description = remarks;
        }

        // <returns> describes the success answer: the first 2xx.
        if (documentation.Returns is { } returns && operation.Responses?.FirstOrDefault(r => r.Key.StartsWith('2')).Value is OpenApiResponse success)
        {
            success.Description = returns;
        }
    }
}
