using System.Reflection;
using Sprig.Definitions;
using Sprig.Diagnostics;
using Sprig.Refresh;

namespace Sprig.Endpoints;

/// <summary>
/// Finds every [Endpoint] method of every component that is in, checks that it can be served, and compiles its invoker.
/// Every problem (two endpoints at one address, a ref/out/pointer parameter, an open generic method) is recorded, none thrown,
/// so refresh reports them together with all others.
/// </summary>
internal sealed class EndpointCollector(ComponentTable table, Problems problems)
{
    private const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    // Not thread-safe, and needed only while refresh collects: one per collector.
    private readonly NullabilityInfoContext _nullability = new();

    public List<CompiledEndpoint> Collect()
    {
        var endpoints = new List<CompiledEndpoint>();
        var byAddress = new Dictionary<string, EndpointDescriptor>(StringComparer.Ordinal);
        foreach (var entry in table.Entries)
        {
            // A second component with a taken name is already a problem of its own; its endpoints would only repeat it.
            if (entry.Definition.IsInfrastructure || table.ByName[entry.Name] != entry)
            {
                continue;
            }

            foreach (var (method, attribute) in Methods(TypeOf(entry.Definition)))
            {
                var descriptor = new EndpointDescriptor(
                    entry.Definition.Namespace, entry.Name, attribute.Name ?? method.Name, EndpointInvokerCompiler.StreamItemType(method.ReturnType) is not null, method)
                {
                    Parameters = [.. method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken))],
                    ResultType = method.ContainsGenericParameters ? null : EndpointInvokerCompiler.ResultType(method.ReturnType),
                };
                if (!CanServe(entry, descriptor))
                {
                    continue;
                }

                if (byAddress.TryGetValue(descriptor.Address, out var first))
                {
                    problems.Add(new ContainerException(Errors.DuplicateEndpoint(descriptor.Address, first.Method, method), entry.Name, null));
                    continue;
                }

                byAddress.Add(descriptor.Address, descriptor);
                endpoints.Add(EndpointInvokerCompiler.Compile(method.IsStatic ? null : entry, descriptor, Defaults));
            }
        }

        return endpoints;
    }

    /// <summary>Lists the [Endpoint] methods of a class and its base classes, base first; an override replaces what it overrides.</summary>
    private static List<(MethodInfo Method, EndpointAttribute Attribute)> Methods(Type type)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        var result = new List<(MethodInfo Method, EndpointAttribute Attribute)>();
        foreach (var level in chain)
        {
            foreach (var method in level.GetMethods(Declared))
            {
                // IsDefined reads the metadata without creating attribute objects; most methods are not endpoints.
                if (!method.IsDefined(typeof(EndpointAttribute), inherit: true) || method.GetCustomAttribute<EndpointAttribute>(inherit: true) is not { } attribute)
                {
                    continue;
                }

                var overridden = result.FindIndex(m => !method.IsStatic && m.Method.GetBaseDefinition() == method.GetBaseDefinition());
                if (overridden >= 0)
                {
                    result[overridden] = (method, attribute);
                }
                else
                {
                    result.Add((method, attribute));
                }
            }
        }

        return result;
    }

    private static Type TypeOf(ComponentDefinition definition) => definition.Kind switch
    {
        ComponentKind.Instance => definition.Instance?.GetType() ?? definition.Type,
        ComponentKind.Class => definition.ImplementationType ?? definition.Type,
        _ => definition.Type,
    };

    /// <summary>Records a problem for each reason the method cannot be called with JSON arguments.</summary>
    private bool CanServe(ComponentEntry entry, EndpointDescriptor descriptor)
    {
        var method = descriptor.Method;
        var before = problems.Count;
        if (method.ContainsGenericParameters)
        {
            problems.Add(new ContainerException(Errors.EndpointOpenGeneric(descriptor.Address, method), entry.Name, null));
        }

        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType.IsByRef || parameter.ParameterType.IsPointer || parameter.ParameterType.IsFunctionPointer || parameter.ParameterType.IsByRefLike)
            {
                problems.Add(new ContainerException(Errors.EndpointParameterUnsupported(descriptor.Address, method, parameter), entry.Name, null));
            }
        }

        var returns = method.ReturnType;
        if (returns.IsByRef || returns.IsPointer || returns.IsFunctionPointer || returns.IsByRefLike)
        {
            problems.Add(new ContainerException(Errors.EndpointReturnUnsupported(descriptor.Address, method), entry.Name, null));
        }

        return problems.Count == before;
    }

    /// <summary>
    /// Tells whether a parameter may be left out of the arguments, and what it then receives: its default value, or null when
    /// it is nullable (int?, string?), as ASP.NET Core's minimal APIs do.
    /// </summary>
    private (bool Optional, object? Fallback) Defaults(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.HasDefaultValue)
        {
            var value = parameter.DefaultValue;
            var enumType = Nullable.GetUnderlyingType(type) ?? type;
            return (true, value is not null && enumType.IsEnum && value.GetType() != enumType ? Enum.ToObject(enumType, value) : value);
        }

        if (parameter.IsOptional || Nullable.GetUnderlyingType(type) is not null)
        {
            return (true, null);
        }

        return (!type.IsValueType && _nullability.Create(parameter).WriteState == NullabilityState.Nullable, null);
    }
}
