using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sprig.Generator.Parsing;

namespace Sprig.Generator.Controllers;

/// <summary>
/// Where an action's parameter comes from, by RequestDelegateFactory's rules: an attribute (<c>[FromRoute]</c>, <c>[FromQuery]</c>,
/// <c>[FromHeader]</c>, <c>[FromBody]</c>, <c>[FromServices]</c>, <c>[FromKeyedServices]</c>) says; the request's own objects
/// (<c>HttpContext</c>, <c>HttpRequest</c>, <c>HttpResponse</c>, <c>CancellationToken</c>, <c>ClaimsPrincipal</c>, the body as a
/// <c>Stream</c> or <c>PipeReader</c>) are passed; a type with <c>TryParse</c> (string, enums, numbers, <c>Guid</c>, dates, any
/// <c>IParsable&lt;T&gt;</c>, and their nullables) comes from the route or the query string; anything else from the services or
/// the JSON body (the runtime decides those two, knowing the route and the services).
/// </summary>
internal static class Parameters
{
    private const string Metadata = "Microsoft.AspNetCore.Http.Metadata.";

    /// <summary>How the delegate gets an argument: an expression over <c>http</c>, or a binder from the runtime.</summary>
    public readonly record struct Binding(string? Direct, string? Binder);

    /// <summary>Why no request can bind the parameter, or null.</summary>
    public static string? Why(IParameterSymbol parameter, Compilation compilation)
    {
        var what = $"parameter \"{DisplayName(parameter.Type)} {parameter.Name}\"";
        if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType || parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
        {
            return $"{what} is a ref, out or in parameter, a ref struct or a pointer, which a request cannot bind. Take it by value.";
        }

        if (!TypeNames.CanName(parameter.Type, compilation))
        {
            return $"{what} has a type that generated code in this assembly cannot name. Make the type public or internal.";
        }

        var attributes = Attributes(parameter);
        if (attributes.Contains(Metadata + "IFromFormMetadata") || Is(parameter.Type, "Microsoft.AspNetCore.Http.IFormFile", "Microsoft.AspNetCore.Http.IFormFileCollection", "Microsoft.AspNetCore.Http.IFormCollection"))
        {
            return $"{what} is bound from a form, which Sprig serves only with dynamic code (RequestDelegateFactory). Read the form from an HttpRequest parameter, or take JSON.";
        }

        if (parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Microsoft.AspNetCore.Http.AsParametersAttribute"))
        {
            return $"{what} is [AsParameters], which Sprig serves only with dynamic code (RequestDelegateFactory). Take the members as parameters of their own.";
        }

        var type = Parsers.Underlying(parameter.Type);
        if (type.ToDisplayString() == "Microsoft.Extensions.Primitives.StringValues")
        {
            return $"{what} is a StringValues, which Sprig binds only with dynamic code (RequestDelegateFactory). Take a string[] instead.";
        }

        if (HasBindAsync(type))
        {
            return $"{what} has a static BindAsync method, which Sprig serves only with dynamic code (RequestDelegateFactory). Take an HttpContext parameter and call it.";
        }

        if (Element(parameter.Type) is not null)
        {
            return attributes.Contains(Metadata + "IFromRouteMetadata")
                ? $"{what} is an array bound from the route, which has one value per name. Take it from the query string ([FromQuery]), or take a string."
                : null;
        }

        var text = attributes.Any(a => a is Metadata + "IFromRouteMetadata" or Metadata + "IFromQueryMetadata" or Metadata + "IFromHeaderMetadata");
        if (text && Parsers.Parser(type) is null && type.SpecialType != SpecialType.System_String)
        {
            return $"{what} is bound from the route, the query string or a header, but {DisplayName(type)} has no static TryParse method. "
                + "Take a string, or a type with TryParse (IParsable<T>).";
        }

        return null;
    }

    /// <summary>Returns how the delegate binds <paramref name="parameter"/> (<see cref="Why"/> returned null for it).</summary>
    public static Binding Bind(IParameterSymbol parameter, Compilation compilation)
    {
        var type = parameter.Type;
        var typeName = TypeNames.Of(type);
        var display = Literal(DisplayName(type));
        var name = Literal(parameter.Name);
        var optional = IsOptional(parameter);
        var optionalText = optional ? "true" : "false";
        var attributes = Attributes(parameter);
        var key = Literal(NameArgument(parameter) ?? parameter.Name);

        if (Element(type) is { } element && !attributes.Contains(Metadata + "IFromBodyMetadata") && !attributes.Contains(Metadata + "IFromServiceMetadata"))
        {
            var elementName = TypeNames.Of(element);
            var optionalElements = element.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                || (!element.IsValueType && element.NullableAnnotation != NullableAnnotation.NotAnnotated) ? "true" : "false";
            var explicitSource = attributes.Contains(Metadata + "IFromHeaderMetadata") ? "true" : attributes.Contains(Metadata + "IFromQueryMetadata") ? "false" : null;
            return explicitSource is null
                ? new(null, $"Values<{elementName}>({name}, {display}, {Parsers.ParserOf(element)}, {optionalText}, {optionalElements})")
                : new(null, $"Values<{elementName}>({explicitSource}, {key}, {name}, {display}, {Parsers.ParserOf(element)}, {optionalElements})");
        }

        if (attributes.Contains(Metadata + "IFromRouteMetadata"))
        {
            return new(null, $"Route<{typeName}>({key}, {name}, {display}, {Parsers.ParserOf(type)}, {optionalText}, {Default(parameter)})");
        }

        if (attributes.Contains(Metadata + "IFromQueryMetadata"))
        {
            return new(null, $"Query<{typeName}>({key}, {name}, {display}, {Parsers.ParserOf(type)}, {optionalText}, {Default(parameter)})");
        }

        if (attributes.Contains(Metadata + "IFromHeaderMetadata"))
        {
            return new(null, $"Header<{typeName}>({key}, {name}, {display}, {Parsers.ParserOf(type)}, {optionalText}, {Default(parameter)})");
        }

        if (attributes.Contains(Metadata + "IFromBodyMetadata"))
        {
            return new(null, $"Body<{typeName}>({name}, {display}, {(optional || AllowsEmpty(parameter) ? "true" : "false")})");
        }

        if (parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute") is { } keyed)
        {
            return new(null, $"KeyedService<{typeName}>({Constant(keyed.ConstructorArguments.FirstOrDefault())}, {optionalText})");
        }

        if (attributes.Contains(Metadata + "IFromServiceMetadata"))
        {
            return new(null, $"Service<{typeName}>({optionalText})");
        }

        switch (type.ToDisplayString())
        {
            case "Microsoft.AspNetCore.Http.HttpContext":
                return new("http", null);
            case "Microsoft.AspNetCore.Http.HttpRequest":
                return new("http.Request", null);
            case "Microsoft.AspNetCore.Http.HttpResponse":
                return new("http.Response", null);
            case "System.Threading.CancellationToken":
                return new("http.RequestAborted", null);
            case "System.Security.Claims.ClaimsPrincipal":
                return new("http.User", null);
            case "System.IO.Stream":
                return new("http.Request.Body", null);
            case "System.IO.Pipelines.PipeReader":
                return new("http.Request.BodyReader", null);
        }

        return type.SpecialType == SpecialType.System_String || Parsers.Parser(Parsers.Underlying(type)) is not null
            ? new(null, $"Value<{typeName}>({name}, {display}, {Parsers.ParserOf(type)}, {optionalText}, {Default(parameter)})")
            : new(null, $"Inferred<{typeName}>({name}, {display}, {optionalText})");
    }

    /// <summary>
    /// Whether RequestDelegateFactory treats the parameter as optional: it has a default, or it may be null (a nullable value type,
    /// or a reference type not annotated as non-null).
    /// </summary>
    public static bool IsOptional(IParameterSymbol parameter) =>
        parameter.HasExplicitDefaultValue || parameter.NullableAnnotation != NullableAnnotation.NotAnnotated && !parameter.Type.IsValueType
            || parameter.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    /// <summary>A type's name as RequestDelegateFactory's messages write it: C# keywords, no namespace, generic arguments in angle brackets.</summary>
    public static string DisplayName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => DisplayName(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]",
        INamedTypeSymbol { SpecialType: not SpecialType.None and not SpecialType.System_Nullable_T } special when Keyword(special) is { } keyword => keyword,
        INamedTypeSymbol { IsGenericType: true } generic => generic.Name + "<" + string.Join(", ", generic.TypeArguments.Select(DisplayName)) + ">",
        _ => type.Name,
    };

    private static string? Keyword(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Boolean => "bool",
        SpecialType.System_Byte => "byte",
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Char => "char",
        SpecialType.System_Decimal => "decimal",
        SpecialType.System_Double => "double",
        SpecialType.System_Single => "float",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_Object => "object",
        SpecialType.System_String => "string",
        _ => null,
    };

    /// <summary>The element type of an array RequestDelegateFactory binds from string values (of strings or a TryParse type), or null.</summary>
    private static ITypeSymbol? Element(ITypeSymbol type) =>
        type is IArrayTypeSymbol { Rank: 1, ElementType: var element }
            && (element.SpecialType == SpecialType.System_String || Parsers.Parser(Parsers.Underlying(element)) is not null) ? element : null;

    private static bool HasBindAsync(ITypeSymbol type) =>
        type.GetMembers("BindAsync").OfType<IMethodSymbol>().Any(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public
            && m.Parameters.Length > 0 && m.Parameters[0].Type.ToDisplayString() == "Microsoft.AspNetCore.Http.HttpContext");

    /// <summary>The metadata interfaces of the parameter's attributes (IFromQueryMetadata ...), which RequestDelegateFactory reads.</summary>
    private static string[] Attributes(IParameterSymbol parameter) =>
        [.. parameter.GetAttributes().SelectMany(a => a.AttributeClass?.AllInterfaces.Select(i => i.ToDisplayString()) ?? [])];

    private static string? NameArgument(IParameterSymbol parameter) =>
        parameter.GetAttributes().SelectMany(a => a.NamedArguments).Where(a => a.Key == "Name").Select(a => a.Value.Value as string).FirstOrDefault(n => !string.IsNullOrEmpty(n));

    // [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] (MVC's attribute) or an IFromBodyMetadata whose AllowEmpty is set.
    private static bool AllowsEmpty(IParameterSymbol parameter) =>
        parameter.GetAttributes().SelectMany(a => a.NamedArguments).Any(a => (a.Key == "EmptyBodyBehavior" && a.Value.Value is 1) || (a.Key == "AllowEmpty" && a.Value.Value is true));

    private static bool Is(ITypeSymbol type, params string[] names) => names.Contains(type.ToDisplayString());

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>The parameter's default as C# (its explicit default, cast to its type; else <c>default!</c>).</summary>
    private static string Default(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue || parameter.ExplicitDefaultValue is null)
        {
            return "default!";
        }

        return $"({TypeNames.Of(parameter.Type)}){Constant(parameter.ExplicitDefaultValue)}";
    }

    private static string Constant(TypedConstant constant) => constant.Kind switch
    {
        TypedConstantKind.Enum => $"({TypeNames.Of(constant.Type!)}){Constant(constant.Value)}",
        TypedConstantKind.Type when constant.Value is ITypeSymbol type => $"typeof({TypeNames.Of(type)})",
        _ => Constant(constant.Value),
    };

    private static string Constant(object? value) => value switch
    {
        null => "null",
        string s => Literal(s),
        char c => SymbolDisplay.FormatLiteral(c, quote: true),
        bool b => b ? "true" : "false",
        float f => "(" + f.ToString("R", CultureInfo.InvariantCulture) + "F)",
        double d => "(" + d.ToString("R", CultureInfo.InvariantCulture) + "D)",
        decimal m => "(" + m.ToString(CultureInfo.InvariantCulture) + "M)",
        _ => "(" + System.Convert.ToString(value, CultureInfo.InvariantCulture) + ")",
    };
}
