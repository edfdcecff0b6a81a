using Paperclip.Gateway.Http;
using Paperclip.Grains;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Grains;

/// <summary>
/// The compare-and-set of record grains: <c>UpdatedAt</c> is the version a writer read, and a
/// replacement based on an older version is refused, so concurrent PATCHes never overwrite each
/// other's changes unseen.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class RecordGrainTests(GrainCluster cluster)
{
    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task ReplaceFromTheCurrentVersionSucceedsAndAStaleOneIsRefused()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var created = await GrainSetup.GoalAsync(Grains, company.Id);
        var grain = Grains.GetGrain<IGoalGrain>(created.Id);

        var first = await grain.ReplaceAsync(created with { Title = "first", UpdatedAt = created.UpdatedAt.AddSeconds(1) }, created.UpdatedAt);
        var stale = await grain.ReplaceAsync(created with { Title = "stale", UpdatedAt = created.UpdatedAt.AddSeconds(2) }, created.UpdatedAt);

        Assert.Equal(ReplyStatus.Ok, first.Status);
        Assert.Equal(ReplyStatus.Conflict, stale.Status);
        Assert.Equal(RecordErrors.StaleVersion, stale.Error);
        Assert.Null(stale.Value);
        Assert.Equal("first", (await grain.GetAsync())!.Title);
    }

    [Fact]
    public async Task ReplaceOfAMissingRecordIsNotFoundWithTheResourceMessage()
    {
        var now = DateTime.UtcNow;
        var reply = await Grains.GetGrain<IProjectGrain>(Guid.NewGuid()).ReplaceAsync(new Project { Name = "x", UpdatedAt = now }, now);

        Assert.Equal(ReplyStatus.NotFound, reply.Status);
        Assert.Equal("Project not found", reply.Error);
    }

    [Fact]
    public async Task SecondCreateOnTheSameKeyIsAConflictAndKeepsTheFirstRecord()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var goal = await GrainSetup.GoalAsync(Grains, company.Id);

        var again = await Grains.GetGrain<IGoalGrain>(goal.Id).CreateAsync(goal with { Title = "replaced?" });

        Assert.Equal(ReplyStatus.Conflict, again.Status);
        Assert.Equal("Record already exists", again.Error);
        Assert.Equal(goal.Title, (await Grains.GetGrain<IGoalGrain>(goal.Id).GetAsync())!.Title);
    }

    [Fact]
    public async Task ReplacementStampedWithTheVersionItReplacesStillMakesThatVersionStale()
    {
        // Two PATCHes within one millisecond carry the same UpdatedAt; the second writer must not
        // pass the check with the version the first one has just replaced.
        var company = await GrainSetup.CompanyAsync(Grains);
        var created = await GrainSetup.GoalAsync(Grains, company.Id);
        var grain = Grains.GetGrain<IGoalGrain>(created.Id);

        var first = await grain.ReplaceAsync(created with { Title = "first" }, created.UpdatedAt);
        var second = await grain.ReplaceAsync(created with { Description = "second" }, created.UpdatedAt);

        Assert.Equal(ReplyStatus.Ok, first.Status);
        Assert.True(first.Value!.UpdatedAt > created.UpdatedAt, $"{first.Value.UpdatedAt:O} is not after {created.UpdatedAt:O}");
        Assert.Equal(ReplyStatus.Conflict, second.Status);
        Assert.Equal(RecordErrors.StaleVersion, second.Error);
        var stored = (await grain.GetAsync())!;
        Assert.Equal("first", stored.Title);
        Assert.Null(stored.Description);
    }

    [Fact]
    public async Task ReplacementStampedBeforeTheStoredVersionNeverBringsAnOldVersionBack()
    {
        // A slow request stamps UpdatedAt when it starts. Storing that earlier time would make the
        // record look like an old version again, and a writer still holding that old version
        // would then overwrite everything written since (ABA).
        var company = await GrainSetup.CompanyAsync(Grains);
        var original = await GrainSetup.GoalAsync(Grains, company.Id);
        var grain = Grains.GetGrain<IGoalGrain>(original.Id);

        var later = await grain.ReplaceAsync(original with { Title = "later", UpdatedAt = original.UpdatedAt.AddSeconds(5) }, original.UpdatedAt);
        var slow = await grain.ReplaceAsync(later.Value! with { Description = "slow", UpdatedAt = original.UpdatedAt }, later.Value!.UpdatedAt);
        var holderOfOriginal = await grain.ReplaceAsync(original with { Title = "lost?", UpdatedAt = original.UpdatedAt.AddSeconds(6) }, original.UpdatedAt);

        Assert.Equal(ReplyStatus.Ok, slow.Status);
        Assert.Equal(original.UpdatedAt.AddSeconds(5).AddMilliseconds(1), slow.Value!.UpdatedAt);
        Assert.Equal(ReplyStatus.Conflict, holderOfOriginal.Status);
        Assert.Equal(RecordErrors.StaleVersion, holderOfOriginal.Error);
        var stored = (await grain.GetAsync())!;
        Assert.Equal("later", stored.Title);
        Assert.Equal("slow", stored.Description);
    }

    [Fact]
    public async Task ConcurrentReadModifyWritesKeepEveryAcknowledgedChange()
    {
        // Twenty PATCHes of one project, each adding its own goal, as the Gateway applies them:
        // read, compute, compare-and-set, retry on a stale version. Every writer stamps the time it
        // started, so many share one millisecond.
        var company = await GrainSetup.CompanyAsync(Grains);
        var project = await GrainSetup.ProjectAsync(Grains, company.Id);
        var grain = Grains.GetGrain<IProjectGrain>(project.Id);
        var goals = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        var replies = await Task.WhenAll(goals.Select(async goal =>
        {
            var now = Clock.Truncate(DateTimeOffset.UtcNow);
            var reply = await RecordUpdates.ApplyAsync(grain, "Project not found",
                current => current with { GoalIds = [.. current.GoalIds, goal], UpdatedAt = now });
            return (Goal: goal, Reply: reply);
        }));

        var acknowledged = replies.Where(r => r.Reply.Status == ReplyStatus.Ok).Select(r => r.Goal).ToHashSet();
        Assert.NotEmpty(acknowledged);
        Assert.All(replies.Where(r => r.Reply.Status != ReplyStatus.Ok), r => Assert.Equal(RecordErrors.StaleVersion, r.Reply.Error));
        var stored = (await grain.GetAsync())!;
        Assert.Equal(acknowledged.Order(), stored.GoalIds.Order());
    }
}
