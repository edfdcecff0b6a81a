using System.Threading.Channels;

namespace Paperclip.Gateway.Events;

/// <summary>
/// One subscriber's doorbell. Rings collapse into one (the subscriber reads everything new anyway),
/// so a burst of events never queues work. Disposing it unsubscribes.
/// </summary>
public sealed class ActivityBell : IDisposable
{
    private readonly Channel<bool> _rings = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ActivityDoorbell _doorbell;

    internal ActivityBell(Guid companyId, ActivityDoorbell doorbell)
    {
        CompanyId = companyId;
        _doorbell = doorbell;
    }

    public Guid CompanyId { get; }

    internal void Ring() => _rings.Writer.TryWrite(true);

    /// <summary>Waits for a ring: <c>true</c> when rung, <c>false</c> when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _rings.Reader.ReadAsync(timer.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _doorbell.Remove(this);
}
