using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Sprig.Web.Generated;

namespace Sprig.Web.Routing;

/// <summary>
/// The actions of a context's <see cref="ControllerAttribute"/> components. A method with route attributes answers at their
/// routes; any other public instance method is an action by convention (Silky and ABP style): the verb from its name's first
/// word, the route from the controller's URL, <c>/{id}</c> for a parameter named <c>id</c>, and the rest of its name in
/// kebab-case. Two actions on one verb and route are an error naming both.
/// </summary>
internal static class ControllerRoutes
{
    // The first word of a method's name and the verb it means; any other name is a POST.
    private static readonly (string Prefix, string Verb)[] Prefixes =
    [
        ("Get", HttpMethods.Get), ("Find", HttpMethods.Get), ("Query", HttpMethods.Get), ("Search", HttpMethods.Get), ("List", HttpMethods.Get),
        ("Create", HttpMethods.Post), ("Add", HttpMethods.Post), ("Insert", HttpMethods.Post), ("Post", HttpMethods.Post),
        ("Update", HttpMethods.Put), ("Put", HttpMethods.Put),
        ("Patch", HttpMethods.Patch),
        ("Delete", HttpMethods.Delete), ("Remove", HttpMethods.Delete),
    ];

    // Methods the container calls, never HTTP clients.
    private static readonly Type[] ContainerAttributes =
        [typeof(PostConstructAttribute), typeof(PreDestroyAttribute), typeof(OnStartAttribute), typeof(BeanAttribute), typeof(EndpointAttribute), typeof(NonActionAttribute), typeof(CompilerGeneratedAttribute)];

    /// <summary>Lists every action of the context's controllers, in a stable order (component, then declaration).</summary>
    /// <exception cref="ContainerException">Two actions answer the same verb and route; the message names both methods and the fix.</exception>
    [RequiresUnreferencedCode("Controllers' methods and interfaces are read by reflection; without dynamic code MapSprig lists them with OfGenerated.")]
    public static IReadOnlyList<ControllerAction> Of(ApplicationContext context) =>
        Collect(context, type => [.. type.GetMethods(BindingFlags.Instance | BindingFlags.Public).OrderBy(m => m.MetadataToken).Select(m => (m, (GeneratedAction?)null))], generated: false);

    /// <summary>
    /// Lists every action of the context's controllers from Sprig.Generator's registry (without dynamic code): the same rules as
    /// <see cref="Of"/>, over the methods the generated code names, each with its generated request delegate.
    /// </summary>
    /// <exception cref="ContainerException">A controller's assembly was not generated, or two actions answer the same verb and route.</exception>
    public static IReadOnlyList<ControllerAction> OfGenerated(ApplicationContext context)
    {
        var missing = Controllers(context).Where(c => GeneratedControllers.Of(c.Type) is null).Select(c => c.Type.Name).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new ContainerException(WebErrors.NotGenerated(missing));
        }

        return Collect(context, GeneratedMethods, generated: true);
    }

    /// <summary>The public instance methods of a generated controller, in the generated code's (declaration) order, each with its generated code.</summary>
    private static List<(MethodInfo, GeneratedAction?)> GeneratedMethods(Type type)
    {
        var generated = GeneratedControllers.Of(type)!;
        var methods = new List<(MethodInfo Method, GeneratedAction? Code, int Order)>();
        foreach (var method in generated.Type.GetMethods(BindingFlags.Instance | BindingFlags.Public))
        {
            // An entry that names the parameter types wins over one that knows only their count (a method the generator could not
            // write, such as a generic overload), so that an action never gets another overload's refusal.
            var index = -1;
            for (var i = 0; i < generated.Actions.Count; i++)
            {
                if (generated.Actions[i].Matches(method) && (index < 0 || generated.Actions[index].ParameterTypes is null))
                {
                    index = i;
                }
            }

            methods.Add((method, index < 0 ? null : generated.Actions[index], index < 0 ? int.MaxValue : index));
        }

        return [.. methods.OrderBy(m => m.Order).Select(m => (m.Method, m.Code))];
    }

    private static IEnumerable<ComponentInfo> Controllers(ApplicationContext context)
    {
        if (context.State is not (ContextState.Running or ContextState.Refreshing))
        {
            throw new InvalidOperationException(WebErrors.NotRunning(context.State));
        }

        // A controller is a class the context constructs: a registered instance or a factory's product is not mapped.
        return context.Components.Where(entry => entry.Origin is "attribute" or "registration" or "service descriptor"
            && entry.Type.IsDefined(typeof(ControllerAttribute), inherit: false));
    }

    private static List<ControllerAction> Collect(
        ApplicationContext context,
        Func<Type, List<(MethodInfo Method, GeneratedAction? Code)>> methodsOf,
        bool generated)
    {
        var actions = new List<ControllerAction>();
        foreach (var entry in Controllers(context))
        {
            var type = entry.Type;
            var controller = type.GetCustomAttribute<ControllerAttribute>(inherit: false)!;
            foreach (var (method, code) in methodsOf(type))
            {
                var routes = method.GetCustomAttributes<HttpRouteAttribute>().ToList();
                if (routes.Count > 0)
                {
                    actions.AddRange(routes.Select(route => new ControllerAction(entry.Name, type, method, route.Method, Combine(controller.Url, route.Template), Conventional: false) { Generated = code }));
                }
                else if (IsConventionalAction(method) && !(generated ? code?.Contracts.Any(IsFramework) == true : ImplementsFrameworkInterface(type, method)))
                {
                    var (verb, template) = Convention(method);
                    actions.Add(new ControllerAction(entry.Name, type, method, verb, Combine(controller.Url, template), Conventional: true) { Generated = code });
                }
            }
        }

        ThrowOnConflicts(actions);
        return actions;
    }

    /// <summary>Gets the verb and the method's part of the route by convention: <c>Publish(int id)</c> is POST <c>/{id}/publish</c>.</summary>
    public static (string Verb, string Template) Convention(MethodInfo method)
    {
        var name = method.Name;
        var verb = HttpMethods.Post;
        foreach (var (prefix, meaning) in Prefixes)
        {
            if (StartsWithWord(name, prefix))
            {
                verb = meaning;
                name = name[prefix.Length..];
                break;
            }
        }

        if (name.EndsWith("Async", StringComparison.Ordinal))
        {
            name = name[..^5];
        }

        var template = new StringBuilder();
        if (method.GetParameters().FirstOrDefault(p => string.Equals(p.Name, "id", StringComparison.OrdinalIgnoreCase)) is { } id)
        {
            template.Append("/{").Append(id.Name).Append('}');
        }

        if (name.Length > 0)
        {
            template.Append('/').Append(KebabCase(name));
        }

        return (verb, template.ToString());
    }

    /// <summary>Writes a PascalCase name in kebab-case: <c>ByName</c> -> <c>by-name</c>, <c>HTMLPage</c> -> <c>html-page</c>.</summary>
    public static string KebabCase(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    result.Append('-');
                }
            }

            result.Append(c == '_' ? '-' : char.ToLowerInvariant(c));
        }

        return result.ToString();
    }

    /// <summary>Joins a controller's URL and a method's template into one absolute route template.</summary>
    public static string Combine(string prefix, string template)
    {
        var left = prefix.Trim().TrimEnd('/');
        var right = template.Trim().TrimStart('/');
        var path = right.Length == 0 ? left : $"{left}/{right}";
        return path.StartsWith('/') ? path : "/" + path;
    }

    // A word boundary follows the prefix: "GetList" and "Get" start with "Get", "Getaway" and "Address" do not start with a verb.
    private static bool StartsWithWord(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal) && (name.Length == prefix.Length || !char.IsLower(name[prefix.Length]));

    /// <summary>
    /// Whether a public method without route attributes is an action, as MVC decides for controllers: not a property accessor
    /// or operator, not generic, not declared by <see cref="object"/> (nor an override of its methods), not <c>Dispose</c>, not
    /// marked <c>[NonAction]</c>, and not a method the container itself calls (lifecycle, <c>[Bean]</c>, <c>[Endpoint]</c>).
    /// </summary>
    private static bool IsConventionalAction(MethodInfo method)
    {
        if (method.IsSpecialName || method.IsGenericMethodDefinition || method.GetBaseDefinition().DeclaringType == typeof(object))
        {
            return false;
        }

        if (ContainerAttributes.Any(a => method.IsDefined(a, inherit: true)))
        {
            return false;
        }

        // An async void method's exceptions cannot be observed: one thrown after its first await would end the process.
        if (method.ReturnType == typeof(void) && method.IsDefined(typeof(AsyncStateMachineAttribute)))
        {
            return false;
        }

        return !IsDispose(method);
    }

    /// <summary>
    /// Whether the method implements an interface of .NET itself (<c>IEquatable&lt;T&gt;.Equals</c>, <c>IComparable.CompareTo</c>, ...),
    /// read by reflection under JIT only: Native AOT's interface maps missed <c>IProgress&lt;int&gt;.Report</c>, which then answered
    /// as an action; without dynamic code the generator's <see cref="GeneratedAction.Contracts"/> say instead.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Called only under JIT (Of, RequiresUnreferencedCode); the generated path asks GeneratedAction.Contracts.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "As above.")]
    private static bool ImplementsFrameworkInterface(Type type, MethodInfo method)
    {
        foreach (var contract in type.GetInterfaces())
        {
            if (IsFramework(contract) && Array.IndexOf(type.GetInterfaceMap(contract).TargetMethods, method) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFramework(Type contract) => contract.Namespace?.StartsWith("System", StringComparison.Ordinal) == true;

    private static bool IsDispose(MethodInfo method) =>
        (method.Name == nameof(IDisposable.Dispose) && typeof(IDisposable).IsAssignableFrom(method.DeclaringType) && method.GetParameters().Length == 0)
        || (method.Name == nameof(IAsyncDisposable.DisposeAsync) && typeof(IAsyncDisposable).IsAssignableFrom(method.DeclaringType) && method.GetParameters().Length == 0);

    /// <summary>Throws one error listing every verb and route that two or more actions claim.</summary>
    private static void ThrowOnConflicts(List<ControllerAction> actions)
    {
        var problems = new List<ContainerException>();
        foreach (var group in actions.GroupBy(a => (a.Verb, Key: RouteKey(a.Template))).Where(g => g.Count() > 1))
        {
            var claimants = group.ToList();
            problems.Add(new ContainerException(WebErrors.AmbiguousAction(claimants), claimants[0].Component, null));
        }

        ThrowAll(problems);
    }

    /// <summary>Throws the one problem, or one error listing them all; nothing when there is none.</summary>
    public static void ThrowAll(List<ContainerException> problems)
    {
        if (problems.Count == 1)
        {
            throw problems[0];
        }

        if (problems.Count > 1)
        {
            throw new ContainerException(WebErrors.ControllerProblems(problems), problems);
        }
    }

    /// <summary>
    /// The shape of a route that routing cannot tell apart from another: literals compared without case; a parameter by its
    /// position, and whether it has constraints (routing prefers a constrained parameter to a plain one, but cannot choose
    /// between two constrained ones, nor between a plain and an optional one). <c>/{id}</c>, <c>/{key}</c> and <c>/{id?}</c>
    /// are one route; <c>/{id:int}</c> and <c>/{id:long}</c> are another.
    /// </summary>
    public static string RouteKey(string template)
    {
        var pattern = RoutePatternFactory.Parse(template);
        var key = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            key.Append('/');
            foreach (var part in segment.Parts)
            {
                key.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content.ToUpperInvariant(),
                    RoutePatternParameterPart { IsCatchAll: true } => "{**}",
                    RoutePatternParameterPart parameter => parameter.ParameterPolicies.Count > 0 ? "{:}" : "{}",
                    _ => part.ToString(),
                });
            }
        }

        return key.ToString();
    }
}
