using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Sprig.Web.OpenApi;

/// <summary>
/// Computes the IDs the C# compiler gives members in an XML documentation file ("ID strings" in the C# specification):
/// <c>M:Ns.Outer.Inner.Find(System.Int32,System.String)</c>. Nested types join with '.', a generic type is named with its
/// arity (<c>Ns.Repository`1</c>) where it declares the member and with its arguments in braces where it is a parameter's type
/// (<c>System.Collections.Generic.List{System.Int32}</c>); a type's generic parameter is <c>`0</c>, a method's <c>``0</c>;
/// arrays are <c>[]</c> (<c>[0:,0:]</c> for two dimensions), <c>ref</c>/<c>out</c>/<c>in</c> add <c>@</c>, pointers <c>*</c>.
/// </summary>
internal static class DocumentationId
{
    /// <summary>Gets a method's ID; a method of a constructed generic type, or a constructed generic method, is named by its definition.</summary>
    [RequiresUnreferencedCode(XmlDocumentation.NeedsReflection)]
    public static string Of(MethodInfo method)
    {
        method = Definition(method);
        var id = new StringBuilder("M:");
        AppendDeclaringName(id, method.DeclaringType!);
        id.Append('.').Append(method.Name.Replace('.', '#'));
        if (method.IsGenericMethodDefinition)
        {
            id.Append("``").Append(method.GetGenericArguments().Length.ToString(CultureInfo.InvariantCulture));
        }

        var parameters = method.GetParameters();
        if (parameters.Length > 0)
        {
            id.Append('(').AppendJoin(',', parameters.Select(p => ParameterTypeName(p.ParameterType))).Append(')');
        }

        if (method.Name is "op_Implicit" or "op_Explicit")
        {
            id.Append('~').Append(ParameterTypeName(method.ReturnType));
        }

        return id.ToString();
    }

    /// <summary>Gets the method as declared: on the generic type definition, and the generic method definition.</summary>
    [RequiresUnreferencedCode(XmlDocumentation.NeedsReflection)]
    public static MethodInfo Definition(MethodInfo method)
    {
        if (method.DeclaringType is { IsGenericType: true } || method.IsGenericMethod)
        {
            // A MethodDef token names the declaration itself, whatever the instantiation it was read through.
            return method.Module.ResolveMethod(method.MetadataToken) as MethodInfo ?? method;
        }

        return method;
    }

    /// <summary>Appends a declaring type's name: namespace, enclosing types, and the arity of generic ones (<c>Ns.Outer`1.Inner</c>).</summary>
    private static void AppendDeclaringName(StringBuilder id, Type type)
    {
        if (type.DeclaringType is { } outer && type.IsNested)
        {
            AppendDeclaringName(id, outer);
            id.Append('.');
        }
        else if (!string.IsNullOrEmpty(type.Namespace))
        {
            id.Append(type.Namespace).Append('.');
        }

        id.Append(type.Name);
    }

    /// <summary>Gets the name of a type where it is a parameter's type.</summary>
    private static string ParameterTypeName(Type type)
    {
        if (type.IsGenericParameter)
        {
            var position = type.GenericParameterPosition.ToString(CultureInfo.InvariantCulture);
            return type.DeclaringMethod is null ? "`" + position : "``" + position;
        }

        if (type.IsByRef)
        {
            return ParameterTypeName(type.GetElementType()!) + "@";
        }

        if (type.IsPointer)
        {
            return ParameterTypeName(type.GetElementType()!) + "*";
        }

        if (type.IsArray)
        {
            var rank = type.IsSZArray ? "[]" : "[" + string.Join(',', Enumerable.Repeat("0:", type.GetArrayRank())) + "]";
            return ParameterTypeName(type.GetElementType()!) + rank;
        }

        // The generic arguments of a nested type include its enclosing types' ones, first: each level takes its arity's share.
        var arguments = type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
        var used = 0;
        var name = new StringBuilder();
        AppendConstructedName(name, type, arguments, ref used);
        return name.ToString();
    }

    private static void AppendConstructedName(StringBuilder name, Type type, Type[] arguments, ref int used)
    {
        if (type.IsNested && type.DeclaringType is { } outer)
        {
            AppendConstructedName(name, outer, arguments, ref used);
            name.Append('.');
        }
        else if (!string.IsNullOrEmpty(type.Namespace))
        {
            name.Append(type.Namespace).Append('.');
        }

        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        if (tick < 0)
        {
            name.Append(type.Name);
            return;
        }

        var arity = int.Parse(type.Name.AsSpan(tick + 1), CultureInfo.InvariantCulture);
        name.Append(type.Name.AsSpan(0, tick)).Append('{')
            .AppendJoin(',', arguments.Skip(used).Take(arity).Select(ParameterTypeName)).Append('}');
        used += arity;
    }
}
