using Microsoft.CodeAnalysis.Diagnostics;
using Sprig.Generator.Analyzers;
using static Sprig.Generator.Tests.Support.AnalyzerRunner;

namespace Sprig.Generator.Tests.Analyzers;

/// <summary>A sample that uses every feature the analyzers look at, correctly: no analyzer reports anything, and refresh accepts it.</summary>
public sealed class ValidSampleTests
{
    private const string Sample = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Sprig;

        namespace Shop;

        public interface IRepo { string Find(int id); }
        public interface IMailer { Task Send(string to); }
        public class Audit { public virtual void Record(string what) { } public virtual int Count { get; set; } public override string ToString() => "audit"; }
        public record Order(int Id, string Item);

        [Component] public class UserRepo : IRepo { public string Find(int id) => "user"; }
        [Component("orderStore")] public class OrderRepo : IRepo { public string Find(int id) => "order"; }
        [Service] public class Mailer : IMailer { public Task Send(string to) => Task.CompletedTask; }
        [Component] public class AuditLog : Audit { public override void Record(string what) { } }

        [Configuration]
        public class Beans
        {
            [Bean] public Audit Ledger() => new();
            [Bean("clock", Scope = Scope.Prototype)] public static Func<DateTime> Clock() => () => DateTime.UtcNow;
            [Bean] public string Greeting([InjectByName("clock")] object clock) => "hello";
        }

        public sealed class Token { public Token(string value) => Value = value; public string Value { get; } }
        [Provider] public class TokenProvider : IProvider<Token> { public Token Get() => new("t"); }

        [Service(Namespace = "shop", DependsOn = new[] { "UserRepo" })]
        public class Users
        {
            private readonly IRepo _userRepo;

            public Users([InjectByName] IRepo userRepo, [InjectByName("orderStore")] IRepo orders, Lazy<IMailer> mailer, Func<IMailer> mailers,
                IEnumerable<IRepo> all, IReadOnlyList<IRepo> list, [Lazy] IMailer lazyMailer, int retries = 3)
            {
                _userRepo = userRepo;
            }

            [InjectByName] public IRepo UserRepo { get; set; } = null!;
            [InjectByName("missing", Required = false)] public IRepo? Optional { get; set; }
            [Inject] private IMailer? _mailer;
            [Lazy("AuditLog")] public Audit Audit { get; set; } = null!;
            [Inject] public Token Token { get; set; } = null!;
            [Value("shop:size")] public int Size { get; set; } = 10;

            public IMailer? Mailer => _mailer;

            [PostConstruct] public void Ready() { }
            [PostConstruct] public Task Warm() => Task.CompletedTask;
            [OnStart] public Task Start(CancellationToken token) => Task.CompletedTask;
            [OnStart] public Task<int> Count() => Task.FromResult(1);
            [PreDestroy] public Task Stop() => Task.CompletedTask;

            [Endpoint] public string Find(int id, CancellationToken token) => _userRepo.Find(id);
            [Endpoint("orders")] public Task<Order[]> Orders(string user, int[] ids) => Task.FromResult(Array.Empty<Order>());
            [Endpoint(Idempotent = true)] public ValueTask<int> Total() => new(0);
            [Endpoint] public async IAsyncEnumerable<Order> Stream(int count) { await Task.Yield(); yield return new Order(1, "a"); }
            [Endpoint] public void Ping() { }
            [Endpoint] public static Task Noop() => Task.CompletedTask;
        }

        [Component(Scope = Scope.Request)] public class Basket { }
        [Controller(Url = "cart")] public class CartController { public CartController(Basket basket, Users users) { } [Endpoint] public int Size() => 0; }
        [Component(Scope = Scope.Prototype)] public class Pricing { public Pricing(Basket basket) { } [PostConstruct] public void Ready() { } }
        [Component(Scope = Scope.Request)] public class Checkout { public Checkout(Pricing pricing, Users users) { } }

        [Component]
        public class Several
        {
            public Several() { }
            public Several(IRepo repo) { }
            [Inject] private Several(IRepo userRepo, IMailer mailer) { }
        }

        public abstract class Plain { private Plain() { } [PostConstruct] protected abstract void Init(); }
        """;

    public static TheoryData<string> Analyzers => [.. All.Select(a => a.GetType().Name)];

    [Theory]
    [MemberData(nameof(Analyzers))]
    public async Task Analyzer_ReportsNothing_OnValidSample(string analyzer)
    {
        var reported = await RunAsync(Sample, All.Single(a => a.GetType().Name == analyzer));

        reported.Should().BeEmpty();
    }

    [Fact]
    public async Task AllAnalyzers_ReportNothing_AndRefreshAcceptsTheSample()
    {
        var compilation = Compile(Sample);

        (await RunAsync(compilation)).Should().BeEmpty();
        RefreshMessage(
            compilation, "Shop.UserRepo", "Shop.OrderRepo", "Shop.Mailer", "Shop.AuditLog", "Shop.Beans", "Shop.TokenProvider", "Shop.Users",
            "Shop.Basket", "Shop.CartController", "Shop.Pricing", "Shop.Checkout", "Shop.Several").Should().BeNull();
    }
}
