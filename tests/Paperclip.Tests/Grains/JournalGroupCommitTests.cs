using Npgsql;
using Paperclip.Grains;
using Paperclip.Grains.Journal;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Grains;

/// <summary>
/// The journal's group commit (<see cref="JournalWriter"/>): concurrent appends of one company go
/// together, every one is committed before its task completes, in <c>seq</c> order, and one bad
/// append fails alone.
/// </summary>
public sealed class JournalGroupCommitTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task ConcurrentAppendsOfOneCompanyAreAllCommittedWhenTheirTasksComplete()
    {
        var journal = new JournalWriter(_dataSource);
        var company = Guid.NewGuid();
        var entries = Enumerable.Range(0, 300).Select(i => Entry(company, $"issue.test_{i}")).ToList();

        await Task.WhenAll(entries.Select(entry => Task.Run(() => journal.AppendAsync(null, [entry]))));

        Assert.Equal(300L, await _database.ScalarAsync("SELECT count(*) FROM activity_log WHERE company_id = @c", ("c", company)));
        // Fewer transactions than appends: they were grouped (each transaction draws one xid).
        var transactions = (long)(await _database.ScalarAsync("SELECT count(DISTINCT xmin::text) FROM activity_log WHERE company_id = @c", ("c", company)))!;
        Assert.InRange(transactions, 1, 299);
    }

    [Fact]
    public async Task AnAppendThatCannotBeStoredFailsAloneAndTheOthersOfItsBatchAreCommitted()
    {
        var journal = new JournalWriter(_dataSource);
        var company = Guid.NewGuid();
        var taken = Entry(company, "issue.first");
        await journal.AppendAsync(null, [taken]);
        // Held back so the next appends queue up behind one commit and go as one batch.
        await using var blocker = await _dataSource.OpenConnectionAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(1633907830, hashtext(@c))", blocker, hold))
        {
            lockCommand.Parameters.AddWithValue("c", company.ToString());
            await lockCommand.ExecuteNonQueryAsync();
        }
        var first = journal.AppendAsync(null, [Entry(company, "issue.waiting")]);
        await Task.Delay(200);
        var good = Enumerable.Range(0, 20).Select(i => journal.AppendAsync(null, [Entry(company, $"issue.good_{i}")])).ToList();
        var duplicate = journal.AppendAsync(null, [taken with { Action = "issue.duplicate" }]);
        await Task.Delay(200);
        await hold.RollbackAsync();

        await first;
        await Task.WhenAll(good);
        await Assert.ThrowsAsync<PostgresException>(() => duplicate);
        Assert.Equal(22L, await _database.ScalarAsync("SELECT count(*) FROM activity_log WHERE company_id = @c", ("c", company)));
    }

    private static ActivityEntry Entry(Guid company, string action) =>
        Activities.Of(Actor.LocalBoard(null), company, action, "issue", Guid.NewGuid(), null, DateTime.UtcNow);
}
