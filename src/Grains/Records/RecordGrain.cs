using Orleans.Runtime;

namespace Paperclip.Grains.Records;

/// <summary>
/// The shared behaviour of the setup-resource grains: create once, read, and replace with a
/// compare-and-set on <c>UpdatedAt</c>. Each subclass brings its own persistent state (its own
/// state name) and may add rules that run before a record is stored.
/// </summary>
public abstract class RecordGrain<TRecord>(IPersistentState<TRecord> state) : Grain, IRecordGrain<TRecord>
    where TRecord : class, ITimestamped
{
    protected IPersistentState<TRecord> State { get; } = state;

    protected bool Exists => State.RecordExists;

    public async Task<Reply<TRecord>> CreateAsync(TRecord record)
    {
        if (Exists)
        {
            return Reply<TRecord>.Fail(ReplyStatus.Conflict, "Record already exists");
        }
        var accepted = await AcceptNewAsync(record);
        if (!accepted.IsSuccess)
        {
            return accepted;
        }
        if (await StoreAsync(accepted.Value!) is { } refused)
        {
            return refused;
        }
        await OnStoredAsync(State.State);
        return Reply<TRecord>.Created(Present(State.State));
    }

    public Task<TRecord?> GetAsync() => Task.FromResult(Exists ? Present(State.State) : null);

    public async Task<Reply<TRecord>> ReplaceAsync(TRecord record, DateTime expectedUpdatedAt)
    {
        if (!Exists)
        {
            return Reply<TRecord>.Fail(ReplyStatus.NotFound, NotFoundMessage);
        }
        if (State.State.UpdatedAt != expectedUpdatedAt)
        {
            return Reply<TRecord>.Fail(ReplyStatus.Conflict, RecordErrors.StaleVersion);
        }
        var accepted = await AcceptReplacementAsync(State.State, record);
        if (!accepted.IsSuccess)
        {
            return accepted;
        }
        if (await StoreAsync(Advance(accepted.Value!, State.State.UpdatedAt)) is { } refused)
        {
            return refused;
        }
        await OnStoredAsync(State.State);
        return Reply<TRecord>.Ok(Present(State.State));
    }

    /// <summary>
    /// <c>UpdatedAt</c> is the compare-and-set token, so a stored value must never repeat. Callers
    /// stamp it with their own clock at the start of a request (millisecond precision): two writes
    /// in one millisecond, or a slow request stamped before the version it replaces, would store a
    /// value that an earlier reader still holds, and that reader's replacement would then pass the
    /// check and overwrite every change since. Moving the token strictly forward prevents that.
    /// </summary>
    private TRecord Advance(TRecord replacement, DateTime currentUpdatedAt) =>
        replacement.UpdatedAt > currentUpdatedAt
            ? replacement
            : WithUpdatedAt(replacement, currentUpdatedAt.AddMilliseconds(1));

    /// <summary>The record with another <c>UpdatedAt</c> (records are immutable; only the subclass knows the type).</summary>
    protected abstract TRecord WithUpdatedAt(TRecord record, DateTime updatedAt);

    /// <summary>The API's 404 message for this resource.</summary>
    protected abstract string NotFoundMessage { get; }

    /// <summary>The record as callers see it, from the record as stored. Default: the same.</summary>
    protected virtual TRecord Present(TRecord stored) => stored;

    /// <summary>Checks (and may adjust) a new record before it is stored. Default: accept as is.</summary>
    protected virtual Task<Reply<TRecord>> AcceptNewAsync(TRecord record) =>
        Task.FromResult(Reply<TRecord>.Ok(record));

    /// <summary>
    /// Makes an accepted record the stored state, or answers why the database refused it (a
    /// subclass whose records carry a unique name: another record took it since the check). A
    /// refused record leaves the state as it was. Default: a plain write.
    /// </summary>
    protected virtual async Task<Reply<TRecord>?> StoreAsync(TRecord record)
    {
        State.State = record;
        await State.WriteStateAsync();
        return null;
    }

    /// <summary>
    /// Runs after a new or replaced record is committed and before the caller is answered, so
    /// whatever it tells others is in place when the caller sees success. Default: nothing.
    /// </summary>
    protected virtual Task OnStoredAsync(TRecord record) => Task.CompletedTask;

    /// <summary>Checks (and may adjust) a replacement before it is stored. Default: accept as is.</summary>
    protected virtual Task<Reply<TRecord>> AcceptReplacementAsync(TRecord current, TRecord replacement) =>
        Task.FromResult(Reply<TRecord>.Ok(replacement));
}
