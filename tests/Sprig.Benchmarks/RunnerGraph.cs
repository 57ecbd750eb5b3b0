namespace Sprig.Benchmarks.Runner;

// Twenty plain classes (no attributes: Sprig singletons by default) in a small application-like graph: five interfaces, six
// leaves, the rest with one to three constructor dependencies. Case 9 builds a context of all of them per ContextRunner run.
public interface IClock;

public interface IStore;

public interface ICache;

public interface INotifier;

public interface IGateway;

public sealed class Clock : IClock;

public sealed class Settings;

public sealed class Metrics;

public sealed class IdGenerator;

public sealed class Serializer;

public sealed class Validator;

public sealed class Store(Settings settings) : IStore
{
    public Settings Settings { get; } = settings;
}

public sealed class Cache(IClock clock, Metrics metrics) : ICache
{
    public IClock Clock { get; } = clock;
    public Metrics Metrics { get; } = metrics;
}

public sealed class Notifier(Serializer serializer) : INotifier
{
    public Serializer Serializer { get; } = serializer;
}

public sealed class Gateway(Settings settings, Serializer serializer, Metrics metrics) : IGateway
{
    public Settings Settings { get; } = settings;
    public Serializer Serializer { get; } = serializer;
    public Metrics Metrics { get; } = metrics;
}

public sealed class UserRepository(IStore store, ICache cache)
{
    public IStore Store { get; } = store;
    public ICache Cache { get; } = cache;
}

public sealed class OrderRepository(IStore store, IdGenerator ids)
{
    public IStore Store { get; } = store;
    public IdGenerator Ids { get; } = ids;
}

public sealed class UserService(UserRepository users, Validator validator, IClock clock)
{
    public UserRepository Users { get; } = users;
    public Validator Validator { get; } = validator;
    public IClock Clock { get; } = clock;
}

public sealed class OrderService(OrderRepository orders, UserService users, INotifier notifier)
{
    public OrderRepository Orders { get; } = orders;
    public UserService Users { get; } = users;
    public INotifier Notifier { get; } = notifier;
}

public sealed class PaymentService(IGateway gateway, OrderRepository orders)
{
    public IGateway Gateway { get; } = gateway;
    public OrderRepository Orders { get; } = orders;
}

public sealed class ShippingService(OrderRepository orders, INotifier notifier)
{
    public OrderRepository Orders { get; } = orders;
    public INotifier Notifier { get; } = notifier;
}

public sealed class ReportService(OrderService orders, Metrics metrics)
{
    public OrderService Orders { get; } = orders;
    public Metrics Metrics { get; } = metrics;
}

public sealed class AuditLog(IStore store, IClock clock)
{
    public IStore Store { get; } = store;
    public IClock Clock { get; } = clock;
}

public sealed class AdminService(UserService users, AuditLog audit)
{
    public UserService Users { get; } = users;
    public AuditLog Audit { get; } = audit;
}

public sealed class Facade(OrderService orders, PaymentService payments, ShippingService shipping)
{
    public OrderService Orders { get; } = orders;
    public PaymentService Payments { get; } = payments;
    public ShippingService Shipping { get; } = shipping;
}

/// <summary>The twenty classes, each with the type a test resolves it by (its interface when it has one).</summary>
internal static class RunnerGraph
{
    public static readonly (Type Service, Type Implementation)[] Components =
    [
        (typeof(IClock), typeof(Clock)), (typeof(Settings), typeof(Settings)), (typeof(Metrics), typeof(Metrics)),
        (typeof(IdGenerator), typeof(IdGenerator)), (typeof(Serializer), typeof(Serializer)), (typeof(Validator), typeof(Validator)),
        (typeof(IStore), typeof(Store)), (typeof(ICache), typeof(Cache)), (typeof(INotifier), typeof(Notifier)),
        (typeof(IGateway), typeof(Gateway)), (typeof(UserRepository), typeof(UserRepository)),
        (typeof(OrderRepository), typeof(OrderRepository)), (typeof(UserService), typeof(UserService)),
        (typeof(OrderService), typeof(OrderService)), (typeof(PaymentService), typeof(PaymentService)),
        (typeof(ShippingService), typeof(ShippingService)), (typeof(ReportService), typeof(ReportService)),
        (typeof(AuditLog), typeof(AuditLog)), (typeof(AdminService), typeof(AdminService)), (typeof(Facade), typeof(Facade)),
    ];

    public static readonly Type[] Implementations = [.. Components.Select(c => c.Implementation)];

    public static readonly Type[] Services = [.. Components.Select(c => c.Service)];
}
