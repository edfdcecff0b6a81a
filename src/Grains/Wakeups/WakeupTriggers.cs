using Microsoft.Extensions.Logging;

namespace Paperclip.Grains.Wakeups;

/// <summary>
/// Records the wakeups an issue change causes (reference §6.3). Called by the issue grain after its
/// state is committed and before it replies, so an acknowledged change's wakeups are durable rows
/// (at worst a crash between the two loses the wakeups of a change the caller never saw succeed).
/// Recording never fails the change: it is committed already, and a client retrying it would
/// apply it twice; a wakeup that cannot be stored is logged instead.
/// </summary>
public sealed class WakeupTriggers(IGrainFactory grains, WakeupStore store, TimeProvider time, ILogger<WakeupTriggers> logger)
{
    public Task ForCreateAsync(Issue created, Actor actor) =>
        RecordAsync(created, actor, WakeupPlan.ForCreate(created), []);

    /// <summary>
    /// An issue PATCH: <paramref name="before"/> as it was, <paramref name="after"/> as stored. A
    /// PATCH that also added a comment passes it as <paramref name="comment"/> (id, body, whether it
    /// reopened the issue): its wakes are those of <see cref="ForCommentAsync"/>, merged after the
    /// update's, so an agent both assigned and mentioned is woken once, for the assignment.
    /// </summary>
    public async Task ForUpdateAsync(Issue before, Issue after, IssueChanges changes, Actor actor, (Guid Id, string Body, bool Reopened)? comment = null)
    {
        var intents = WakeupPlan.ForUpdate(before, after, statusSent: changes.Status is not null);
        if (comment is not { } added)
        {
            await RecordAsync(after, actor, intents, []);
            return;
        }
        var (companyAgents, mentioned) = await FindMentionsAsync(after, added.Id, added.Body, actor);
        await RecordAsync(after, actor, intents.Concat(WakeupPlan.ForComment(after, added.Id, added.Reopened, mentioned)), companyAgents);
    }

    /// <summary>A successful (not idempotent) checkout, <paramref name="checkedOut"/> as stored.</summary>
    public Task ForCheckoutAsync(Issue checkedOut, Actor actor) =>
        RecordAsync(checkedOut, actor, WakeupPlan.ForCheckout(checkedOut), []);

    /// <summary>
    /// A comment was added to <paramref name="issue"/> (as stored after the comment, so after any
    /// reopen) by <paramref name="author"/>: wakes the agent assignee (<c>issue_commented</c>, or
    /// <c>issue_reopened_via_comment</c> when <paramref name="reopened"/>) unless the author is that
    /// agent or the issue is closed, then every agent of the company that <paramref name="body"/>
    /// mentions (<c>issue_comment_mentioned</c>), other than the author, even while another run
    /// holds the issue. One wakeup per agent, the first reason winning.
    /// </summary>
    public async Task ForCommentAsync(Issue issue, Guid commentId, string body, Actor author, bool reopened)
    {
        var (companyAgents, mentioned) = await FindMentionsAsync(issue, commentId, body, author);
        await RecordAsync(issue, author, WakeupPlan.ForComment(issue, commentId, reopened, mentioned), companyAgents);
    }

    /// <summary>The company's agents (when the body could mention any) and the ones it mentions.</summary>
    private async Task<(IReadOnlyList<Agent> CompanyAgents, IReadOnlyList<Guid> Mentioned)> FindMentionsAsync(
        Issue issue, Guid commentId, string body, Actor author)
    {
        // Only a body that could mention someone costs a read of the company's agents.
        if (!body.Contains('@') && !body.Contains("agent://", StringComparison.Ordinal))
        {
            return ([], []);
        }
        try
        {
            var companyAgents = await grains.GetGrain<IQueryGrain>(0).ListAgentsAsync(issue.CompanyId);
            return (companyAgents, Mentions.Find(body, companyAgents, author.AgentId));
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not resolve the mentions of comment {CommentId}; only the assignee is woken", commentId);
            return ([], []);
        }
    }

    private async Task RecordAsync(Issue issue, Actor actor, IEnumerable<WakeIntent> intents, IReadOnlyList<Agent> knownAgents)
    {
        var merged = WakeupPlan.Merge(intents, actor);
        if (merged.Count == 0)
        {
            return;
        }
        try
        {
            var now = time.UtcNow();
            var requests = new List<WakeupRequest>();
            foreach (var intent in merged)
            {
                var agent = knownAgents.FirstOrDefault(known => known.Id == intent.AgentId)
                    ?? await grains.GetGrain<IAgentGrain>(intent.AgentId).GetAsync();
                if (agent is null || agent.CompanyId != issue.CompanyId)
                {
                    continue;
                }
                requests.Add(WakeupAddressing.For(agent, WakeupAddressing.New(actor, issue.CompanyId, agent.Id, now) with
                {
                    Source = intent.Source,
                    Reason = intent.Reason,
                    IssueId = intent.IssueId,
                    CommentId = intent.CommentId,
                    PayloadJson = intent.PayloadJson,
                }));
            }
            await store.InsertAsync(requests);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not record the wakeups of issue {IssueId}", issue.Id);
        }
    }
}
