using System.Text.RegularExpressions;

namespace Paperclip.Grains.Wakeups;

/// <summary>
/// Finds the agents a comment mentions (reference §6.1, CONTRACT §5): <c>@Name</c> and markdown
/// links <c>[label](agent://{agentId})</c>. Both forms are honoured (the baseline wakes on names,
/// the newest reference only on links; de-duplicated, supporting both is harmless, §15.9).
/// </summary>
public static partial class Mentions
{
    /// <summary>
    /// The mentioned agents of <paramref name="companyAgents"/> (the comment's company: a link to
    /// another company's agent names nobody), in order of first mention, each once, never the author.
    /// </summary>
    public static IReadOnlyList<Guid> Find(string body, IReadOnlyList<Agent> companyAgents, Guid? authorAgentId)
    {
        var found = new List<(int Position, Guid AgentId)>();
        foreach (Match link in AgentLink().Matches(body))
        {
            var id = Guid.Parse(link.Groups["id"].ValueSpan);
            found.AddRange(companyAgents.Where(agent => agent.Id == id).Select(agent => (link.Index, agent.Id)));
        }
        foreach (Match name in NameToken().Matches(body))
        {
            var token = name.Groups["name"].Value;
            found.AddRange(companyAgents
                .Where(agent => string.Equals(agent.Name, token, StringComparison.OrdinalIgnoreCase))
                .Select(agent => (name.Index, agent.Id)));
        }
        return [.. found.OrderBy(mention => mention.Position).Select(mention => mention.AgentId)
            .Where(id => id != authorAgentId).Distinct()];
    }

    /// <summary>
    /// <c>@</c> not preceded by a word character (so <c>me@example.com</c> is no mention), then one
    /// token: whitespace, another <c>@</c> or punctuation ends it, so <c>@Bob,</c> and <c>(@Bob)</c>
    /// name Bob and only names without spaces can be mentioned. Hyphens and underscores belong to names.
    /// </summary>
    [GeneratedRegex("""(?<!\w)@(?<name>[^\s@,!?.;:()\[\]{}<>"'`]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex NameToken();

    /// <summary>A markdown link whose target is <c>agent://</c> and a UUID (anything may follow the id, as in the reference).</summary>
    [GeneratedRegex("""\[[^\]]*\]\(agent://(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})[^)\s]*\)""",
        RegexOptions.CultureInvariant)]
    private static partial Regex AgentLink();
}
