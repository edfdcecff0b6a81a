using Paperclip.Grains;
using Paperclip.Grains.Wakeups;

namespace Paperclip.Tests.Grains;

/// <summary>The mention parser (reference §6.1, CONTRACT §5): <c>@Name</c> tokens and <c>agent://</c> links.</summary>
public sealed class MentionsTests
{
    private static readonly Agent Ada = NewAgent("Ada");
    private static readonly Agent Bob = NewAgent("bob-the_builder");
    private static readonly Agent Spaced = NewAgent("Grace Hopper");
    private static readonly IReadOnlyList<Agent> Company = [Ada, Bob, Spaced];

    private static IReadOnlyList<Guid> Find(string body, Guid? author = null) => Mentions.Find(body, Company, author);

    [Fact]
    public void ANameIsMatchedCaseInsensitively() => Assert.Equal([Ada.Id], Find("Hi @ADA, please look"));

    [Fact]
    public void HyphensAndUnderscoresBelongToTheName() => Assert.Equal([Bob.Id], Find("@Bob-The_Builder can you?"));

    [Theory]
    [InlineData("@ada.")]
    [InlineData("@ada,")]
    [InlineData("@ada!")]
    [InlineData("@ada?")]
    [InlineData("(@ada)")]
    [InlineData("@ada:")]
    [InlineData("@ada;")]
    [InlineData("\"@ada\"")]
    public void TrailingPunctuationEndsTheToken(string body) => Assert.Equal([Ada.Id], Find(body));

    [Theory]
    [InlineData("mail me@ada.com")]
    [InlineData("write to ada@example.com")]
    [InlineData("x@ada")]
    [InlineData("_@ada")]
    public void AnAtSignAfterAWordCharacterIsNoMention(string body) => Assert.Empty(Find(body));

    [Theory]
    [InlineData("@adam")]
    [InlineData("@ad")]
    [InlineData("@ ada")]
    [InlineData("ada")]
    public void OnlyTheWholeNameMatches(string body) => Assert.Empty(Find(body));

    [Fact]
    public void ANameWithASpaceCannotBeMentionedByName() => Assert.Empty(Find("@Grace Hopper and @Grace"));

    [Fact]
    public void AMentionAtTheStartOrAfterALineBreakCounts() => Assert.Equal([Ada.Id, Bob.Id], Find("@ada\n@bob-the_builder"));

    [Fact]
    public void AnAgentLinkMentionsThatAgent() =>
        Assert.Equal([Spaced.Id], Find($"cc [Grace](agent://{Spaced.Id})"));

    [Fact]
    public void AnAgentLinkMayCarryMoreAfterTheId() =>
        Assert.Equal([Spaced.Id], Find($"[g](agent://{Spaced.Id.ToString().ToUpperInvariant()}?tab=runs)"));

    [Fact]
    public void ALinkToAnotherCompanysAgentMentionsNobody() =>
        Assert.Empty(Find($"[stranger](agent://{Guid.NewGuid()})"));

    [Theory]
    [InlineData("agent://not-a-uuid")]
    [InlineData("https://example.com")]
    public void OtherLinksMentionNobody(string target) => Assert.Empty(Find($"[x]({target})"));

    [Fact]
    public void EachAgentIsMentionedOnceInOrderOfFirstMention() =>
        Assert.Equal([Bob.Id, Ada.Id], Find($"@bob-the_builder then [Ada](agent://{Ada.Id}) and @ada and @BOB-THE_BUILDER"));

    [Fact]
    public void TheAuthorIsNeverMentioned() =>
        Assert.Equal([Bob.Id], Find($"@ada [me](agent://{Ada.Id}) @bob-the_builder", author: Ada.Id));

    [Fact]
    public void AgentsSharingANameAreAllMentioned()
    {
        var twin = NewAgent("ada");
        Assert.Equal([Ada.Id, twin.Id], Mentions.Find("@Ada", [Ada, twin], null));
    }

    [Fact]
    public void ABodyWithoutMentionsMentionsNobody() => Assert.Empty(Find("Nothing to see here."));

    private static Agent NewAgent(string name) => new() { Id = Guid.NewGuid(), CompanyId = Guid.Empty, Name = name };
}
