using Microsoft.CodeAnalysis;
using Sprig.Generator.Tests.Support;

namespace Sprig.Generator.Tests.Generator;

/// <summary>Types the generated code must write correctly to compile: found by running the Web suite on the generated path.</summary>
public sealed class TypeNameTests
{
    [Fact]
    public void AClassNestedInAConstructedGenericType_IsWrittenWithItsOuterTypesArguments_AndNoneOfItsOwn()
    {
        var compilation = GeneratorRunner.Compile("Mail", """
            using System.Collections.Generic;
            using Sprig;

            namespace Mail;

            public sealed class Envelope<T>
            {
                public sealed record Stamp(string By);
            }

            public sealed class Book;

            [Component]
            public sealed class PostOffice(List<Envelope<Book>.Stamp> stamps, Envelope<Book>.Stamp? last = null)
            {
                public int Count => stamps.Count + (last is null ? 0 : 1);
            }
            """);

        var (_, output, result) = GeneratorRunner.Run(compilation);

        result.GeneratedSources.Single().SourceText.ToString().Should().Contain(
            "new global::System.Type[] { typeof(global::System.Collections.Generic.List<global::Mail.Envelope<global::Mail.Book>.Stamp>), "
            + "typeof(global::Mail.Envelope<global::Mail.Book>.Stamp) }");
        output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
    }
}
