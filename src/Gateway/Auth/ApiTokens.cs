using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Paperclip.Gateway.Auth;

/// <summary>API key tokens: <c>pcp_</c> (agent) or <c>pcb_</c> (board) + 48 hex characters, stored only as SHA-256.</summary>
public static class ApiTokens
{
    public const string AgentPrefix = "pcp_";
    public const string BoardPrefix = "pcb_";

    private const int SecretBytes = 24;
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public static string New(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>
    /// Whether the token has exactly the shape <see cref="New"/> makes: only such a token can name
    /// a stored key, so anything else is refused without a lookup.
    /// </summary>
    public static bool IsApiKey(string token) =>
        token.Length == AgentPrefix.Length + (SecretBytes * 2)
        && (token.StartsWith(AgentPrefix, StringComparison.Ordinal) || token.StartsWith(BoardPrefix, StringComparison.Ordinal))
        && !token.AsSpan(AgentPrefix.Length).ContainsAnyExcept(LowerHex);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares two hashes in constant time, so timing reveals nothing about a secret.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
