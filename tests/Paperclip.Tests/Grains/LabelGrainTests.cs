using Paperclip.Grains;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Grains;

/// <summary>Label names are unique per company, case-insensitively, whichever silo the racers run on.</summary>
[Collection(GrainCollection.Name)]
public sealed class LabelGrainTests(GrainCluster cluster)
{
    private const string NameTaken = "Label name already exists in this company";

    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task TenConcurrentCreatesOfOneNameHaveExactlyOneWinner()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        string[] spellings = ["bug", "Bug", "BUG", "bUg", "buG", "BUg", "bUG", "BuG", "bug", "Bug"];

        var replies = await Task.WhenAll(spellings.Select(name => GrainSetup.TryLabelAsync(Grains, company.Id, name)));

        Assert.Single(replies, r => r.Status == ReplyStatus.Created);
        var losers = replies.Where(r => r.Status != ReplyStatus.Created).ToList();
        Assert.Equal(9, losers.Count);
        Assert.All(losers, r => Assert.Equal((ReplyStatus.Conflict, NameTaken), (r.Status, r.Error)));
        Assert.Single(await Grains.GetGrain<IQueryGrain>(0).ListLabelsAsync(company.Id));
    }

    [Fact]
    public async Task TheSameNameIsFreeInAnotherCompany()
    {
        var first = await GrainSetup.CompanyAsync(Grains);
        var second = await GrainSetup.CompanyAsync(Grains);
        await GrainSetup.LabelAsync(Grains, first.Id, "shared");

        var reply = await GrainSetup.TryLabelAsync(Grains, second.Id, "Shared");

        Assert.Equal(ReplyStatus.Created, reply.Status);
    }

    [Fact]
    public async Task RenameToATakenNameIsAConflictAndKeepsTheOldName()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        await GrainSetup.LabelAsync(Grains, company.Id, "taken");
        var label = await GrainSetup.LabelAsync(Grains, company.Id, "mine");
        var grain = Grains.GetGrain<ILabelGrain>(label.Id);

        var rename = await grain.ReplaceAsync(label with { Name = "TAKEN" }, label.UpdatedAt);

        Assert.Equal((ReplyStatus.Conflict, NameTaken), (rename.Status, rename.Error));
        Assert.Equal("mine", (await grain.GetAsync())!.Name);
        Assert.Equal(ReplyStatus.Conflict, (await GrainSetup.TryLabelAsync(Grains, company.Id, "mine")).Status);
    }

    [Fact]
    public async Task RenameFreesTheOldNameAndDeleteFreesTheNewOne()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var label = await GrainSetup.LabelAsync(Grains, company.Id, "before");
        var grain = Grains.GetGrain<ILabelGrain>(label.Id);

        var renamed = await grain.ReplaceAsync(label with { Name = "after" }, label.UpdatedAt);
        var reuseOld = await GrainSetup.TryLabelAsync(Grains, company.Id, "before");
        var deleted = await grain.DeleteAsync();
        var reuseNew = await GrainSetup.TryLabelAsync(Grains, company.Id, "after");

        Assert.Equal(ReplyStatus.Ok, renamed.Status);
        Assert.Equal(ReplyStatus.Created, reuseOld.Status);
        Assert.Equal("after", deleted!.Name);
        Assert.Equal(ReplyStatus.Created, reuseNew.Status);
        Assert.Null(await grain.GetAsync());
        Assert.Null(await grain.DeleteAsync());
    }
}
