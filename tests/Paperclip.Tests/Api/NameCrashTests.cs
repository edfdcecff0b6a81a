using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// A process killed (SIGKILL) while it creates a label or a company: after it decided the name was
/// free and before the record was stored. The name must not stay taken by a record that never
/// came to be; a stored record's name must still refuse duplicates.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NameCrashTests(ApiCluster cluster)
{
    private const string NameTaken = "Label name already exists in this company";

    [Fact]
    public async Task ALabelNameIsFreeAgainWhenItsCreatorDiedBeforeStoringTheLabel()
    {
        var company = await Setup.CompanyAsync(cluster.Api);
        var path = $"/api/companies/{company}/labels";

        await CrashWhileCreatingAsync(doomed => doomed.PostAsync(path, new { name = "Crash", color = "#336699" }));
        var created = await cluster.Api.PostAsync(path, new { name = "crash", color = "#336699" });
        var duplicate = await cluster.ApiB.PostAsync(path, new { name = "CRASH", color = "#336699" });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal((HttpStatusCode.Conflict, NameTaken), (duplicate.Status, duplicate.Error));
        Assert.Equal(["crash"], (await cluster.ApiB.GetAsync(path)).Body.Column("name"));
    }

    [Fact]
    public async Task AnIssuePrefixIsFreeAgainWhenItsCompanyDiedBeforeBeingStored()
    {
        var stem = UniqueStems.Next();

        await CrashWhileCreatingAsync(doomed => doomed.PostAsync("/api/companies", new { name = $"{stem} crashed" }));
        var first = await cluster.Api.PostAsync("/api/companies", new { name = $"{stem} works" });
        var second = await cluster.ApiB.PostAsync("/api/companies", new { name = $"{stem} works too" });

        Assert.Equal((HttpStatusCode.Created, stem), (first.Status, first.Str("issuePrefix")));
        Assert.Equal((HttpStatusCode.Created, stem + "A"), (second.Status, second.Str("issuePrefix")));
    }

    /// <summary>
    /// Sends <paramref name="create"/> through a silo that forms a cluster of its own on the same
    /// database (so every grain the request reaches runs in that process), holds its state write
    /// at the database's door, kills the process there, and cuts the write it left waiting.
    /// </summary>
    private async Task CrashWhileCreatingAsync(Func<ApiClient, Task<ApiResponse>> create)
    {
        await using var doomed = SiloProcess.Start(cluster.Database.Url, $"doomed-{Guid.NewGuid():N}", "doomed", withHttp: true);
        await doomed.WaitForHttpAsync(TimeSpan.FromSeconds(90));
        await using var gate = await StateWriteGate.CloseAsync(cluster.Database);
        var request = create(ApiClient.For(doomed));
        await gate.WaitForWriterAsync();
        await doomed.KillAsync();
        await gate.CutWritersAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => request);
    }
}
