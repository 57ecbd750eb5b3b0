using System.Text;
using Microsoft.Extensions.Configuration;

namespace Sprig.Web.Tests.Diagnostics;

/// <summary><c>GET /sprig/config</c>: every key with its value, masked when it looks secret, and the provider that won it.</summary>
public sealed class DiagnosticsConfigTests
{
    [Fact]
    public async Task Config_ListsEveryKeyWithTheWinningProvider_AndMasksSecretLookingKeysAndPasswordsInValues()
    {
        Environment.SetEnvironmentVariable("SPRIGDIAGTEST_Chained__Value", "from the environment");
        await using var host = await DiagnosticsHost.StartAsync(new PendingRegistry(), configure: b =>
        {
            b.Configuration.Sources.Clear();
            b.Configuration.AddInMemoryCollection([
                new("Feature:Email", "true"),
                new("Feature:Sms", "off"),
                new("Feature:Monkey", "banana"),
                new("Keyboard:Layout", "qwerty"),
                new("Db:Password", "hunter2"),
                new("Db:Pwd", "p"),
                new("Api:ApiKey", "abc"),
                new("Auth:SigningKey", "s1"),
                new("Legacy:api_key", "lk"),
                new("key", "k"),
                new("OAuth:ClientSecret", "cs"),
                new("Jwt:RefreshToken", "rt"),
                new("Redis:ConnectionString", "redis:6379,password=x"),
                new("ConnectionStrings:Main", "Server=db"),
                new("Service:Url", "nats://ada:pw@bus:4222"),
                new("Reports:Db", "Server=x;User Id=ada;Password=pw;Timeout=5"),
                new("Empty", ""),
            ]);
            b.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""{ "Feature": { "Sms": "on" } }""")));
            b.Configuration.AddConfiguration(new ConfigurationBuilder().AddEnvironmentVariables("SPRIGDIAGTEST_").Build());
        });

        (await host.GetJsonAsync("/sprig/config")).ShouldBeJson("""
            [
              { "key": "Api:ApiKey", "value": "******", "source": "MemoryConfigurationProvider" },
              { "key": "Auth:SigningKey", "value": "******", "source": "MemoryConfigurationProvider" },
              { "key": "Chained:Value", "value": "from the environment", "source": "EnvironmentVariablesConfigurationProvider" },
              { "key": "ConnectionStrings:Main", "value": "******", "source": "MemoryConfigurationProvider" },
              { "key": "Db:Password", "value": "******", "source": "MemoryConfigurationProvider" },
              { "key": "Db:Pwd", "value": "******", "source": "MemoryConfigurationProvider" },
              { "key": "Empty", "value": "", "source": "MemoryConfigurationProvider" },
              { "key": "Feature:Email", "value": "true", "source": "MemoryConfigurationProvider" },
              { "key": "Feature:Monkey", "value": "banana", "source": "MemoryConfigurationProvider" },
              { "key": "Feature:Sms", "value": "on", "source": "JsonStreamConfigurationProvider" },
              { "key": "Jwt:RefreshToken", "value": "******", "source": "MemoryConfigurationProvider" },
              { "key": "key", "value": "******", "source": "MemoryConfigurationProvider" },
              { "key": "Keyboard:Layout", "value": "qwerty", "source": "MemoryConfigurationProvider" },
              { "key": "Legacy:api_key", "value": "******", "source": "MemoryConfigurationProvider" },
              { "key": "OAuth:ClientSecret", "value": "******", "source": "MemoryConfigurationProvider" },
              { "key": "Redis:ConnectionString", "value": "******", "source": "MemoryConfigurationProvider" },
              { "key": "Reports:Db", "value": "Server=x;User Id=ada;Password=******;Timeout=5", "source": "MemoryConfigurationProvider" },
              { "key": "Service:Url", "value": "nats://ada:******@bus:4222", "source": "MemoryConfigurationProvider" }
            ]
            """);
    }

    [Fact]
    public async Task Config_MasksUpperCaseEnvironmentKeys_Credentials_AndTokensInUrls()
    {
        await using var host = await DiagnosticsHost.StartAsync(new PendingRegistry(), configure: b =>
        {
            b.Configuration.Sources.Clear();
            b.Configuration.AddInMemoryCollection([
                new("PAYMENTS:APIKEY", "ak"),
                new("Jwt:signingkeys", "sk"),
                new("Google:Credentials", "{ \"private_key\": \"pk\" }"),
                new("Bus:Url", "nats://s3cr3t@bus:4222"),
                new("Site:Url", "https://example.com/a@b"),
                new("Feature:Monkey", "banana"),
            ]);
        });

        (await host.GetJsonAsync("/sprig/config")).ShouldBeJson("""
            [
              { "key": "Bus:Url", "value": "nats://******@bus:4222", "source": "MemoryConfigurationProvider" },
              { "key": "Feature:Monkey", "value": "banana", "source": "MemoryConfigurationProvider" },
              { "key": "Google:Credentials", "value": "******", "source": "MemoryConfigurationProvider" },
              { "key": "Jwt:signingkeys", "value": "******", "source": "MemoryConfigurationProvider" },
              { "key": "PAYMENTS:APIKEY", "value": "******", "source": "MemoryConfigurationProvider" },
              { "key": "Site:Url", "value": "https://example.com/a@b", "source": "MemoryConfigurationProvider" }
            ]
            """);
    }

    [Fact]
    public async Task Config_MasksWholePasswords_WhenQuotedInAConnectionString_OrHoldingAnAtSignInAUrl()
    {
        await using var host = await DiagnosticsHost.StartAsync(new PendingRegistry(), configure: b =>
        {
            b.Configuration.Sources.Clear();
            b.Configuration.AddInMemoryCollection([
                new("Reports:Db", "Server=x;Password=\"p;w\";Timeout=5"),
                new("Audit:Db", "Server=x;Pwd='a;b';Timeout=5"),
                new("Bus:Url", "nats://ada:p@ss@bus:4222/x"),
            ]);
        });

        (await host.GetJsonAsync("/sprig/config")).ShouldBeJson("""
            [
              { "key": "Audit:Db", "value": "Server=x;Pwd=******;Timeout=5", "source": "MemoryConfigurationProvider" },
              { "key": "Bus:Url", "value": "nats://ada:******@bus:4222/x", "source": "MemoryConfigurationProvider" },
              { "key": "Reports:Db", "value": "Server=x;Password=******;Timeout=5", "source": "MemoryConfigurationProvider" }
            ]
            """);
    }
}
