using Microsoft.Extensions.Configuration;
using NATS.Client.Core;
using NATS.NKeys;
using Sprig.Nats.Configuration;

namespace Sprig.Nats.Tests.Configuration;

/// <summary>
/// The authentication keys of Sprig:Nats: what each becomes in NATS.Net's options, and the whole message of every bad setting.
/// No message holds a password, token or seed.
/// </summary>
public sealed class NatsAuthenticationTests : IDisposable
{
    private const string Header = "The NATS transport's configuration (section Sprig:Nats) is invalid:";
    private const string Url = "nats://127.0.0.1:4222";
    private readonly string _folder = Directory.CreateTempSubdirectory("sprig-nats-auth-").FullName;
    private readonly KeyPair _user = KeyPair.CreatePair(PrefixByte.User);

    public void Dispose()
    {
        _user.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Create_SendsNoCredentials_WhenNoneAreSet()
    {
        Auth(("Url", Url)).IsAnonymous.Should().BeTrue();
    }

    [Fact]
    public void Create_LeavesTheUrlsCredentialsToNatsNet()
    {
        // NATS.Net reads user and password, or a token, from the URL itself.
        Auth(("Url", "nats://alice:s3cret@127.0.0.1:4222")).IsAnonymous.Should().BeTrue();
    }

    [Fact]
    public void Create_SendsUserAndPassword_KeepingThePasswordAsWritten()
    {
        var auth = Auth(("Url", Url), ("User", " alice "), ("Password", " pass word "));

        auth.Should().Be(NatsAuthOpts.Default with { Username = "alice", Password = " pass word " });
    }

    [Fact]
    public void Create_SendsTheToken()
    {
        Auth(("Url", Url), ("Token", "t0ken")).Should().Be(NatsAuthOpts.Default with { Token = "t0ken" });
    }

    [Fact]
    public void Create_SignsWithTheSeed_AndSendsItsPublicKey()
    {
        var auth = Auth(("Url", Url), ("NKey", _user.GetSeed()));

        auth.Should().Be(NatsAuthOpts.Default with { Seed = _user.GetSeed(), NKey = _user.GetPublicKey() });
    }

    [Theory]
    [InlineData("{seed}\n")]                                             // nk -gen user > user.nk
    [InlineData("{seed}\n{public}\n")]                                   // nk -gen user -pubout > user.nk, NATS.Net's own format
    [InlineData("# the billing worker\n\n  {seed}  \r\n")]
    public void Create_SignsWithTheSeedInTheNKeyFile(string content)
    {
        var file = Write("user.nk", content.Replace("{seed}", _user.GetSeed(), StringComparison.Ordinal).Replace("{public}", _user.GetPublicKey(), StringComparison.Ordinal));

        var auth = Auth(("Url", Url), ("NKeyFile", file));

        auth.Should().Be(NatsAuthOpts.Default with { Seed = _user.GetSeed(), NKey = _user.GetPublicKey() });
    }

    [Fact]
    public void Create_HandsTheCredentialsFileToNatsNet_ByItsFullPath()
    {
        var file = Write("user.creds", Creds(_user.GetSeed()));

        var auth = Auth(("Url", Url), ("CredentialsFile", Path.GetRelativePath(Environment.CurrentDirectory, file)));

        auth.Should().Be(NatsAuthOpts.Default with { CredsFile = file });
    }

    [Fact]
    public void Read_Throws_WhenThePasswordHasNoUser()
    {
        Problems(("Password", "s3cret")).Should().Be(
            $"{Header}\n  - Sprig:Nats:Password is set, but Sprig:Nats:User is not. Set Sprig:Nats:User to the NATS user the password belongs to, "
            + "or remove Sprig:Nats:Password.");
    }

    [Fact]
    public void Read_Throws_WhenTheUserHasNoPassword()
    {
        Problems(("User", "alice"), ("Password", " ")).Should().Be(
            $"{Header}\n  - Sprig:Nats:User is 'alice', but Sprig:Nats:Password is not set. Set it to that user's password (e.g. from a secret, "
            + "as the environment variable Sprig__Nats__Password), or remove Sprig:Nats:User.");
    }

    [Fact]
    public void Read_Throws_WhenTwoWaysToAuthenticateAreSet()
    {
        Problems(("User", "alice"), ("Password", "s3cret"), ("Token", "t0ken")).Should().Be(
            $"{Header}\n  - Sprig:Nats:User and Sprig:Nats:Token are both set, but a connection authenticates in one way only. Keep the one "
            + "the NATS server's authorization configuration expects and remove the other.");
    }

    [Fact]
    public void Read_Throws_NamingEveryWay_WhenSeveralAreSet()
    {
        var message = Problems(("Url", "nats://t0ken@127.0.0.1:4222"), ("Token", "t0ken"), ("NKey", _user.GetSeed()), ("CredentialsFile", Write("user.creds", Creds(_user.GetSeed()))));

        message.Should().Be(
            $"{Header}\n  - the credentials in Sprig:Nats:Url, Sprig:Nats:Token, Sprig:Nats:NKey and Sprig:Nats:CredentialsFile are all set, but "
            + "a connection authenticates in one way only. Keep the one the NATS server's authorization configuration expects and remove the others.");
    }

    [Fact]
    public void Read_Throws_WithoutShowingTheValue_WhenTheNKeyIsNotASeed()
    {
        var message = Problems(("NKey", "SUnot-a-seed-but-a-secret"));

        message.Should().Be(
            $"{Header}\n  - Sprig:Nats:NKey is not a user NKey seed (the value is not shown: it is a secret). A user seed is 58 characters "
            + "starting with 'SU', as 'nk -gen user -pubout' prints it next to the public key the server's configuration names.");
    }

    [Fact]
    public void Read_Throws_WhenTheNKeyIsAnAccountSeed()
    {
        using var account = KeyPair.CreatePair(PrefixByte.Account);

        var message = Problems(("NKey", account.GetSeed()));

        message.Should().NotContain(account.GetSeed());
        message.Should().Be(
            $"{Header}\n  - Sprig:Nats:NKey is not a user NKey seed (the value is not shown: it is a secret). A user seed is 58 characters "
            + "starting with 'SU', as 'nk -gen user -pubout' prints it next to the public key the server's configuration names.");
    }

    [Fact]
    public void Read_Throws_NamingThePublicKey_WhenTheNKeyIsAPublicKey()
    {
        var publicKey = _user.GetPublicKey();

        Problems(("NKey", publicKey)).Should().Be(
            $"{Header}\n  - Sprig:Nats:NKey is the public key '{publicKey}', but it must be the user's seed, which starts with 'SU': the "
            + "server's configuration names the public key, this process signs with the seed. Set the seed (e.g. as 'nk -gen user -pubout' "
            + "prints it), or put it in a file and set Sprig:Nats:NKeyFile.");
    }

    [Fact]
    public void Read_Throws_NamingTheKeyAndThePath_WhenTheNKeyFileDoesNotExist()
    {
        var path = Path.Combine(_folder, "missing.nk");

        Problems(("NKeyFile", path)).Should().Be(
            $"{Header}\n  - Sprig:Nats:NKeyFile is '{path}', but there is no such file. Point it at the file that holds the user's NKey "
            + "seed (a line starting with 'SU', as 'nk -gen user' writes it), or remove Sprig:Nats:NKeyFile.");
    }

    [Fact]
    public void Read_Throws_ShowingTheFullPath_WhenARelativeCredentialsFileDoesNotExist()
    {
        var path = Path.Combine("secrets", $"{Guid.NewGuid():N}.creds");

        Problems(("CredentialsFile", path)).Should().Be(
            $"{Header}\n  - Sprig:Nats:CredentialsFile is '{path}' ({Path.GetFullPath(path)}), but there is no such file. Point it at the "
            + "user's credentials file (a .creds file with the user's JWT and NKey seed, as 'nsc generate creds' writes it), or remove "
            + "Sprig:Nats:CredentialsFile.");
    }

    [Fact]
    public void Read_Throws_WithoutShowingTheFile_WhenTheNKeyFileHoldsNoSeed()
    {
        var file = Write("public.nk", $"{_user.GetPublicKey()}\nSUnot-a-seed\n");

        var message = Problems(("NKeyFile", file));

        message.Should().Be(
            $"{Header}\n  - Sprig:Nats:NKeyFile is '{file}', but the file holds no user NKey seed (a line of 58 characters starting with "
            + "'SU'; nothing of the file is shown: it is a secret). Write the seed into it (e.g. 'nk -gen user > user.nk'), or remove "
            + "Sprig:Nats:NKeyFile.");
    }

    [Theory]
    [InlineData("{seed}\n")]
    [InlineData("-----BEGIN NATS USER JWT-----\neyJ0eXAi.e30.sig\n------END NATS USER JWT------\n")]
    [InlineData("-----BEGIN NATS USER JWT-----\neyJ0eXAi.e30.sig\n------END NATS USER JWT------\n-----BEGIN USER NKEY SEED-----\ninvalid\n------END USER NKEY SEED------\n")]
    public void Read_Throws_WithoutShowingTheFile_WhenTheCredentialsFileIsNotOne(string content)
    {
        var file = Write("user.creds", content.Replace("{seed}", _user.GetSeed(), StringComparison.Ordinal));

        var message = Problems(("CredentialsFile", file));

        message.Should().Be(
            $"{Header}\n  - Sprig:Nats:CredentialsFile is '{file}', but the file is not a NATS credentials file: it needs a "
            + "'-----BEGIN NATS USER JWT-----' line followed by the user's JWT, and a '-----BEGIN USER NKEY SEED-----' line followed by a "
            + "user NKey seed (nothing of the file is shown: it holds a secret). Point it at the user's .creds file (as 'nsc generate "
            + "creds' writes it), or remove Sprig:Nats:CredentialsFile.");
    }

    [Fact]
    public void Read_ShowsTheUrlRedacted_WhenAUrlWithAPasswordIsInvalid()
    {
        Problems(("Url", "http://alice:s3cret@127.0.0.1:4222")).Should().Be(
            $"{Header}\n  - Sprig:Nats:Url is 'http://***@127.0.0.1:4222', which is not a NATS URL. Write it as 'nats://host:port' "
            + "(e.g. nats://127.0.0.1:4222); several servers are separated by commas; the schemes are nats, tls, ws and wss.");
    }

    [Fact]
    public void Read_ReportsAuthenticationProblemsWithTheOthers()
    {
        var message = Problems(("MaxConcurrency", "0"), ("Password", "s3cret"), ("Token", "t0ken"));

        message.Should().Be(
            $"{Header}\n"
            + "  - Sprig:Nats:MaxConcurrency is '0', but it must be a whole number of calls greater than 0. Set it to e.g. 64, or remove it to use the default.\n"
            + "  - Sprig:Nats:Password and Sprig:Nats:Token are both set, but a connection authenticates in one way only. Keep the one the NATS "
            + "server's authorization configuration expects and remove the other.\n"
            + "  - Sprig:Nats:Password is set, but Sprig:Nats:User is not. Set Sprig:Nats:User to the NATS user the password belongs to, "
            + "or remove Sprig:Nats:Password.");
    }

    [Fact]
    public void SentWith_NamesTheKeysWhoseCredentialsAreSent()
    {
        NatsAuthentication.SentWith(Options(("Url", Url))).Should().BeNull();
        NatsAuthentication.SentWith(Options(("Url", "nats://alice:s3cret@127.0.0.1:4222"))).Should().Be("Sprig:Nats:Url");
        NatsAuthentication.SentWith(Options(("Url", Url), ("User", "alice"), ("Password", "s3cret"))).Should().Be("Sprig:Nats:User and Sprig:Nats:Password");
        NatsAuthentication.SentWith(Options(("Url", Url), ("NKey", _user.GetSeed()))).Should().Be("Sprig:Nats:NKey");
    }

    private NatsAuthOpts Auth(params (string Key, string Value)[] settings) => NatsAuthentication.Create(Options(settings));

    private static NatsTransportOptions Options(params (string Key, string Value)[] settings) => NatsOptionsReader.Read(Config(settings));

    /// <summary>Reads options that must be refused and returns the message, checking that it holds none of the tests' secrets.</summary>
    private string Problems(params (string Key, string Value)[] settings)
    {
        var act = () => NatsOptionsReader.Read(Config(settings.Any(s => s.Key == "Url") ? settings : [("Url", Url), .. settings]));

        var message = act.Should().Throw<ContainerException>().Which.Message;
        foreach (var secret in new[] { "s3cret", "t0ken", "not-a-seed", _user.GetSeed() })
        {
            message.Should().NotContain(secret);
        }

        return message;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Creds(string seed) =>
        $"-----BEGIN NATS USER JWT-----\neyJ0eXAi.e30.sig\n------END NATS USER JWT------\n\n-----BEGIN USER NKEY SEED-----\n{seed}\n------END USER NKEY SEED------\n";

    private static IConfiguration Config(IEnumerable<(string Key, string Value)> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Sprig:Nats:{s.Key}", s.Value))).Build();
}
