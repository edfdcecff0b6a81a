using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Paperclip.Tests.Infrastructure;

/// <summary>
/// The system in <c>authenticated</c> mode: no anonymous board, a bootstrap board key, and agent
/// JWTs signed with a known secret so tests can mint good and bad tokens.
/// </summary>
public sealed class AuthenticatedCluster : ApiCluster
{
    /// <summary>
    /// Shaped like a minted board key (<c>pcb_</c> + 48 hex), as an operator following the README
    /// would choose it: such a token must be compared with the bootstrap secret, not only looked
    /// up among minted keys (which once locked the operator out). Other shapes: BearerAuthenticatorTests.
    /// </summary>
    public const string BoardKey = "pcb_b00757a9b0a4d0e5ec4e70c0de5ec4e70c0de5ec4e70c0de";
    public const string JwtSecret = "jwt-secret-for-tests-0123456789-abcdefghijklmnop";

    protected override IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["PAPERCLIP_DEPLOYMENT_MODE"] = "authenticated",
        ["PAPERCLIP_BOARD_API_KEY"] = BoardKey,
        ["PAPERCLIP_AGENT_JWT_SECRET"] = JwtSecret,
    };

    /// <summary>An HS256 agent JWT; every part can be spoiled to test a refusal.</summary>
    public static string Jwt(Guid agentId, Guid companyId, string? runId = "run-1", string secret = JwtSecret,
        string? issuer = "paperclip", string? audience = "paperclip-api", TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        var claims = new Dictionary<string, object>
        {
            ["sub"] = agentId.ToString(),
            ["company_id"] = companyId.ToString(),
            ["adapter_type"] = "process",
        };
        if (runId is not null)
        {
            claims["run_id"] = runId;
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires < now ? expires.AddMinutes(-1) : now,
            NotBefore = expires < now ? expires.AddMinutes(-1) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}

[CollectionDefinition(Name)]
public sealed class AuthenticatedCollection : ICollectionFixture<AuthenticatedCluster>
{
    public const string Name = "authenticated";
}
