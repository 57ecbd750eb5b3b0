using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NATS.NKeys;

namespace Sprig.Nats.IntegrationTests.Support;

/// <summary>
/// Issues NATS JWTs (version 2) for tests, made at test time from key pairs of this run: an operator that signs itself, an
/// account signed by the operator and a user signed by the account, the chain a nats-server in operator mode checks. Written
/// from the NATS JWT format (the ed25519-nkey profile of JWS): a header {"typ":"JWT","alg":"ed25519-nkey"}; claims with jti
/// (the base32 of the SHA-256 of the claims without jti), iat, iss (the signer's public key), sub (the subject's public key),
/// name and "nats" (type, version 2 and the type's fields); each part base64url without padding; the signature is the
/// signer's ed25519 signature of "header.claims".
/// </summary>
internal static class NatsJwt
{
    private const string Header = """{"typ":"JWT","alg":"ed25519-nkey"}""";

    /// <summary>Issues the operator's JWT, signed by the operator itself.</summary>
    public static string Operator(KeyPair @operator, string name) =>
        Issue(@operator, @operator.GetPublicKey(), name, new JsonObject { ["type"] = "operator", ["version"] = 2 });

    /// <summary>Issues an account's JWT, signed by <paramref name="operator"/>, with no limits.</summary>
    public static string Account(KeyPair @operator, string account, string name) =>
        Issue(@operator, account, name, new JsonObject
        {
            // -1 is "no limit"; an absent limit would be 0, i.e. nothing allowed.
            ["limits"] = new JsonObject
            {
                ["subs"] = -1, ["data"] = -1, ["payload"] = -1, ["imports"] = -1, ["exports"] = -1, ["wildcards"] = true, ["conn"] = -1, ["leaf"] = -1,
            },
            ["default_permissions"] = new JsonObject { ["pub"] = new JsonObject(), ["sub"] = new JsonObject() },
            ["type"] = "account",
            ["version"] = 2,
        });

    /// <summary>Issues a user's JWT, signed by <paramref name="account"/>, that may publish and subscribe anywhere in the account.</summary>
    public static string User(KeyPair account, string user, string name) =>
        Issue(account, user, name, new JsonObject
        {
            ["pub"] = new JsonObject(),
            ["sub"] = new JsonObject(),
            ["subs"] = -1,
            ["data"] = -1,
            ["payload"] = -1,
            ["type"] = "user",
            ["version"] = 2,
        });

    /// <summary>Writes a user's credentials file in the layout 'nsc generate creds' writes: the user's JWT, then the user's seed, each between markers.</summary>
    public static string Credentials(string jwt, string seed) => $"""
        -----BEGIN NATS USER JWT-----
        {jwt}
        ------END NATS USER JWT------

        -----BEGIN USER NKEY SEED-----
        {seed}
        ------END USER NKEY SEED------

        """;

    private static string Issue(KeyPair signer, string subject, string name, JsonObject nats)
    {
        var claims = new JsonObject
        {
            ["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["iss"] = signer.GetPublicKey(),
            ["name"] = name,
            ["sub"] = subject,
            ["nats"] = nats,
        };
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var jti = new char[Base32.GetEncodedLength(hash)];
        Base32.ToBase32(hash, jti);
        claims.Insert(0, "jti", new string(jti));

        var signed = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Header))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()))}";
        var signature = new byte[64];
        signer.Sign(Encoding.ASCII.GetBytes(signed), signature);
        return $"{signed}.{Base64Url.EncodeToString(signature)}";
    }
}
