using Microsoft.CodeAnalysis;
using Sprig.Generator.Analyzers;
using Sprig.Generator.Tests.Support;
using static Sprig.Generator.Tests.Support.AnalyzerRunner;

namespace Sprig.Generator.Tests.Analyzers;

public sealed class ControllerAotAnalyzerTests
{
    private const string Fix = " Fix the action as the message says, or mark the method [NonAction] if it is not an action.";

    private const string Sample = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Primitives;
        using Sprig;
        using Sprig.Web;

        namespace Shop;

        public sealed record Item(string Name, int Count);

        public sealed record Paging(int Page, int Size);

        public sealed class Token
        {
            public static ValueTask<Token?> BindAsync(HttpContext http) => ValueTask.FromResult<Token?>(new Token());
        }

        [Sprig.Controller(Url = "/items")]
        public sealed class ItemController
        {
            [Get("/{id}")]
            public Item Find(int id) => new("a", id);

            [Post]
            public Item Add(Item item) => item;

            public int Swap(ref int value) => value;

            public T Echo<T>(T value) => value;

            public Task Upload(IFormFile file) => Task.CompletedTask;

            public string Page([AsParameters] Paging paging) => "";

            public string Tags(StringValues tags) => "";

            public string Who(Token token) => "";

            [NonAction]
            public int Helper(ref int value) => value;
        }
        """;

    [Fact]
    public async Task WhenPublishedAsNativeAot_WarnsAboutEachActionTheGeneratedPathRefuses_InMapSprigsWords()
    {
        var reported = await RunAsync(Compile(Sample, WebReferences.All), BuildProperties.Of(("PublishAot", "true")), new ControllerAotAnalyzer());

        reported.Should().Equal(
            Warning("public int Swap(ref int value)", "Swap", "ItemController.Swap(ref int value)",
                "parameter \"int value\" is a ref, out or in parameter, a ref struct or a pointer, which a request cannot bind. Take it by value."),
            Warning("public T Echo<T>(T value)", "Echo", "ItemController.Echo<T>(T value)",
                "a generic method cannot be an action (a request cannot choose its type arguments). Make it non-generic."),
            Warning("public Task Upload(IFormFile file)", "Upload", "ItemController.Upload(IFormFile file)",
                "parameter \"IFormFile file\" is bound from a form, which Sprig serves only with dynamic code (RequestDelegateFactory). Read the form from an HttpRequest parameter, or take JSON."),
            Warning("public string Page(", "Page", "ItemController.Page(Paging paging)",
                "parameter \"Paging paging\" is [AsParameters], which Sprig serves only with dynamic code (RequestDelegateFactory). Take the members as parameters of their own."),
            Warning("public string Tags(", "Tags", "ItemController.Tags(StringValues tags)",
                "parameter \"StringValues tags\" is a StringValues, which Sprig binds only with dynamic code (RequestDelegateFactory). Take a string[] instead."),
            Warning("public string Who(", "Who", "ItemController.Who(Token token)",
                "parameter \"Token token\" has a static BindAsync method, which Sprig serves only with dynamic code (RequestDelegateFactory). Take an HttpContext parameter and call it."));
    }

    [Fact]
    public async Task InALibraryMeantForNativeAot_WarnsToo()
    {
        var reported = await RunAsync(Compile(Sample, WebReferences.All), BuildProperties.Of(("IsAotCompatible", "true")), new ControllerAotAnalyzer());

        reported.Select(r => r.Span).Should().Equal("Swap", "Echo", "Upload", "Page", "Tags", "Who");
    }

    [Fact]
    public async Task DoesNotReport_WhenTheProjectDoesNotTargetNativeAot()
    {
        var reported = await RunAsync(Compile(Sample, WebReferences.All), BuildProperties.Of(("PublishAot", "false")), new ControllerAotAnalyzer());

        reported.Should().BeEmpty();
    }

    [Fact]
    public async Task DoesNotReport_AControllerTheGeneratedPathServes()
    {
        const string valid = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Sprig;
            using Sprig.Web;

            namespace Shop;

            public sealed record Item(string Name, int Count);

            [Sprig.Controller(Url = "/items")]
            public sealed class ItemController
            {
                [Get("/{id}")]
                public Item Find(int id, [FromQuery] int? page = null) => new("a", id);

                public Task<IResult> AddAsync(Item item, CancellationToken cancellationToken) => Task.FromResult(Results.Ok());

                public string Tags(string[] tags, [FromHeader(Name = "X-Tag")] string? tag, HttpContext http) => "";

                [NonAction]
                public int Helper(ref int value) => value;
            }
            """;

        var reported = await RunAsync(Compile(valid, WebReferences.All), BuildProperties.Of(("PublishAot", "true")), new ControllerAotAnalyzer());

        reported.Should().BeEmpty();
    }

    private static Reported Warning(string line, string span, string method, string reason) =>
        new("SPRIG0012", DiagnosticSeverity.Warning, LineOf(Sample, line), span, $"{method} cannot be served under Native AOT (MapSprig refuses it without dynamic code): {reason}{Fix}");
}
