using Microsoft.CodeAnalysis;
using Sprig.Generator.Analyzers;
using static Sprig.Generator.Tests.Support.AnalyzerRunner;

namespace Sprig.Generator.Tests.Analyzers;

public sealed class EndpointAnalyzerTests
{
    private const string Sample = """
        using System;
        using Sprig;

        namespace Shop;

        [Service(Namespace = "shop")]
        public unsafe class Catalog
        {
            private int _count;

            [Endpoint] public T Echo<T>(T value) => value;
            [Endpoint("find")] public bool TryFind(string name, out int id) { id = 0; return false; }
            [Endpoint] public int Sum(ReadOnlySpan<int> values) => 0;
            [Endpoint] public void Poke(int* at) { }
            [Endpoint] public ref int Count() => ref _count;
            [Endpoint] public Span<byte> Bytes() => default;
        }
        """;

    [Fact]
    public async Task Reports_EndpointsRefreshCannotServe()
    {
        var reported = await RunAsync(Sample, new EndpointAnalyzer());

        const string Returns = "Return a value, Task<T>, ValueTask<T>, Task, ValueTask, void or IAsyncEnumerable<T>.";
        reported.Should().Equal(
            new Reported("SPRIG0005", DiagnosticSeverity.Error, LineOf(Sample, "T Echo<T>"), "Echo",
                "Endpoint 'shop/Catalog/Echo' (Catalog.Echo<T>(T value)) cannot be served: it is a generic method, and a call with JSON arguments "
                + "cannot say what its type parameters are. Remove the type parameters, or add a non-generic [Endpoint] method that calls it with concrete types."),
            new Reported("SPRIG0005", DiagnosticSeverity.Error, LineOf(Sample, "out int id"), "id",
                "Endpoint 'shop/Catalog/find' (Catalog.TryFind(string name, out int id)) cannot be served: parameter 'id' is passed by reference (out), "
                + "but endpoint arguments arrive as JSON values. Take it by value, and return what the caller needs back as part of the result."),
            new Reported("SPRIG0005", DiagnosticSeverity.Error, LineOf(Sample, "ReadOnlySpan<int> values"), "values",
                "Endpoint 'shop/Catalog/Sum' (Catalog.Sum(ReadOnlySpan<int> values)) cannot be served: parameter 'values' is a ref struct "
                + "(ReadOnlySpan<int>), but endpoint arguments arrive as JSON values. Take an array or a List<T> instead."),
            new Reported("SPRIG0005", DiagnosticSeverity.Error, LineOf(Sample, "int* at"), "at",
                "Endpoint 'shop/Catalog/Poke' (Catalog.Poke(int* at)) cannot be served: parameter 'at' is a pointer (int*), "
                + "but endpoint arguments arrive as JSON values. Take a value or an array instead."),
            new Reported("SPRIG0005", DiagnosticSeverity.Error, LineOf(Sample, "ref int Count"), "Count",
                "Endpoint 'shop/Catalog/Count' (Catalog.Count()) cannot be served: it returns ref int, which cannot be sent as JSON. " + Returns),
            new Reported("SPRIG0005", DiagnosticSeverity.Error, LineOf(Sample, "Span<byte> Bytes"), "Bytes",
                "Endpoint 'shop/Catalog/Bytes' (Catalog.Bytes()) cannot be served: it returns Span<byte>, which cannot be sent as JSON. " + Returns));
    }

    [Fact]
    public async Task Reports_WhatRefreshRefuses()
    {
        var compilation = Compile(Sample);
        var reported = await RunAsync(compilation, new EndpointAnalyzer());

        // The runtime writes a by-reference result as reflection names it (Int32&); every other message is word for word.
        ShouldMatchRefresh(reported.Where(r => !r.Message.Contains("ref int", StringComparison.Ordinal)), compilation, 6, "Shop.Catalog");
    }
}
