using System.Reflection;
using Microsoft.Extensions.Configuration;
using Sprig.Nats.Configuration;

namespace Sprig.Nats.Tests.Configuration;

public sealed class NatsOptionsReaderTests
{
    private const string Header = "The NATS transport's configuration (section Sprig:Nats) is invalid:";

    [Fact]
    public void Read_GivesTheDocumentedDefaults_WhenOnlyTheUrlIsSet()
    {
        var options = NatsOptionsReader.Read(Config(("Url", "nats://127.0.0.1:4222")));

        options.Should().Be(new NatsTransportOptions
        {
            Url = "nats://127.0.0.1:4222",
            Serve = true,
            RequestTimeout = TimeSpan.FromSeconds(30),
            MaxConcurrency = 64,
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            DrainTimeout = TimeSpan.FromSeconds(10),
            StreamWindow = 256,
            Name = Assembly.GetEntryAssembly()?.GetName().Name ?? "sprig",
        });
    }

    [Fact]
    public void Read_BindsEveryKey()
    {
        var options = NatsOptionsReader.Read(Config(
            ("Url", "nats://a:4222, tls://b:4443"),
            ("Serve", "false"),
            ("RequestTimeout", "00:01:00"),
            ("MaxConcurrency", "8"),
            ("HeartbeatInterval", "00:00:00.250"),
            ("DrainTimeout", "00:00:03"),
            ("StreamWindow", "16"),
            ("Name", "billing")));

        options.Should().Be(new NatsTransportOptions
        {
            Url = "nats://a:4222, tls://b:4443",
            Serve = false,
            RequestTimeout = TimeSpan.FromMinutes(1),
            MaxConcurrency = 8,
            HeartbeatInterval = TimeSpan.FromMilliseconds(250),
            DrainTimeout = TimeSpan.FromSeconds(3),
            StreamWindow = 16,
            Name = "billing",
        });
    }

    [Fact]
    public void Read_BindsTheAuthenticationKeys_KeepingPasswordsAndTokensAsWritten()
    {
        var userAndPassword = NatsOptionsReader.Read(Config(("Url", "nats://127.0.0.1:4222"), ("User", " alice "), ("Password", " pass word ")));
        var token = NatsOptionsReader.Read(Config(("Url", "nats://127.0.0.1:4222"), ("Token", " t0ken ")));

        (userAndPassword.User, userAndPassword.Password, userAndPassword.Token).Should().Be(("alice", " pass word ", null));
        (token.User, token.Password, token.Token).Should().Be((null, null, " t0ken "));
    }

    [Fact]
    public void ToString_HidesThePasswordTokenSeedAndTheUrlsCredentials()
    {
        var options = new NatsTransportOptions
        {
            Url = "nats://alice:url-s3cret@127.0.0.1:4222",
            Name = "billing",
            User = "alice",
            Password = "pw-s3cret",
            Token = "t0ken-s3cret",
            NKey = "SU-s3cret",
            NKeyFile = "/run/secrets/user.nk",
            CredentialsFile = "/run/secrets/user.creds",
        };

        options.ToString().Should().Be(
            "NatsTransportOptions { Url = nats://***@127.0.0.1:4222, Serve = True, RequestTimeout = 00:00:30, MaxConcurrency = 64, "
            + "HeartbeatInterval = 00:00:01, DrainTimeout = 00:00:10, StreamWindow = 256, Name = billing, User = alice, Password = ***, "
            + "Token = ***, NKey = ***, NKeyFile = /run/secrets/user.nk, CredentialsFile = /run/secrets/user.creds }");
    }

    [Theory]
    [InlineData("MaxConcurrency", "0", "Sprig:Nats:MaxConcurrency is '0', but it must be a whole number of calls greater than 0. Set it to e.g. 64, or remove it to use the default.")]
    [InlineData("MaxConcurrency", "many", "Sprig:Nats:MaxConcurrency is 'many', but it must be a whole number of calls greater than 0. Set it to e.g. 64, or remove it to use the default.")]
    [InlineData("StreamWindow", "-4", "Sprig:Nats:StreamWindow is '-4', but it must be a whole number of items greater than 0. Set it to e.g. 256, or remove it to use the default.")]
    [InlineData("RequestTimeout", "30s", "Sprig:Nats:RequestTimeout is '30s', which is not a positive time span. Write it as hh:mm:ss (e.g. 00:00:30), or remove it to use the default.")]
    [InlineData("HeartbeatInterval", "00:00:00", "Sprig:Nats:HeartbeatInterval is '00:00:00', which is not a positive time span. Write it as hh:mm:ss (e.g. 00:00:01), or remove it to use the default.")]
    [InlineData("DrainTimeout", "-00:00:05", "Sprig:Nats:DrainTimeout is '-00:00:05', which is not a positive time span. Write it as hh:mm:ss (e.g. 00:00:10), or remove it to use the default.")]
    [InlineData("Serve", "yes", "Sprig:Nats:Serve is 'yes', which is not a boolean. Set it to 'true' or 'false', or remove it to use the default (true).")]
    public void Read_Throws_NamingTheKeyTheValueAndTheFix(string key, string value, string problem)
    {
        var act = () => NatsOptionsReader.Read(Config(("Url", "nats://127.0.0.1:4222"), (key, value)));

        act.Should().Throw<ContainerException>().Which.Message.Should().Be($"{Header}\n  - {problem}");
    }

    [Theory]
    [InlineData("http://127.0.0.1:4222")]
    [InlineData("127.0.0.1:4222")]
    [InlineData("nats://a:4222,nonsense")]
    public void Read_Throws_ForAUrlThatIsNotANatsUrl(string url)
    {
        var act = () => NatsOptionsReader.Read(Config(("Url", url)));

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            $"{Header}\n  - Sprig:Nats:Url is '{url}', which is not a NATS URL. Write it as 'nats://host:port' (e.g. nats://127.0.0.1:4222); "
            + "several servers are separated by commas; the schemes are nats, tls, ws and wss.");
    }

    [Fact]
    public void Read_ReportsEveryProblemAtOnce()
    {
        var act = () => NatsOptionsReader.Read(Config(("Url", " "), ("MaxConcurrency", "0"), ("RequestTimeout", "soon")));

        act.Should().Throw<ContainerException>().Which.Message.Should().Be(
            $"{Header}\n"
            + "  - Sprig:Nats:Url is empty. Set it to the NATS server's URL, e.g. 'nats://127.0.0.1:4222', or remove it to turn the NATS transport off.\n"
            + "  - Sprig:Nats:RequestTimeout is 'soon', which is not a positive time span. Write it as hh:mm:ss (e.g. 00:00:30), or remove it to use the default.\n"
            + "  - Sprig:Nats:MaxConcurrency is '0', but it must be a whole number of calls greater than 0. Set it to e.g. 64, or remove it to use the default.");
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Sprig:Nats:{s.Key}", s.Value))).Build();
}
