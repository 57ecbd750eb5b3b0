using Microsoft.CodeAnalysis;
using Sprig.Generator.Analyzers;
using static Sprig.Generator.Tests.Support.AnalyzerRunner;

namespace Sprig.Generator.Tests.Analyzers;

public sealed class CaptiveDependencyAnalyzerTests
{
    private const string Sample = """
        using System;
        using System.Collections.Generic;
        using Sprig;

        namespace Shop;

        public interface IBasket { }
        [Component(Scope = Scope.Request)] public class Basket : IBasket { }
        [Controller] public class CartController { }
        [Component(Scope = Scope.Prototype)] public class Pricing { public Pricing(IBasket basket) { } }

        [Component] public class Cart { public Cart(IBasket basket) { } }
        [Service] public class Shop { public Shop(Pricing pricing) { } }
        [Component] public class Router { [Inject] public CartController Controller { get; set; } = null!; }
        [Component] public class Later { public Later(Func<IBasket> basket) { } }
        [Component] public class Baskets { public Baskets(IEnumerable<IBasket> all) { } }
        [Configuration] public class Beans { [Bean] public object Summary([InjectByName("Basket")] object basket) => basket; }
        """;

    [Fact]
    public async Task Reports_SingletonsThatReachARequestComponent_DirectlyOrThroughPrototypes()
    {
        var reported = await RunAsync(Sample, new CaptiveDependencyAnalyzer());

        reported.Should().Equal(
            Capture("Cart(IBasket basket)", "basket", "Cart", "Basket", "Cart -> Basket"),
            Capture("Pricing pricing", "pricing", "Shop", "Basket", "Shop -> Pricing -> Basket"),
            Capture("CartController Controller", "Controller", "Router", "CartController", "Router -> CartController"),
            Capture("Func<IBasket> basket", "basket", "Later", "Basket", "Later -> Basket"),
            Capture("IEnumerable<IBasket> all", "all", "Baskets", "Basket", "Baskets -> Basket"),
            Capture("object basket", "basket", "Summary", "Basket", "Summary -> Basket"));

        static Reported Capture(string marker, string span, string singleton, string request, string path) =>
            new("SPRIG0007", DiagnosticSeverity.Error, LineOf(Sample, marker), span,
                $"Singleton '{singleton}' depends on Request-scoped '{request}' (path: {path}). A singleton outlives every request, "
                + $"so it would keep one request's instance forever. Make '{singleton}' Request- or Prototype-scoped, or make '{request}' a Singleton.");
    }

    [Fact]
    public async Task Reports_WhatRefreshRefuses_LazyLinksIncluded()
    {
        var compilation = Compile(Sample);
        var reported = await RunAsync(compilation, new CaptiveDependencyAnalyzer());

        ShouldMatchRefresh(reported, compilation, 6, "Shop.Basket", "Shop.CartController", "Shop.Pricing", "Shop.Cart", "Shop.Shop", "Shop.Router", "Shop.Later", "Shop.Baskets", "Shop.Beans");
    }

    [Fact]
    public async Task DoesNotReport_RequestOrPrototypeComponentsThatUseRequestOnes()
    {
        var source = """
            using Sprig;

            [Component(Scope = Scope.Request)] public class Basket { }
            [Controller] public class CartController { public CartController(Basket basket) { } }
            [Component(Scope = Scope.Prototype)] public class Pricing { public Pricing(Basket basket) { } }
            [Component] public class Catalog { }
            [Component(Scope = Scope.Request)] public class Checkout { public Checkout(Catalog catalog, Pricing pricing) { } }
            """;

        (await RunAsync(source, new CaptiveDependencyAnalyzer())).Should().BeEmpty();
    }
}
