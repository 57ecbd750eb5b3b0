using Microsoft.OpenApi;

namespace Sprig.Web.OpenApi;

/// <summary>
/// Moves the schemas of named types into the document's components and refers to them, as the document generator does for
/// the schemas it creates itself. A transformer's <c>GetOrCreateSchemaAsync</c> gives a schema with every type inline, each
/// marked with the id the generator would give its component (the <c>x-schema-id</c> metadata); this walks it the same way,
/// so that a type used by an RPC argument and by a response is one component, not two copies.
/// </summary>
internal static class SchemaComponents
{
    private const string SchemaId = "x-schema-id";
    private const string NullableProperty = "x-is-nullable-property";
    private const string RefDescription = "x-ref-description";

    /// <summary>Gets the schema to use in <paramref name="document"/>: a reference for a named type, the schema with its parts resolved otherwise.</summary>
    public static IOpenApiSchema Resolve(OpenApiDocument document, IOpenApiSchema schema, string? baseSchemaId = null)
    {
        if (schema is not OpenApiSchema inline)
        {
            return schema;
        }

        OpenApiSchemaReference? reference = null;
        var schemaId = Id(inline);
        if (schemaId is not null)
        {
            // A polymorphic type's derived schemas are named after the base: "Shape" + "Circle".
            var id = baseSchemaId + schemaId;
            var added = document.AddComponent<IOpenApiSchema>(id, inline);
            reference = new OpenApiSchemaReference(id, document) { Description = Metadata(inline, RefDescription) as string };
            if (!added)
            {
                return reference;
            }
        }

        ResolveParts(document, inline, schemaId);
        return reference ?? (IOpenApiSchema)inline;
    }

    /// <summary>Wraps a schema so that null is valid too: <c>oneOf: [{type: null}, schema]</c>, as the generator does for nullable bodies.</summary>
    public static IOpenApiSchema Nullable(IOpenApiSchema schema) =>
        new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, schema] };

    private static void ResolveParts(OpenApiDocument document, OpenApiSchema schema, string? schemaId)
    {
        ResolveAll(document, schema.AnyOf, schemaId);
        ResolveAll(document, schema.AllOf, null);
        ResolveAll(document, schema.OneOf, null);
        if (schema.Properties is { } properties)
        {
            foreach (var (name, property) in properties.ToList())
            {
                var resolved = Resolve(document, property);
                properties[name] = property is OpenApiSchema nested && Metadata(nested, NullableProperty) is true
                    ? Nullable(resolved)
                    : resolved;
            }
        }

        if (schema.AdditionalProperties is { } additional)
        {
            schema.AdditionalProperties = Resolve(document, additional);
        }

        if (schema.Items is { } items)
        {
            schema.Items = Resolve(document, items);
        }

        if (schema.Not is { } not)
        {
            schema.Not = Resolve(document, not);
        }
    }

    private static void ResolveAll(OpenApiDocument document, IList<IOpenApiSchema>? schemas, string? baseSchemaId)
    {
        for (var i = 0; i < (schemas?.Count ?? 0); i++)
        {
            schemas![i] = Resolve(document, schemas[i], baseSchemaId);
        }
    }

    private static string? Id(OpenApiSchema schema) => Metadata(schema, SchemaId) is string { Length: > 0 } id ? id : null;

    private static object? Metadata(OpenApiSchema schema, string key) =>
        schema.Metadata is { } metadata && metadata.TryGetValue(key, out var value) ? value : null;
}
