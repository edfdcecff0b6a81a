namespace Paperclip.Grains;

/// <summary>
/// One API key, keyed by <see cref="KeyFor"/> of its token's SHA-256, so authenticating a request
/// is one call to an in-memory activation, and a revocation (through the same single activation)
/// takes effect for the very next request on every gateway.
/// </summary>
[Alias("paperclip.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>The grain key of a token hash. Prefixed so Orleans never reads it as a hex number.</summary>
    static string KeyFor(string keyHash) => "key-" + keyHash;

    /// <summary>Stores a new key (logging <c>agent.key_created</c> for an agent key). Conflict if this hash is already registered.</summary>
    [Alias("register")]
    Task<Reply<ApiKey>> RegisterAsync(ApiKey key, Actor actor);

    /// <summary>The key if it exists and is not revoked (recording its use), else <c>null</c>.</summary>
    [SafeToRepeat, Alias("authenticate")]
    Task<ApiKey?> AuthenticateAsync();

    /// <summary>Revokes the key (logging <c>agent.key_revoked</c> for an agent key); the revoked key, or <c>null</c> when it never existed.</summary>
    [Alias("revoke")]
    Task<ApiKey?> RevokeAsync(Actor actor);
}
