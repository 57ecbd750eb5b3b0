namespace Sprig.Web.Tests.Security;

/// <summary>The callers of the tests, as the value of their <c>Authorization: Test ...</c> header (<see cref="TestAuthentication"/>).</summary>
public static class Callers
{
    /// <summary>No Authorization header: no user.</summary>
    public const string? Anonymous = null;

    /// <summary>Signed in, neither admin nor allowed to publish.</summary>
    public const string Viewer = "user=bob; roles=viewer";

    /// <summary>In the admin role, without the publish permission.</summary>
    public const string Admin = "user=dee; roles=admin";

    /// <summary>Allowed to publish (the <c>CanPublish</c> policy), not in the admin role.</summary>
    public const string Publisher = "user=cy; roles=editor; perm=publish";

    /// <summary>In the admin role and allowed to publish.</summary>
    public const string AdminPublisher = "user=ada; roles=admin,editor; perm=publish";
}
