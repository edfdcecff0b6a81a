using Orleans.Runtime;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Records;

/// <summary>
/// A company. Issue numbers are handed out from a block reserved in state, so most creates cost
/// no storage write: the stored <c>issueCounter</c> is the end of the reserved block, a crash can
/// only skip numbers (never reuse one), and a graceful deactivation gives the unused rest back.
/// Callers always see the last number actually handed out.
/// </summary>
[GrainType("company")]
public sealed class CompanyGrain(
    [PersistentState(StorageNames.Company, StorageNames.GrainStorage)] IPersistentState<Company> state,
    TakenNames takenNames)
    : RecordGrain<Company>(state), ICompanyGrain
{
    private const int NumberBlockSize = 100;

    /// <summary>The last number handed out (numbers above it, up to the stored counter, are reserved and free).</summary>
    private int _lastIssued;

    /// <summary>
    /// The default goal as last looked up, valid while <see cref="_defaultGoalKnown"/>. Every issue
    /// create (and PATCH) needs it; asking PostgreSQL each time cost a query per create that
    /// PostgreSQL planned afresh every time (its generic plan looked dearer than custom ones).
    /// </summary>
    private Guid? _defaultGoalId;

    private bool _defaultGoalKnown;

    protected override string NotFoundMessage => "Company not found";

    protected override Company WithUpdatedAt(Company record, DateTime updatedAt) => record with { UpdatedAt = updatedAt };

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Start after the reserved block: numbers of a block reserved by a crashed activation are skipped.
        _lastIssued = State.State.IssueCounter;
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (Exists && State.State.IssueCounter > _lastIssued)
        {
            State.State = State.State with { IssueCounter = _lastIssued };
            await State.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<IssueNumber?> AllocateIssueNumberAsync()
    {
        if (!Exists)
        {
            return null;
        }
        if (_lastIssued >= State.State.IssueCounter)
        {
            // Reserve durably before handing out: after a crash the next activation starts above this block.
            State.State = State.State with { IssueCounter = _lastIssued + NumberBlockSize };
            await State.WriteStateAsync();
        }
        _lastIssued++;
        return new IssueNumber(_lastIssued, $"{State.State.IssuePrefix}-{_lastIssued}");
    }


    public async Task<Guid?> GetDefaultGoalIdAsync()
    {
        // Not reentrant: a GoalsChangedAsync sent while this lookup runs is handled after it, so
        // a lookup that raced a goal write is always forgotten again.
        if (!_defaultGoalKnown)
        {
            _defaultGoalId = await GrainFactory.GetGrain<IQueryGrain>(0).FindDefaultGoalIdAsync(this.GetPrimaryKey());
            _defaultGoalKnown = true;
        }
        return _defaultGoalId;
    }

    public Task GoalsChangedAsync()
    {
        _defaultGoalKnown = false;
        return Task.CompletedTask;
    }

    protected override Company Present(Company stored) => stored with { IssueCounter = _lastIssued };

    protected override async Task<Reply<Company>> AcceptNewAsync(Company record) =>
        Reply<Company>.Ok(record with { IssuePrefix = await FreePrefixAsync(record.Name), IssueCounter = 0 });

    // The prefix and the counter belong to the grain, whatever the caller sent.
    protected override Task<Reply<Company>> AcceptReplacementAsync(Company current, Company replacement) =>
        Task.FromResult(Reply<Company>.Ok(replacement with { IssuePrefix = current.IssuePrefix, IssueCounter = current.IssueCounter }));

    /// <summary>
    /// The prefix is held by the stored company itself (a unique index,
    /// <see cref="StateRules.CompanyPrefixUnique"/>). A company of the same stem may store the
    /// free prefix we found first: then the database refuses our write, and we take the next one.
    /// Only a prefix change can be refused (replacements keep theirs), so only a create retries.
    /// </summary>
    protected override async Task<Reply<Company>?> StoreAsync(Company record)
    {
        while (await State.TryWriteStateAsync(record, StateRules.CompanyPrefixUnique) is not null)
        {
            record = record with { IssuePrefix = await FreePrefixAsync(record.Name) };
        }
        return null;
    }

    /// <summary>
    /// Upper-cased letters of the name, first three (fallback <c>CMP</c>); on a clash append
    /// <c>A</c>, <c>AA</c>, … until a prefix is free (reference §2.2).
    /// </summary>
    private async Task<string> FreePrefixAsync(string name)
    {
        var letters = new string(name.ToUpperInvariant().Where(c => c is >= 'A' and <= 'Z').Take(3).ToArray());
        var stem = letters.Length == 0 ? "CMP" : letters;
        for (var suffix = 0; ; suffix++)
        {
            var candidate = stem + new string('A', suffix);
            if (!await takenNames.IsIssuePrefixTakenAsync(candidate))
            {
                return candidate;
            }
        }
    }
}
