using Microsoft.CodeAnalysis;
using Sprig.Generator.Analyzers;
using static Sprig.Generator.Tests.Support.AnalyzerRunner;

namespace Sprig.Generator.Tests.Analyzers;

public sealed class UnknownNameAnalyzerTests
{
    private const string Sample = """
        using Sprig;

        namespace Shop;

        public interface IRepo { }
        [Component] public class UserRepo : IRepo { }
        [Component("orderStore")] public class OrderRepo : IRepo { }
        [Configuration] public class Beans { [Bean] public IRepo AuditRepo() => new UserRepo(); }

        [Component]
        public class Users
        {
            public Users([InjectByName] IRepo userRepo, [InjectByName] IRepo _auditRepo, [InjectByName("orderstore")] IRepo orders) { }

            [InjectByName] private IRepo? _userRepos;
            [InjectByName("archive", Required = false)] public IRepo? Archive { get; set; }
            [Lazy("Audit")] public IRepo Audit { get; set; } = null!;
        }
        """;

    [Fact]
    public async Task Warns_WhenNoComponentHasTheName_InferredFromTheMemberAsTheRuntimeDoes()
    {
        var reported = await RunAsync(Sample, new UnknownNameAnalyzer());

        const string Where = "but no component in this compilation or the Sprig libraries it references has that name.";
        reported.Should().Equal(
            new Reported("SPRIG0006", DiagnosticSeverity.Warning, LineOf(Sample, "IRepo orders"), "orders",
                $"'Users' needs the component named 'orderstore' for constructor parameter 'orders', {Where} Did you mean 'orderStore'? "
                + "Fix the name, or register a component named 'orderstore' (PendingRegistry.Register(\"orderstore\", type) or RegisterInstance at run time)."),
            new Reported("SPRIG0006", DiagnosticSeverity.Warning, LineOf(Sample, "_userRepos"), "_userRepos",
                $"'Users' needs the component named 'UserRepos' for field '_userRepos', {Where} Did you mean 'UserRepo'? "
                + "Fix the name, or register a component named 'UserRepos' (PendingRegistry.Register(\"UserRepos\", type) or RegisterInstance at run time)."),
            new Reported("SPRIG0006", DiagnosticSeverity.Warning, LineOf(Sample, "[Lazy(\"Audit\")]"), "Audit",
                $"'Users' needs the component named 'Audit' for [Lazy] property 'Audit', {Where} Did you mean 'AuditRepo'? "
                + "Fix the name, or register a component named 'Audit' (PendingRegistry.Register(\"Audit\", type) or RegisterInstance at run time)."));
    }

    [Fact]
    public async Task Warns_AboutWhatRefreshRefuses()
    {
        var compilation = Compile(Sample);
        var reported = await RunAsync(compilation, new UnknownNameAnalyzer());

        var refused = RefreshMessage(compilation, "Shop.UserRepo", "Shop.OrderRepo", "Shop.Beans", "Shop.Users");

        refused.Should().StartWith("Refresh found 3 problems");
        foreach (var (name, point) in new[] { ("orderstore", "constructor parameter 'orders'"), ("UserRepos", "field '_userRepos'"), ("Audit", "[Lazy] property 'Audit'") })
        {
            refused.Should().Contain($"'Users' needs the component named '{name}' for {point}, but no component has that name.");
            reported.Should().Contain(r => r.Message.StartsWith($"'Users' needs the component named '{name}' for {point}, ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task DoesNotWarn_WhenAReferencedSprigLibraryDeclaresTheName()
    {
        var library = Compile("""
            using Sprig;
            namespace Lib;
            public interface IStore { }
            [Component("sharedStore")] public class Store : IStore { }
            """);
        var app = Compile(
            """
            using Sprig;
            [Component] public class App { public App([InjectByName("sharedStore")] Lib.IStore store) { } }
            """,
            library.ToMetadataReference());

        (await RunAsync(app, new UnknownNameAnalyzer())).Should().BeEmpty();
    }
}
