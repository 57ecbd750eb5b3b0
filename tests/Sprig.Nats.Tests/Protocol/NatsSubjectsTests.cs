using Sprig.Nats.Protocol;

namespace Sprig.Nats.Tests.Protocol;

public sealed class NatsSubjectsTests
{
    [Fact]
    public void Endpoint_IsLowerCased_SoThatAddressesMatchIgnoringCase()
    {
        NatsSubjects.Endpoint("Dynamo", "VllmWorker", "Generate").Should().Be("sprig.dynamo.vllmworker.generate");
    }

    [Fact]
    public void Control_IsUnderTheBroadcastSubject()
    {
        NatsSubjects.Control("abc123").Should().Be("sprig._ctl.abc123");
        NatsSubjects.ControlBroadcast.Should().Be("sprig._ctl");
    }

    [Theory]
    [InlineData("generate", true)]
    [InlineData("get_value-2", true)]
    [InlineData("", false)]
    [InlineData("get.value", false)]
    [InlineData("all*", false)]
    [InlineData("rest>", false)]
    [InlineData("two words", false)]
    [InlineData("tab\there", false)]
    public void IsToken_RefusesWhatCannotBeASubjectToken(string token, bool expected)
    {
        NatsSubjects.IsToken(token).Should().Be(expected);
    }

    [Fact]
    public void InvalidToken_NamesTheFirstPartThatIsNotAToken()
    {
        NatsSubjects.InvalidToken("default", "Calc", "add").Should().BeNull();
        NatsSubjects.InvalidToken("my.ns", "Calc", "add").Should().Be(("namespace", "my.ns"));
        NatsSubjects.InvalidToken("default", "Calc *", "add").Should().Be(("component", "Calc *"));
        NatsSubjects.InvalidToken("default", "Calc", "get.value").Should().Be(("endpoint", "get.value"));
    }

    [Theory]
    [InlineData("default", "Calculator", "default-Calculator")]
    [InlineData("dynamo", "Vllm Worker", "dynamo-Vllm_Worker")]
    [InlineData("ns", "Bücher", "ns-B_cher")]
    public void ServiceName_FitsTheMicroNamePattern(string @namespace, string component, string expected)
    {
        NatsSubjects.ServiceName(@namespace, component).Should().Be(expected).And.MatchRegex("^[A-Za-z0-9_-]+$");
    }

    [Theory]
    [InlineData("sprig._ctl.abc", true)]
    [InlineData("_INBOX.x.1", true)]
    [InlineData("sprig.*", false)]
    [InlineData("a..b", false)]
    [InlineData("", false)]
    public void IsSubject_AcceptsOnlyPublishableSubjects(string subject, bool expected)
    {
        NatsSubjects.IsSubject(subject).Should().Be(expected);
    }
}
