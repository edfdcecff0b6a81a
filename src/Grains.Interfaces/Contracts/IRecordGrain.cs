namespace Paperclip.Grains;

/// <summary>
/// A grain that owns one record of a setup resource (company, agent, project, goal, label).
/// The Gateway computes new versions of the record; the grain accepts a replacement only when
/// the caller saw the current version (compare-and-set on <c>UpdatedAt</c>), so concurrent
/// PATCHes never lose each other's changes.
/// </summary>
[Alias("paperclip.IRecordGrain`1")]
public interface IRecordGrain<TRecord> : IGrainWithGuidKey
    where TRecord : class, ITimestamped
{
    /// <summary>Stores a new record. <see cref="ReplyStatus.Conflict"/> when this key already holds one.</summary>
    [Alias("create")]
    Task<Reply<TRecord>> CreateAsync(TRecord record);

    /// <summary>The record, or <c>null</c> when it does not exist (never created or deleted).</summary>
    [SafeToRepeat, Alias("get")]
    Task<TRecord?> GetAsync();

    /// <summary>
    /// Replaces the record when it is still at <paramref name="expectedUpdatedAt"/>.
    /// <see cref="ReplyStatus.NotFound"/> when absent, <see cref="ReplyStatus.Conflict"/> when it moved on.
    /// </summary>
    [Alias("replace")]
    Task<Reply<TRecord>> ReplaceAsync(TRecord record, DateTime expectedUpdatedAt);
}

/// <summary>Errors of record grains that callers act on.</summary>
public static class RecordErrors
{
    /// <summary>The compare-and-set of <see cref="IRecordGrain{TRecord}.ReplaceAsync"/> failed: re-read and retry.</summary>
    public const string StaleVersion = "Record was updated concurrently";
}
