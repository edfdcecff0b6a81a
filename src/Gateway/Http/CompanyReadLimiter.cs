using System.Threading.RateLimiting;

namespace Paperclip.Gateway.Http;

/// <summary>
/// Bounds how many issue lists and searches of one company run at once in this HTTP process.
/// A search's cost is chosen by its caller (term, filters, the company's own texts), so without
/// this one agent could hold every pooled database connection and CPU core with slow searches
/// and queue every other company behind it. Beyond the limit a company's requests wait in its
/// own queue; beyond the queue they are refused with 429. Other companies never wait for them.
/// Plain pages (index-only scans, at most 1,000 rows) get more room than searches.
/// </summary>
public sealed class CompanyReadLimiter : IDisposable
{
    /// <summary>
    /// Searches (<c>q</c>) of one company running at once. One: a worst-case search keeps a
    /// database core busy until its statement timeout, and the other cores must stay free for
    /// everyone else. An ordinary search is served by the trigram index in milliseconds, so
    /// queueing behind one of them costs nothing noticeable.
    /// </summary>
    public const int ConcurrentSearches = 1;

    /// <summary>Plain list pages of one company running at once.</summary>
    public const int ConcurrentLists = 8;

    /// <summary>Requests of one company (of either kind) waiting for a slot; more are refused.</summary>
    public const int Queued = 32;

    private readonly PartitionedRateLimiter<(Guid Company, bool Search)> _limiter =
        PartitionedRateLimiter.Create<(Guid Company, bool Search), (Guid Company, bool Search)>(key =>
            RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = key.Search ? ConcurrentSearches : ConcurrentLists,
                QueueLimit = Queued,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));

    /// <summary>Runs <paramref name="read"/> once the company has a free slot of its kind; 429 when that queue is full.</summary>
    public async Task<T> RunAsync<T>(Guid companyId, bool search, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync((companyId, search), 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new ApiException(StatusCodes.Status429TooManyRequests, "Too many concurrent issue lists for this company, retry shortly",
                new { concurrent = search ? ConcurrentSearches : ConcurrentLists, queued = Queued });
        }
        return await read();
    }

    public void Dispose() => _limiter.Dispose();
}
