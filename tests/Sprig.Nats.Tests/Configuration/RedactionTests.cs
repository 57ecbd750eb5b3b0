using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sprig.Nats.Tests.Configuration;

/// <summary>Credentials in <c>Sprig:Nats:Url</c> never reach a message, a log line or a remote caller.</summary>
public sealed class RedactionTests
{
    [Theory]
    [InlineData("nats://127.0.0.1:4222", "nats://127.0.0.1:4222")]
    [InlineData("nats://alice:s3cret@127.0.0.1:4222", "nats://***@127.0.0.1:4222")]
    [InlineData("nats://t0ken@10.0.0.1:4222, nats://127.0.0.1:4223", "nats://***@10.0.0.1:4222,nats://127.0.0.1:4223")]
    [InlineData("alice:s3cret@127.0.0.1:4222", "***@127.0.0.1:4222")]
    [InlineData("nats://alice:s3c@ret@127.0.0.1:4222", "nats://***@127.0.0.1:4222")]
    public void Redact_HidesUserPasswordAndToken_AndKeepsTheRest(string urls, string shown) =>
        NatsConnector.Redact(urls).Should().Be(shown);

    [Theory]
    [InlineData("can not connect uris: nats://alice:***@127.0.0.1:4222", "can not connect uris: nats://***@127.0.0.1:4222")]
    [InlineData("can not connect uris: nats://***@127.0.0.1:4222", "can not connect uris: nats://***@127.0.0.1:4222")]
    [InlineData("Failed: nats://alice:s3cret@127.0.0.1:4222", "Failed: nats://***@127.0.0.1:4222")]
    public void Scrub_HidesTheUserThatNatsNetShows(string text, string shown) =>
        NatsConnector.Scrub(text, "nats://alice:s3cret@127.0.0.1:4222").Should().Be(shown);

    [Fact]
    public async Task TransportName_HasNoCredentials()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sprig:Nats:Url"] = "nats://alice:s3cret@127.0.0.1:4222",
        }).Build();
        await using var transport = new NatsTransport(configuration, NullLoggerFactory.Instance);

        transport.Name.Should().Be("NATS nats://***@127.0.0.1:4222");
    }
}
