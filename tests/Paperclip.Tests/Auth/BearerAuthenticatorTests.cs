using Paperclip.Gateway;
using Paperclip.Gateway.Auth;
using Paperclip.Grains;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Auth;

/// <summary>
/// The operator's bootstrap board key is whatever secret <c>PAPERCLIP_BOARD_API_KEY</c> holds
/// (README, Authentication): it is compared (as hashes, in constant time) before the token is read
/// as anything else, so a secret shaped like a minted key, an agent key or a JWT is still the board.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class BearerAuthenticatorTests(GrainCluster cluster)
{
    private const string BoardShaped = "pcb_0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData(BoardShaped)]
    [InlineData("pcp_0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("header.payload.signature")]
    [InlineData("a long random operator secret, any shape at all")]
    public async Task AnySecretIsTheBoardWhenItIsTheBootstrapKey(string secret)
    {
        using var unknownKeys = new UnknownKeys();

        var actor = await Authenticator(secret, unknownKeys).AuthenticateAsync(secret, runId: "run-7");

        Assert.Equal(new Actor(ActorType.Board, BearerAuthenticator.BoardKeyUserId, null, null, "run-7", "board_key", true), actor);
    }

    [Fact]
    public async Task ATokenOfTheBoardKeyShapeThatIsNeitherTheBootstrapKeyNorMintedIsRefused()
    {
        using var unknownKeys = new UnknownKeys();
        var authenticator = Authenticator(BoardShaped, unknownKeys);
        var other = ApiTokens.New(ApiTokens.BoardPrefix);

        Assert.Null(await authenticator.AuthenticateAsync(other, runId: null));
        Assert.True(unknownKeys.Contains(ApiTokens.Hash(other)));
        Assert.Null(await authenticator.AuthenticateAsync(other, runId: null));
    }

    private BearerAuthenticator Authenticator(string bootstrapKey, UnknownKeys unknownKeys)
    {
        var settings = new GatewaySettings
        {
            DeploymentMode = DeploymentModes.Authenticated,
            BootstrapBoardKeyHash = ApiTokens.Hash(bootstrapKey),
            JwtSecret = "jwt-secret-for-tests-0123456789-abcdefghijklmnop"u8.ToArray(),
        };
        return new BearerAuthenticator(cluster.Grains, settings, new AgentJwt(settings), unknownKeys);
    }
}
