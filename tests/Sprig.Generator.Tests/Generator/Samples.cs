namespace Sprig.Generator.Tests.Generator;

/// <summary>Sources the generator tests compile: a shop with one of each thing the generator handles, and an unrelated file.</summary>
internal static class Samples
{
    public const string Shop = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Sprig;

        namespace Shop;

        public interface IClock
        {
            DateTime Now { get; }
        }

        public interface IRepository
        {
            string Describe();
        }

        /// <summary>One implicit constructor, nothing injected.</summary>
        [Component]
        public sealed class SystemClock : IClock
        {
            public DateTime Now => new(2024, 1, 1);
        }

        /// <summary>A public constructor and a private one marked [Inject]; members and hooks of every accessibility.</summary>
        [Service("orders")]
        public class OrderService
        {
            [Inject] private IRepository? _repository;
            [InjectByName("clock")] private readonly IClock? _named;
            [Value("shop:limit")] internal int Limit;

            public OrderService()
            {
            }

            [Inject]
            private OrderService(IClock clock, int retries, TimeSpan? timeout)
            {
                Clock = clock;
                Retries = retries;
                Timeout = timeout;
            }

            [Inject] public IClock? Clock { get; set; }
            [Value("shop:currency", Default = "EUR")] public string Currency { get; private set; } = "";
            [Lazy] public IRepository? Audit { get; init; }
            [Inject] public IClock ReadOnly { get; } = null!; // no setter: the runtime reports it, the generator leaves it out

            public int Retries { get; }
            public TimeSpan? Timeout { get; }
            public bool Initialized { get; private set; }
            public bool Closed { get; private set; }
            public IRepository? Repository => _repository;
            public IClock? Named => _named;

            [PostConstruct]
            private void Init() => Initialized = true;

            [OnStart]
            public Task StartAsync(CancellationToken cancellation) => Task.CompletedTask;

            [PreDestroy]
            protected virtual void Close() => Closed = true;

            [Endpoint("orders.place")]
            public Task<int> PlaceAsync(string item, int quantity) => Task.FromResult(quantity);

            [Endpoint]
            public void Cancel(ref int id) { } // by ref: the runtime reports it, the generator leaves it out

            [Endpoint]
            public static string Version(int major) => $"v{major}"; // static: called without an instance

            [Endpoint]
            public async IAsyncEnumerable<string> Track()
            {
                await Task.Yield();
                yield return "placed";
            }

            [Endpoint]
            public OrderEvents Events() => new(["placed", "shipped"]); // a class implementing IAsyncEnumerable<string>: a stream too
        }

        /// <summary>A stream as a class of its own: the generator finds its item type among its interfaces.</summary>
        public sealed class OrderEvents(IReadOnlyList<string> events) : IAsyncEnumerable<string>
        {
            public async IAsyncEnumerator<string> GetAsyncEnumerator(CancellationToken cancellationToken = default)
            {
                foreach (var e in events)
                {
                    await Task.Yield();
                    yield return e;
                }
            }
        }

        /// <summary>Overrides a protected [PreDestroy] hook: whichever declaration the runtime holds, the override runs.</summary>
        [Service]
        public sealed class PriorityOrderService : OrderService
        {
            public bool ClosedByOverride { get; private set; }

            protected override void Close()
            {
                ClosedByOverride = true;
                base.Close();
            }
        }

        /// <summary>A base class with a private field and a hook of the same names as the component's own.</summary>
        public abstract class ControllerBase
        {
            [Inject] private IClock? _clock;

            public IClock? BaseClock => _clock;

            public bool BaseInitialized { get; private set; }

            [PostConstruct]
            private void Init() => BaseInitialized = true;
        }

        [Controller(Url = "/orders")]
        public sealed class OrderController(OrderService orders) : ControllerBase
        {
            [Inject] private IClock? _clock;

            public OrderService Orders => orders;

            public IClock? OwnClock => _clock;

            [PostConstruct]
            private void Init()
            {
            }
        }

        [Configuration]
        public sealed class ShopConfiguration
        {
            [Bean]
            public IRepository Repository(IClock clock) => new MemoryRepository(clock);

            [Bean("greeting")]
            private static string Greeting() => "hello";

            [Bean]
            internal int[][,] Limits() => [new int[1, 1]];
        }

        [Provider]
        public sealed class RepositoryProvider : IProvider<IRepository>
        {
            public IRepository Get() => new MemoryRepository(new SystemClock());
        }

        public sealed class MemoryRepository(IClock clock) : IRepository
        {
            public string Describe() => $"memory at {clock.Now:yyyy-MM-dd}";
        }

        /// <summary>Required members: no constructor sets them, so the generated code calls it through [UnsafeAccessor].</summary>
        [Component]
        public sealed class Settings
        {
            public required string Region { get; init; }
        }

        public static class Outer
        {
            /// <summary>Nested: named through its containing class.</summary>
            [Component]
            public sealed class Inner
            {
                [Value("inner:tuple")] public (int Count, string Name) Pair { get; set; }
            }

            /// <summary>Private: generated code cannot name it, the runtime reflects on it.</summary>
            [Component]
            private sealed class Hidden
            {
            }
        }

        /// <summary>The application's own component attribute: the runtime's scan accepts it, so the generator does.</summary>
        [AttributeUsage(AttributeTargets.Class)]
        public sealed class RepositoryAttribute : ComponentAttribute
        {
        }

        [Repository, Obsolete("Kept for old callers.")]
        public sealed class LegacyRepository : IRepository
        {
            public string Describe() => "legacy";
        }

        /// <summary>Every kind of component attribute argument, and a [Value] parameter: the runtime reads the constructor by reflection.</summary>
        [Component("basket", Scope = Scope.Prototype, DependsOn = new[] { "SystemClock", "orders" }, Namespace = "shop")]
        public sealed class Basket(IClock clock, [Value("basket:size")] int size)
        {
            public string Describe() => $"{size} at {clock.Now}";
        }

        /// <summary>A parameter with a default: the runtime reads the constructor by reflection.</summary>
        [Service]
        public sealed class Greeter(IClock clock, string greeting = "hello")
        {
            public string Greet() => $"{greeting} at {clock.Now}";
        }

        /// <summary>Open generic: the runtime closes it at run time.</summary>
        [Component]
        public sealed class Cache<T>
        {
        }
        """;

    public const string Unrelated = """
        namespace Shop;

        public static class Formatting
        {
            public static string Money(decimal amount) => amount.ToString("0.00");
        }
        """;

    public const string UnrelatedEdited = """
        namespace Shop;

        public static class Formatting
        {
            public static string Money(decimal amount) => amount.ToString("0.000");

            public sealed class Helper
            {
            }
        }
        """;
}
