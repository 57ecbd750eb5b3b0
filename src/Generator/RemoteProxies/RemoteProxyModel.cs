using System;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sprig.Generator.LazyProxies;

namespace Sprig.Generator.RemoteProxies;

/// <summary>
/// One [ComponentContract] interface that gets a generated remote proxy, as strings only: its name, the proxy class's name and
/// source. An interface the generated class cannot implement by sending calls (a property, a generic method, a method that
/// does not return a task or a stream, a ref parameter) gets none: refresh then reports it, or Castle serves it under JIT.
/// </summary>
internal sealed class RemoteProxyModel(string interfaceName, string className, string source) : IEquatable<RemoteProxyModel>
{
    // typeof() takes no nullable annotations.
    private static readonly SymbolDisplayFormat TypeOfFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    public string InterfaceName { get; } = interfaceName;

    public string ClassName { get; } = className;

    public string Source { get; } = source;

    /// <summary>Returns the model of a [ComponentContract] interface, or null when no generated class can serve it.</summary>
    public static RemoteProxyModel? For(ISymbol target, CancellationToken cancellationToken)
    {
        if (target is not INamedTypeSymbol { TypeKind: TypeKind.Interface, IsGenericType: false } contract
            || !ProxyModel.Nameable(contract, contract.ContainingAssembly))
        {
            return null;
        }

        var methods = new[] { contract }.Concat(contract.AllInterfaces).SelectMany(i => i.GetMembers().Select(m => (Owner: i, Member: m))).ToList();
        if (methods.Any(m => !m.Member.IsStatic && !Callable(m.Member)))
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var interfaceName = contract.ToDisplayString(ProxyModel.Format);
        var className = "SprigRemoteProxy_" + ProxyModel.Identifier(interfaceName);
        return new RemoteProxyModel(interfaceName, className, ClassSource(interfaceName, className, methods.Where(m => !m.Member.IsStatic).ToList()));
    }

    public bool Equals(RemoteProxyModel? other) =>
        other is not null && InterfaceName == other.InterfaceName && ClassName == other.ClassName && Source == other.Source;

    public override bool Equals(object? obj) => Equals(obj as RemoteProxyModel);

    public override int GetHashCode() => InterfaceName.GetHashCode();

    // What Sprig's remote calls serve (RemoteProxies.WhyNotCallable): an abstract, public, non-generic method returning Task,
    // ValueTask, Task<T>, ValueTask<T> or IAsyncEnumerable<T>, with no ref, out, in or ref-like parameters.
    private static bool Callable(ISymbol member) =>
        member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAbstract: true, IsGenericMethod: false, DeclaredAccessibility: Accessibility.Public } method
        && Shape(method.ReturnType).Call is not null
        && method.Parameters.All(p => p.RefKind == RefKind.None && !p.Type.IsRefLikeType && p.Type.TypeKind != TypeKind.Pointer)
        && ProxyModel.Nameable(method.ReturnType, method.ContainingAssembly)
        && method.Parameters.All(p => ProxyModel.Nameable(p.Type, method.ContainingAssembly));

    // The RemoteMethodCall method that serves a return type, and its type argument.
    private static (string? Call, ITypeSymbol? Result) Shape(ITypeSymbol returns)
    {
        var name = returns.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var argument = returns is INamedTypeSymbol { TypeArguments.Length: 1 } named ? named.TypeArguments[0] : null;
        return name switch
        {
            "global::System.Threading.Tasks.Task" => ("CallAsync", null),
            "global::System.Threading.Tasks.ValueTask" => ("CallValueAsync", null),
            "global::System.Threading.Tasks.Task<TResult>" => ("CallAsync", argument),
            "global::System.Threading.Tasks.ValueTask<TResult>" => ("CallValueAsync", argument),
            "global::System.Collections.Generic.IAsyncEnumerable<T>" => ("StreamAsync", argument),
            _ => (null, null),
        };
    }

    private static string ClassSource(string interfaceName, string className, System.Collections.Generic.List<(INamedTypeSymbol Owner, ISymbol Member)> methods)
    {
        var source = new StringBuilder();
        Emitting.ProxyClassHeader.Append(source, "Remote proxy", interfaceName, "every method calls the contract's endpoint through the context's transports.", className);
        for (var i = 0; i < methods.Count; i++)
        {
            source.Append("        private readonly global::Sprig.Generated.RemoteMethodCall _m").Append(i).AppendLine(";");
        }

        source.AppendLine();
        // The runtime reads the contract's methods and their [Endpoint] attributes by reflection (ContractInfo): keep them under trimming and Native AOT.
        foreach (var declaring in methods.Select(m => m.Owner.ToDisplayString(TypeOfFormat)).Distinct())
        {
            source.Append("        [global::System.Diagnostics.CodeAnalysis.DynamicDependency(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicMethods")
                .Append(" | global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.Interfaces, typeof(").Append(declaring).AppendLine("))]");
        }

        source.Append("        public ").Append(className).AppendLine("(global::Sprig.Generated.RemoteTarget target)");
        source.AppendLine("        {");
        for (var i = 0; i < methods.Count; i++)
        {
            var method = (IMethodSymbol)methods[i].Member;
            var types = method.Parameters.IsEmpty
                ? "global::System.Type.EmptyTypes"
                : "new global::System.Type[] { " + string.Join(", ", method.Parameters.Select(p => $"typeof({p.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeOfFormat)})")) + " }";
            source.Append("            _m").Append(i).Append(" = target.Method(\"").Append(method.Name).Append("\", ").Append(types).AppendLine(");");
        }

        source.AppendLine("        }");
        for (var i = 0; i < methods.Count; i++)
        {
            var (owner, member) = methods[i];
            var method = (IMethodSymbol)member;
            var (call, result) = Shape(method.ReturnType);
            var typeArgument = result is null ? "" : "<" + result.ToDisplayString(ProxyModel.Format) + ">";
            var arguments = method.Parameters.IsEmpty
                ? "global::System.Array.Empty<object?>()"
                : "new object?[] { " + string.Join(", ", method.Parameters.Select(p => ProxyModel.Escape(p.Name))) + " }";
            source.AppendLine();
            source.Append("        ").Append(method.ReturnType.ToDisplayString(ProxyModel.Format)).Append(' ').Append(owner.ToDisplayString(ProxyModel.Format))
                .Append('.').Append(ProxyModel.Escape(method.Name)).Append('(').Append(ProxyModel.Parameters(method.Parameters)).Append(") => _m").Append(i)
                .Append('.').Append(call).Append(typeArgument).Append('(').Append(arguments).AppendLine(");");
        }

        source.AppendLine("    }");
        return source.ToString();
    }
}
