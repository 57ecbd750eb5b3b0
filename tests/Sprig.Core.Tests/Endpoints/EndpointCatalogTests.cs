using System.Text.Json;
using Sprig.Conditions;
using Sprig.Tests.Support;

namespace Sprig.Tests.Endpoints;

/// <summary>What refresh puts in the catalog: addresses, descriptors, inherited and non-public methods; what fails refresh.</summary>
public sealed class EndpointCatalogTests
{
    public sealed class Greeter
    {
        [Endpoint]
        public string Hello(string name) => $"Hello, {name}";

        public string NotAnEndpoint() => "hidden";
    }

    [Component(Namespace = "math")]
    public sealed class Calculator
    {
        [Endpoint("add")]
        public int Add(int a, int b) => a + b;

        [Endpoint]
        public Task<long> SquareAsync(int value, CancellationToken cancellationToken) => Task.FromResult((long)value * value);

        [Endpoint]
        internal void Reset()
        {
        }

        public int Multiply(int a, int b) => a * b;
    }

    [Component("ticker", Namespace = "feeds")]
    public sealed class Ticker
    {
        [Endpoint("prices")]
        public async IAsyncEnumerable<decimal> Prices()
        {
            await Task.Yield();
            yield return 1m;
        }
    }

    public abstract class ServiceBase
    {
        [Endpoint]
        public virtual string Who() => "base";

        [Endpoint]
        protected string Ping() => "pong";
    }

    public sealed class Derived : ServiceBase
    {
        public override string Who() => "derived";

        [Endpoint]
        private int Answer() => 42;
    }

    [ConditionalOnProperty("feature.reports", HavingValue = "true")]
    public sealed class Reports
    {
        [Endpoint]
        public string Monthly() => "report";
    }

    public sealed class Summer
    {
        [Endpoint]
        public int Sum(int a) => a;

        [Endpoint]
        public int Sum(int a, int b) => a + b;
    }

    public sealed class Divider
    {
        [Endpoint]
        public int Divide(int a, int b, out int remainder)
        {
            remainder = a % b;
            return a / b;
        }
    }

    public sealed class Swapper
    {
        [Endpoint]
        public void Swap(ref int a, ref int b) => (a, b) = (b, a);
    }

    public sealed class Spans
    {
        [Endpoint]
        public int Total(Span<int> values) => values.Length;
    }

    public sealed class Echo
    {
        [Endpoint]
        public T Repeat<T>(T value) => value;
    }

    public sealed class NeedsMissing(IDisposable missing)
    {
        public IDisposable Missing { get; } = missing;
    }

    [Fact]
    public void Refresh_CollectsEndpoints_WithDefaultAndCustomNamespaceAndName()
    {
        using var context = Contexts.Refreshed(typeof(Greeter), typeof(Calculator), typeof(Ticker));

        context.Endpoints.Select(e => e.Address).Should().Equal(
            "default/Greeter/Hello", "math/Calculator/add", "math/Calculator/SquareAsync", "math/Calculator/Reset", "feeds/ticker/prices");
        context.Endpoints.Should().HaveCount(5);
        var add = context.Endpoints.Find("math/Calculator/add")!;
        add.Should().Be(new EndpointDescriptor("math", "Calculator", "add", false, typeof(Calculator).GetMethod(nameof(Calculator.Add))!)
        {
            Parameters = add.Parameters,
            ResultType = typeof(int),
        });
        add.Parameters.Select(p => p.Name).Should().Equal("a", "b");
    }

    [Fact]
    public void Descriptor_DescribesParametersAndResult_ForEachShape()
    {
        using var context = Contexts.Refreshed(typeof(Calculator), typeof(Ticker));

        var square = context.Endpoints.Find("math/Calculator/SquareAsync")!;
        square.Parameters.Select(p => p.Name).Should().Equal("value");
        square.ResultType.Should().Be<long>();
        square.IsStreaming.Should().BeFalse();
        var reset = context.Endpoints.Find("math/Calculator/Reset")!;
        reset.ResultType.Should().BeNull();
        reset.Parameters.Should().BeEmpty();
        var prices = context.Endpoints.Find("feeds/ticker/prices")!;
        prices.IsStreaming.Should().BeTrue();
        prices.ResultType.Should().Be<decimal>();
        prices.Method.Name.Should().Be(nameof(Ticker.Prices));
    }

    [Fact]
    public void Find_IgnoresCase_AndReturnsNull_ForUnknownAddress()
    {
        using var context = Contexts.Refreshed(typeof(Calculator));

        context.Endpoints.Find("MATH/calculator/ADD")!.Address.Should().Be("math/Calculator/add");
        context.Endpoints.Find("math/Calculator/Multiply").Should().BeNull("a method without [Endpoint] is not an endpoint");
    }

    [Fact]
    public async Task Refresh_CollectsBaseClassAndNonPublicEndpoints_AndAnOverrideReplacesItsBase()
    {
        using var context = Contexts.Refreshed(typeof(Derived));

        context.Endpoints.Select(e => e.Address).Should().Equal("default/Derived/Who", "default/Derived/Ping", "default/Derived/Answer");
        context.Endpoints.Find("default/Derived/Who")!.Method.DeclaringType.Should().Be<Derived>();
        (await context.Endpoints.InvokeAsync("default/Derived/Who", default)).GetString().Should().Be("derived");
        (await context.Endpoints.InvokeAsync("default/Derived/Ping", default)).GetString().Should().Be("pong");
        (await context.Endpoints.InvokeAsync("default/Derived/Answer", default)).GetInt32().Should().Be(42);
    }

    [Fact]
    public void Endpoints_IsEmpty_ForExcludedComponent()
    {
        using var context = Contexts.Create(Contexts.Registry(typeof(Reports), typeof(Greeter)));
        context.Refresh();

        context.Endpoints.Select(e => e.Address).Should().Equal("default/Greeter/Hello");
        context.Endpoints.Find("default/Reports/Monthly").Should().BeNull();
    }

    [Fact]
    public void Endpoints_IncludesComponent_WhenItsConditionHolds()
    {
        using var context = Contexts.Create(Contexts.Registry(typeof(Reports)), new Dictionary<string, string?> { ["feature:reports"] = "true" });
        context.Refresh();

        context.Endpoints.Select(e => e.Address).Should().Equal("default/Reports/Monthly");
    }

    [Fact]
    public void Endpoints_IsEmpty_BeforeRefresh()
    {
        using var context = Contexts.Create(typeof(Greeter));

        context.Endpoints.Should().BeEmpty();
        context.Endpoints.Find("default/Greeter/Hello").Should().BeNull();
    }

    [Service]
    public sealed class CaseTwins
    {
        [Endpoint("get")]
        public string Lower() => "lower";

        [Endpoint("Get")]
        public string Upper() => "upper";
    }

    [Fact]
    public void Refresh_Throws_WhenTwoAddressesDifferOnlyInCase()
    {
        using var context = Contexts.Create(typeof(CaseTwins));

        var act = () => context.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Two endpoints have addresses that differ only in case: 'default/CaseTwins/get' (EndpointCatalogTests.CaseTwins.Lower()) and "
            + "'default/CaseTwins/Get' (EndpointCatalogTests.CaseTwins.Upper()). HTTP routes and NATS subjects ignore case, so no caller could "
            + "tell them apart. Give one of them another name with [Endpoint(\"name\")].");
    }

    [Fact]
    public void Refresh_Throws_WhenTwoEndpointsHaveOneAddress()
    {
        using var context = Contexts.Create(typeof(Summer));

        var act = () => context.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Two endpoints have the address 'default/Summer/Sum': EndpointCatalogTests.Summer.Sum(int a) and "
            + "EndpointCatalogTests.Summer.Sum(int a, int b). Give one of them another name with [Endpoint(\"name\")], or remove [Endpoint] from one of them.");
        context.State.Should().Be(ContextState.Failed);
    }

    [Fact]
    public void Refresh_Throws_WhenEndpointHasOutParameter()
    {
        using var context = Contexts.Create(typeof(Divider));

        var act = () => context.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Endpoint 'default/Divider/Divide' (EndpointCatalogTests.Divider.Divide(int a, int b, out int remainder)) cannot be served: "
            + "parameter 'remainder' is passed by reference (out), but endpoint arguments arrive as JSON values. "
            + "Take it by value, and return what the caller needs back as part of the result.");
    }

    [Fact]
    public void Refresh_ReportsEachRefParameter()
    {
        using var context = Contexts.Create(typeof(Swapper));

        var act = () => context.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Refresh found 2 problems; nothing was created:\n"
            + "1. Endpoint 'default/Swapper/Swap' (EndpointCatalogTests.Swapper.Swap(ref int a, ref int b)) cannot be served: parameter 'a' is passed "
            + "by reference (ref), but endpoint arguments arrive as JSON values. Take it by value, and return what the caller needs back as part of the result.\n"
            + "2. Endpoint 'default/Swapper/Swap' (EndpointCatalogTests.Swapper.Swap(ref int a, ref int b)) cannot be served: parameter 'b' is passed "
            + "by reference (ref), but endpoint arguments arrive as JSON values. Take it by value, and return what the caller needs back as part of the result.");
    }

    [Fact]
    public void Refresh_Throws_WhenEndpointTakesRefStruct()
    {
        using var context = Contexts.Create(typeof(Spans));

        var act = () => context.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Endpoint 'default/Spans/Total' (EndpointCatalogTests.Spans.Total(Span<int> values)) cannot be served: parameter 'values' is a ref struct "
            + "(Span<int>), but endpoint arguments arrive as JSON values. Take an array or a List<T> instead.");
    }

    [Fact]
    public void Refresh_Throws_WhenEndpointIsOpenGeneric()
    {
        using var context = Contexts.Create(typeof(Echo));

        var act = () => context.Refresh();

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            "Endpoint 'default/Echo/Repeat' (EndpointCatalogTests.Echo.Repeat<T>(T value)) cannot be served: it is a generic method, and a call with "
            + "JSON arguments cannot say what its type parameters are. Remove the type parameters, or add a non-generic [Endpoint] method that calls "
            + "it with concrete types.");
    }

    [Fact]
    public void Refresh_ReportsEndpointProblemsTogetherWithOtherProblems()
    {
        using var context = Contexts.Create(typeof(NeedsMissing), typeof(Summer), typeof(Divider), typeof(Echo));

        var act = () => context.Refresh();

        var error = act.Should().Throw<ContainerException>().Which;
        error.Problems.Should().HaveCount(4);
        error.Message.Should().Be(
            "Refresh found 4 problems; nothing was created:\n"
            + "1. 'NeedsMissing' needs a component of type 'IDisposable' for constructor parameter 'missing', but none is registered. "
            + "Path: NeedsMissing. Register a class that is or implements IDisposable (mark it [Component] or [Service]), or make it optional by "
            + "giving the parameter a default value.\n"
            + "2. Two endpoints have the address 'default/Summer/Sum': EndpointCatalogTests.Summer.Sum(int a) and "
            + "EndpointCatalogTests.Summer.Sum(int a, int b). Give one of them another name with [Endpoint(\"name\")], or remove [Endpoint] from one of them.\n"
            + "3. Endpoint 'default/Divider/Divide' (EndpointCatalogTests.Divider.Divide(int a, int b, out int remainder)) cannot be served: "
            + "parameter 'remainder' is passed by reference (out), but endpoint arguments arrive as JSON values. "
            + "Take it by value, and return what the caller needs back as part of the result.\n"
            + "4. Endpoint 'default/Echo/Repeat' (EndpointCatalogTests.Echo.Repeat<T>(T value)) cannot be served: it is a generic method, and a call with "
            + "JSON arguments cannot say what its type parameters are. Remove the type parameters, or add a non-generic [Endpoint] method that calls "
            + "it with concrete types.");
    }

    [Fact]
    public async Task InvokeAsync_Throws_WhenAddressIsUnknown_ListingCloseAddresses()
    {
        using var context = Contexts.Refreshed(typeof(Calculator), typeof(Greeter));

        var act = () => context.Endpoints.InvokeAsync("math/Calculator/ad", JsonSerializer.SerializeToElement(new { a = 1, b = 2 }));

        var error = (await act.Should().ThrowAsync<EndpointNotFoundException>()).Which;
        error.Message.Should().Be(
            "No endpoint has the address 'math/Calculator/ad'. Did you mean 'math/Calculator/add'? An address is '{namespace}/{component}/{endpoint}'; "
            + "check it, and check that the method is marked [Endpoint] and that its component is registered and not excluded by a condition.");
        error.Address.Should().Be("math/Calculator/ad");
        error.Suggestions.Should().Equal("math/Calculator/add");
    }

    [Fact]
    public async Task InvokeAsync_Throws_ForMethodWithoutEndpointAttribute()
    {
        using var context = Contexts.Refreshed(typeof(Greeter));

        var act = () => context.Endpoints.InvokeAsync("default/Greeter/NotAnEndpoint", default);

        (await act.Should().ThrowAsync<EndpointNotFoundException>()).Which.Message.Should().Be(
            "No endpoint has the address 'default/Greeter/NotAnEndpoint'. An address is '{namespace}/{component}/{endpoint}'; "
            + "check it, and check that the method is marked [Endpoint] and that its component is registered and not excluded by a condition.");
    }

    [Fact]
    public void StreamAsync_Throws_WhenAddressIsUnknown()
    {
        using var context = Contexts.Refreshed(typeof(Ticker));

        var act = () => context.Endpoints.StreamAsync("feeds/ticker/price", default);

        act.Should().Throw<EndpointNotFoundException>().Which.Suggestions.Should().Equal("feeds/ticker/prices");
    }
}
