using Paperclip.Gateway.Auth;

namespace Paperclip.Tests.Auth;

/// <summary>The gateway's refusal of unknown key tokens without a lookup per request (README, Authentication).</summary>
public sealed class UnknownKeysTests
{
    [Fact]
    public void ATokenTheKeyGrainDidNotKnowIsRefusedFromMemoryTheNextTime()
    {
        using var unknown = new UnknownKeys();
        var hash = ApiTokens.Hash(ApiTokens.New(ApiTokens.AgentPrefix));
        Assert.False(unknown.Contains(hash));
        unknown.Add(hash);
        Assert.True(unknown.Contains(hash));
    }

    [Fact]
    public void MillionsOfDistinctTokensNeverGrowTheMemoryBeyondItsCapacity()
    {
        using var unknown = new UnknownKeys();
        for (var i = 0; i < UnknownKeys.Capacity * 3; i++)
        {
            unknown.Add(ApiTokens.Hash(ApiTokens.New(ApiTokens.BoardPrefix)));
        }
        Assert.InRange(unknown.Count, 1, UnknownKeys.Capacity);
    }

    [Theory]
    [InlineData("pcp_")]
    [InlineData("pcb_0123")]
    [InlineData("pcp_0123456789abcdef0123456789abcdef0123456789abcdef0")]
    [InlineData("pcp_0123456789ABCDEF0123456789abcdef0123456789abcdef")]
    [InlineData("pcx_0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("pcb_0123456789abcdef0123456789abcdef0123456789abcdeg")]
    public void OnlyTokensOfTheMintedShapeNameAStoredKey(string token)
    {
        Assert.False(ApiTokens.IsApiKey(token));
        Assert.True(ApiTokens.IsApiKey(ApiTokens.New(ApiTokens.AgentPrefix)));
        Assert.True(ApiTokens.IsApiKey(ApiTokens.New(ApiTokens.BoardPrefix)));
    }
}
