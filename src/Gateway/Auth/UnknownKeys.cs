using Microsoft.Extensions.Caching.Memory;

namespace Paperclip.Gateway.Auth;

/// <summary>
/// Hashes of well-formed key tokens that named no usable key (never registered, or revoked),
/// remembered for a minute so a client repeating a bad token is answered 401 from memory instead
/// of reaching the key grain and PostgreSQL each time. At most <see cref="Capacity"/> entries:
/// an attacker sending millions of distinct tokens fills it and is then simply looked up again.
/// <para>
/// Why an entry can never hide a good key: only the key grain's "no such key" or "revoked" is
/// remembered, never a success, so a revocation still takes effect at once on every gateway. A
/// revoked key never becomes valid again. A key is registered under the hash of a token the
/// server has just drawn from 192 random bits, before anyone sees that token; a remembered hash
/// could be that of a later key only if someone had guessed its token in advance. Keys that exist
/// but are refused for their agent's status (awaiting approval, terminated) are not remembered,
/// because that status can change.
/// </para>
/// </summary>
public sealed class UnknownKeys : IDisposable
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    // Size 1 per entry: with SizeLimit the cache refuses an entry beyond the limit and compacts.
    private readonly MemoryCache _hashes = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public int Count => _hashes.Count;

    public bool Contains(string keyHash) => _hashes.TryGetValue(keyHash, out _);

    public void Add(string keyHash) =>
        _hashes.Set(keyHash, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Dispose() => _hashes.Dispose();
}
