using Orleans.Storage;
using Paperclip.Grains;
using Paperclip.Grains.Storage;

namespace Paperclip.Tests.Grains;

/// <summary>The read a create skips (<see cref="NewGrainHint"/>), and the reads it must not skip.</summary>
public sealed class NewGrainAwareStorageTests
{
    private static readonly GrainId NewIssue = GrainId.Create("issue", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TheGrainItsCallerJustNamedStartsEmptyWithoutARead()
    {
        var rows = new CountingStorage();
        using (NewGrainHint.For(NewIssue))
        {
            await new NewGrainAwareStorage(rows).ReadStateAsync("issue", NewIssue, new GrainState<string>());
        }
        Assert.Equal(0, rows.Reads);
    }

    [Fact]
    public async Task OtherGrainsActivatedOnTheWayAreReadAsUsual()
    {
        var rows = new CountingStorage();
        var storage = new NewGrainAwareStorage(rows);
        using (NewGrainHint.For(NewIssue))
        {
            await storage.ReadStateAsync("company", GrainId.Create("company", NewIssue.Key.ToString()!), new GrainState<string>());
            await storage.ReadStateAsync("issue", GrainId.Create("issue", Guid.NewGuid().ToString("N")), new GrainState<string>());
        }
        Assert.Equal(2, rows.Reads);
    }

    [Fact]
    public async Task TheHintEndsWithItsScope()
    {
        var rows = new CountingStorage();
        using (NewGrainHint.For(NewIssue))
        {
        }
        await new NewGrainAwareStorage(rows).ReadStateAsync("issue", NewIssue, new GrainState<string>());
        Assert.Equal(1, rows.Reads);
    }

    private sealed class CountingStorage : IGrainStorage
    {
        public int Reads { get; private set; }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Reads++;
            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }
}
