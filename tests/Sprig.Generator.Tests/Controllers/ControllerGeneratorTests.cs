using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sprig.Generator.Controllers;
using Sprig.Generator.Tests.Support;

namespace Sprig.Generator.Tests.Controllers;

/// <summary>
/// The controller generator: a request delegate per public method of each [Controller] class of a compilation that references
/// Sprig.Web, compared with the committed Expected/SprigControllers.g.cs (SPRIG_ACCEPT=1 overwrites it). tests/Sprig.Aot.Tests
/// serves such delegates over Kestrel with dynamic code off.
/// </summary>
public sealed class ControllerGeneratorTests
{
    private const string Sample = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Security.Claims;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;
        using Sprig;
        using Sprig.Web;

        namespace Shop;

        public sealed record Item(string Name, int Count);

        public enum Shelf { Top, Bottom }

        public interface IClock { DateTimeOffset Now { get; } }

        public sealed class Receipt : IResult, Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider
        {
            public Task ExecuteAsync(HttpContext httpContext) => Task.CompletedTask;

            static void Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider.PopulateMetadata(System.Reflection.MethodInfo method, Microsoft.AspNetCore.Builder.EndpointBuilder builder) { }
        }

        public sealed class Ledger : Microsoft.AspNetCore.Http.Metadata.IEndpointParameterMetadataProvider
        {
            public static void PopulateMetadata(System.Reflection.ParameterInfo parameter, Microsoft.AspNetCore.Builder.EndpointBuilder builder) { }
        }

        public abstract class AuditedController
        {
            public string GetAudit() => "audit";

            public virtual string Describe() => "base";
        }

        [Sprig.Controller(Url = "/items")]
        public sealed class ItemController : AuditedController, IProgress<int>
        {
            [Get("/{id}")]
            public Item? Find(int id, Shelf? shelf = Shelf.Top, DateTime? since = null, double scale = 1) => null;

            [Get("/search"), Get("/find")]
            public Task<List<Item>> SearchAsync(string name, [FromQuery(Name = "max")] int limit = 10, Guid? trace = null) => Task.FromResult(new List<Item>());

            public ValueTask<IResult> CreateAsync(Item item, [FromServices] IClock clock, [FromKeyedServices("audit")] IClock audit, CancellationToken cancellationToken) =>
                ValueTask.FromResult<IResult>(Results.Ok());

            public string Rename([FromRoute] int id, [FromBody] Item item, [FromHeader(Name = "X-User")] string? user, ClaimsPrincipal principal) => item.Name;

            public Task DeleteAsync(int id, HttpContext http, HttpRequest request, HttpResponse response, Stream body, int[] also, [FromHeader(Name = "X-Tag")] string[] tags, int?[]? maybe = null) => Task.CompletedTask;

            public void Touch(decimal price = 1.5m, string note = "none", char mark = 'x', bool flag = true) { }

            [Post("/{id}/receipt")]
            public Task<Receipt> ReceiptAsync(int id, [FromServices] Ledger ledger) => Task.FromResult(new Receipt());

            public override string Describe() => "items";

            public void Report(int value) { }

            public override string ToString() => "ItemController";

            [NonAction]
            public string Helper() => "";

            [PostConstruct]
            public void Ready() { }

            public int Swap(ref int value) => value;

            public T Echo<T>(T value) => value;

            public Task Upload(IFormFile file) => Task.CompletedTask;
        }

        [Sprig.Controller(Url = "/seeds")]
        public sealed record SeedController(int Seed)
        {
            public int GetSeed() => Seed;
        }
        """;

    [Fact]
    public void Generator_EmitsCommittedRequestDelegates_ForTheSample()
    {
        var compilation = Compile(Sample);
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Should().BeEmpty();
        var (output, result) = Run(compilation);

        var generated = result.GeneratedSources.Should().ContainSingle().Subject;
        generated.HintName.Should().Be("SprigControllers.g.cs");
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Should().BeEmpty("the generated code compiles cleanly");
        var actual = generated.SourceText.ToString();
        GeneratorRunner.AssertMatchesCommitted(actual, Path.Combine(SourceDirectory(), "Expected", "SprigControllers.g.cs"), "generated controllers");
    }

    [Fact]
    public void Steps_StayCached_AfterAnUnrelatedEdit()
    {
        GeneratorRunner.AssertStepsCachedAfterUnrelatedEdit(Driver(), Compile(Sample), "Shop", ControllerTrackingNames.Controllers, ControllerTrackingNames.Distinct, ControllerTrackingNames.Enabled);
    }

    [Fact]
    public void NothingIsGenerated_WithoutSprigWeb()
    {
        var compilation = GeneratorRunner.Compile("Plain", "using Sprig; namespace Plain; [Controller(Url = \"/x\")] public sealed class XController { public string Get() => \"x\"; }");

        var (_, result) = Run(compilation);

        result.GeneratedSources.Should().BeEmpty();
    }

    [Fact]
    public void TheSwitch_TurnsItOff()
    {
        var (_, result) = Run(Compile(Sample), Driver(("SprigGenerator", "false")));

        result.GeneratedSources.Should().BeEmpty();
    }

    private static CSharpCompilation Compile(string source) => GeneratorRunner.Compile("Shop" + Guid.NewGuid().ToString("N")[..8], WebReferences.All, source);

    private static GeneratorDriver Driver(params (string Name, string Value)[] properties) => GeneratorRunner.Driver(new ControllerGenerator(), properties);

    private static (Compilation Output, GeneratorRunResult Result) Run(Compilation compilation, GeneratorDriver? driver = null)
    {
        var (_, output, result) = GeneratorRunner.Run(compilation, driver ?? Driver());
        return (output, result);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
