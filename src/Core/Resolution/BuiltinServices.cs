using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sprig.Lifetime;

namespace Sprig.Resolution;

/// <summary>
/// The services every context provides without registration, planned once per context as constant plans (MS.DI's built-in
/// call sites): the provider and its interfaces, the context, the configuration and the loggers. A registered component of
/// the same type wins over each of them, in injection and in <see cref="IServiceProvider.GetService"/> alike.
/// </summary>
internal sealed class BuiltinServices
{
    private readonly Dictionary<Type, Dependency> _plans;
    private readonly ApplicationContext _context;
    private readonly ILoggerFactory _loggers;

    public BuiltinServices(ApplicationContext context, IConfiguration configuration, ILoggerFactory loggers)
    {
        _context = context;
        _loggers = loggers;

        // The provider a component gets is the scope it is created in (the context at the root); the rest are one instance.
        // One plan per type, named after it: diagnostics show it as a "framework" link to that name.
        _plans = new Dictionary<Type, Dependency>
        {
            [typeof(IServiceProvider)] = ScopeProvider<IServiceProvider>(context),
            [typeof(IKeyedServiceProvider)] = ScopeProvider<IKeyedServiceProvider>(context),
            [typeof(ISupportRequiredService)] = ScopeProvider<ISupportRequiredService>(context),
            [typeof(IServiceScopeFactory)] = Constant<IServiceScopeFactory>(context),
            [typeof(IServiceProviderIsService)] = Constant<IServiceProviderIsService>(context),
            [typeof(IServiceProviderIsKeyedService)] = Constant<IServiceProviderIsKeyedService>(context),
            [typeof(ApplicationContext)] = Constant<ApplicationContext>(context),
            [typeof(IConfiguration)] = Constant<IConfiguration>(configuration),
            [typeof(ILoggerFactory)] = Constant<ILoggerFactory>(loggers),
        };
    }

    private static ScopeProviderDependency ScopeProvider<T>(ApplicationContext context) => new(context, Diagnostics.Errors.TypeName(typeof(T)));

    private static ConstantDependency Constant<T>(object value) => new(value) { Service = Diagnostics.Errors.TypeName(typeof(T)) };

    /// <summary>Tells whether <paramref name="type"/> is one of the services resolvable from the provider without registration.</summary>
    public bool Provides(Type type) => _plans.ContainsKey(type);

    /// <summary>
    /// Returns the plan of a built-in service injected into <paramref name="owner"/>, or null when <paramref name="type"/> is
    /// none: besides the shared ones, a plain <see cref="ILogger"/> named after the owner's class and an <see cref="ILogger{T}"/>
    /// when no component provides loggers. The caller checks registered components first.
    /// </summary>
    public Dependency? Plan(Type type, ComponentEntry owner)
    {
        if (_plans.TryGetValue(type, out var plan))
        {
            return plan;
        }

        if (type == typeof(ILogger))
        {
            return new ConstantDependency(_loggers.CreateLogger(owner.Definition.Type.FullName?.Replace('+', '.') ?? owner.Name)) { Service = nameof(ILogger) };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ILogger<>))
        {
            var arguments = type.GetGenericArguments();
            if (GenericClosing.Blocking(arguments) is { } valueType)
            {
                throw new ContainerException(Diagnostics.Errors.OpenGenericOverValueType(type, typeof(ILogger<>), typeof(Logger<>), valueType));
            }

            return new ConstantDependency(Activator.CreateInstance(GenericClosing.Close(typeof(Logger<>), arguments), _loggers)!)
            {
                Service = Diagnostics.Errors.TypeName(type),
            };
        }

        return null;
    }

    /// <summary>Resolves a built-in service asked of a provider (the context, or the request scope <paramref name="scope"/>); null when <paramref name="type"/> is none.</summary>
    public object? Resolve(Type type, RequestScope? scope) =>
        _plans.GetValueOrDefault(type) switch
        {
            ScopeProviderDependency => RequestScope.ProviderFor(scope, _context),
            ConstantDependency constant => constant.Value,
            _ => null,
        };
}
