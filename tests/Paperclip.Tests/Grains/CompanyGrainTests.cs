using Paperclip.Grains;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Grains;

/// <summary>
/// Issue numbers come from the company grain: consecutive, never reused, and (after a graceful
/// deactivation) continuing without a gap. Prefixes are unique across companies.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class CompanyGrainTests(GrainCluster cluster)
{
    private IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task IssueNumbersStartAtOneAndCarryTheCompanyPrefix()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var grain = Grains.GetGrain<ICompanyGrain>(company.Id);

        var numbers = new List<IssueNumber>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add((await grain.AllocateIssueNumberAsync())!);
        }

        Assert.Equal(
            [new IssueNumber(1, $"{company.IssuePrefix}-1"), new IssueNumber(2, $"{company.IssuePrefix}-2"), new IssueNumber(3, $"{company.IssuePrefix}-3")],
            numbers);
        Assert.Equal(3, (await grain.GetAsync())!.IssueCounter);
    }

    [Fact]
    public async Task HundredConcurrentAllocationsGetHundredDistinctConsecutiveNumbers()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var grain = Grains.GetGrain<ICompanyGrain>(company.Id);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => grain.AllocateIssueNumberAsync()));
        var next = await grain.AllocateIssueNumberAsync();

        Assert.Equal(Enumerable.Range(1, 100), numbers.Select(n => n!.Number).Order());
        Assert.Equal(100, numbers.Select(n => n!.Identifier).Distinct().Count());
        Assert.Equal(101, next!.Number);
    }

    [Fact]
    public async Task NumbersContinueWithoutAGapAfterTheGrainIsDeactivated()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var grain = Grains.GetGrain<ICompanyGrain>(company.Id);
        await grain.AllocateIssueNumberAsync();
        await grain.AllocateIssueNumberAsync();
        await grain.AllocateIssueNumberAsync();

        await cluster.Cluster.DeactivateAsync(grain);

        Assert.Equal(3, (await grain.GetAsync())!.IssueCounter);
        Assert.Equal(new IssueNumber(4, $"{company.IssuePrefix}-4"), await grain.AllocateIssueNumberAsync());
    }

    [Fact]
    public async Task NumbersNeverRepeatAcrossRepeatedDeactivations()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var grain = Grains.GetGrain<ICompanyGrain>(company.Id);
        var handedOut = new List<int>();

        for (var round = 0; round < 5; round++)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, 7).Select(_ => grain.AllocateIssueNumberAsync()));
            handedOut.AddRange(batch.Select(n => n!.Number));
            await cluster.Cluster.DeactivateAsync(grain);
        }

        Assert.Equal(Enumerable.Range(1, 35), handedOut.Order());
    }

    [Fact]
    public async Task StoredCounterIsNeverBelowANumberAlreadyHandedOut()
    {
        // What a silo crash would restart from: if the stored counter ever lagged behind, the next
        // activation would hand out a number twice.
        var company = await GrainSetup.CompanyAsync(Grains);
        var grain = Grains.GetGrain<ICompanyGrain>(company.Id);

        for (var i = 1; i <= 120; i++)
        {
            var number = (await grain.AllocateIssueNumberAsync())!.Number;
            var stored = await cluster.Database.ScalarAsync(
                "SELECT (payload->>'issueCounter')::int FROM grain_state WHERE state_name = 'company' AND payload->>'id' = @id",
                ("id", company.Id.ToString()));
            Assert.Equal(i, number);
            Assert.True((int)stored! >= number, $"stored counter {stored} is below handed-out number {number}");
        }
    }

    [Fact]
    public async Task AllocationForACompanyThatDoesNotExistIsNull()
    {
        Assert.Null(await Grains.GetGrain<ICompanyGrain>(Guid.NewGuid()).AllocateIssueNumberAsync());
    }

    [Fact]
    public async Task ReplacementCannotChangeThePrefixOrTheCounter()
    {
        var company = await GrainSetup.CompanyAsync(Grains);
        var grain = Grains.GetGrain<ICompanyGrain>(company.Id);
        await grain.AllocateIssueNumberAsync();
        var current = (await grain.GetAsync())!;

        var reply = await grain.ReplaceAsync(current with { Name = "Renamed", IssuePrefix = "HACK", IssueCounter = 0 }, current.UpdatedAt);

        Assert.Equal(ReplyStatus.Ok, reply.Status);
        Assert.Equal("Renamed", reply.Value!.Name);
        Assert.Equal(company.IssuePrefix, reply.Value.IssuePrefix);
        Assert.Equal(1, reply.Value.IssueCounter);
        Assert.Equal($"{company.IssuePrefix}-2", (await grain.AllocateIssueNumberAsync())!.Identifier);
    }

    [Fact]
    public async Task TenConcurrentCompaniesWithOneNameGetTenDistinctPrefixes()
    {
        var stem = UniqueStems.Next();

        var companies = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => GrainSetup.CompanyAsync(Grains, $"{stem.ToLowerInvariant()} works")));

        Assert.Equal(
            Enumerable.Range(0, 10).Select(n => stem + new string('A', n)),
            companies.Select(c => c.IssuePrefix).Order(StringComparer.Ordinal));
    }
}
