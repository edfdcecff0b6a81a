using System.Security.Cryptography;
using System.Text;

namespace Paperclip.Gateway.Auth;

/// <summary>API key tokens: <c>pcp_</c> (agent) or <c>pcb_</c> (board) + 48 hex characters, stored only as SHA-256.</summary>
public static class ApiTokens
{
    public const string AgentPrefix = "pcp_";
    public const string BoardPrefix = "pcb_";

    public static string New(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares two hashes in constant time, so timing reveals nothing about a secret.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
