using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Paperclip.Gateway.Auth;

/// <summary>The claims of a verified agent JWT that the API uses.</summary>
public sealed record AgentJwtClaims(Guid AgentId, Guid CompanyId, string AdapterType, string RunId);

/// <summary>
/// Verifies agent JWTs (HS256) with the framework's handler: signature, expiry, the required claims
/// <c>sub, company_id, adapter_type, run_id, iat, exp</c>, and <c>iss</c>/<c>aud</c> when present.
/// </summary>
public sealed class AgentJwt(GatewaySettings settings)
{
    private readonly JsonWebTokenHandler _handler = new();

    public bool Enabled => settings.JwtSecret is not null;

    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;

    public async Task<AgentJwtClaims?> VerifyAsync(string token)
    {
        if (settings.JwtSecret is null)
        {
            return null;
        }
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(settings.JwtSecret),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            // iss and aud are optional claims: checked below only when the token carries them.
            ValidateIssuer = false,
            ValidateAudience = false,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }
        if (jwt.TryGetPayloadValue<string>("iss", out var issuer) && issuer != settings.JwtIssuer)
        {
            return null;
        }
        if (jwt.Audiences.Any() && !jwt.Audiences.Contains(settings.JwtAudience))
        {
            return null;
        }
        return jwt.TryGetPayloadValue<string>("sub", out var sub) && Guid.TryParse(sub, out var agentId)
            && jwt.TryGetPayloadValue<string>("company_id", out var company) && Guid.TryParse(company, out var companyId)
            && jwt.TryGetPayloadValue<string>("adapter_type", out var adapterType)
            && jwt.TryGetPayloadValue<string>("run_id", out var runId) && !string.IsNullOrEmpty(runId)
            && jwt.TryGetPayloadValue<long>("iat", out _)
            ? new AgentJwtClaims(agentId, companyId, adapterType, runId)
            : null;
    }
}
