using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Paperclip.Grains.Storage;
using Paperclip.Grains.Telemetry;

namespace Paperclip.Grains.Runs;

/// <summary>
/// A heartbeat run and its lease. While active, a timer ends the run when its lease runs out, so
/// expiry needs no caller; the lease sweeper covers runs whose activation was lost. Lease renewals
/// are written only when less than half the lease is left, so a busy run does not cost a storage
/// write per request, and after a crash a run stays live at least half a lease past its last request.
/// </summary>
[GrainType("heartbeat-run")]
public sealed class HeartbeatRunGrain(
    [PersistentState(StorageNames.HeartbeatRun, StorageNames.GrainStorage)] IPersistentState<HeartbeatRun> state,
    IOptions<RunLeaseOptions> options,
    TimeProvider time)
    : Grain, IHeartbeatRunGrain
{
    private readonly TimeSpan _lease = options.Value.Lease;
    private IGrainTimer? _expiry;
    private IGrainTimer? _forget;

    /// <summary>How long an activation for a run id nobody registered stays before it deactivates itself.</summary>
    private static readonly TimeSpan ForgetUnknownAfter = TimeSpan.FromSeconds(2);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ExpireIfDueAsync();
        ScheduleExpiry();
    }

    public async Task<Reply<HeartbeatRun>> QueueAsync(HeartbeatRun run)
    {
        if (state.RecordExists)
        {
            return Reply<HeartbeatRun>.Fail(ReplyStatus.Conflict, "Heartbeat run already exists");
        }
        var now = time.UtcNow();
        state.State = run with { Status = RunStatuses.Queued, LeaseExpiresAt = now + _lease, CreatedAt = now, UpdatedAt = now };
        await state.WriteStateAsync();
        ScheduleExpiry();
        return Reply<HeartbeatRun>.Created(state.State);
    }

    public async Task<HeartbeatRun?> GetAsync()
    {
        await ExpireIfDueAsync();
        return state.RecordExists ? state.State : null;
    }

    public async Task<Reply<HeartbeatRun>> TouchAsync(Guid agentId, Guid companyId, bool mayRegister)
    {
        await ExpireIfDueAsync();
        var now = time.UtcNow();
        if (!state.RecordExists && !mayRegister)
        {
            // Nothing to keep: an id nobody registered must not hold memory until idle collection.
            // Not at once, though: the first requests of a new run arrive together, and a message
            // queued behind a deactivation is forwarded, then rejected (a 503) after two forwards.
            _forget ??= this.RegisterGrainTimer(_ => ForgetIfUnknownAsync(), new GrainTimerCreationOptions(ForgetUnknownAfter, Timeout.InfiniteTimeSpan));
            return Reply<HeartbeatRun>.Fail(ReplyStatus.NotFound, "Heartbeat run not found");
        }
        if (!state.RecordExists)
        {
            // An API-key agent without the scheduler names its own run: record it as running.
            state.State = new HeartbeatRun
            {
                Id = this.GetPrimaryKey(),
                CompanyId = companyId,
                AgentId = agentId,
                InvocationSource = "on_demand",
                TriggerDetail = "callback",
                Status = RunStatuses.Running,
                StartedAt = now,
                LeaseExpiresAt = now + _lease,
                CreatedAt = now,
                UpdatedAt = now,
            };
            await state.WriteStateAsync();
            ScheduleExpiry();
            return Reply<HeartbeatRun>.Ok(state.State);
        }
        var run = state.State;
        if (run.AgentId != agentId)
        {
            return Reply<HeartbeatRun>.Fail(ReplyStatus.Conflict, "Run belongs to another agent");
        }
        if (!RunStatuses.IsActive(run.Status))
        {
            return Reply<HeartbeatRun>.Ok(run);
        }
        var renewed = run with
        {
            Status = RunStatuses.Running,
            StartedAt = run.StartedAt ?? now,
            LeaseExpiresAt = now + _lease,
        };
        var mustPersist = run.Status != RunStatuses.Running || run.LeaseExpiresAt - now < _lease / 2;
        state.State = mustPersist ? renewed with { UpdatedAt = now } : renewed;
        if (mustPersist)
        {
            await state.WriteStateAsync();
        }
        return Reply<HeartbeatRun>.Ok(state.State);
    }

    public async Task<Reply<HeartbeatRun>> FinishAsync(string status, string? error)
    {
        await ExpireIfDueAsync();
        if (!state.RecordExists)
        {
            return Reply<HeartbeatRun>.Fail(ReplyStatus.NotFound, "Heartbeat run not found");
        }
        if (!RunStatuses.IsActive(state.State.Status))
        {
            return Reply<HeartbeatRun>.Fail(ReplyStatus.Conflict, "Heartbeat run already finished",
                $$"""{"status":"{{state.State.Status}}"}""");
        }
        await EndAsync(status, error);
        return Reply<HeartbeatRun>.Ok(state.State);
    }

    /// <summary>A live run whose lease has run out becomes <c>timed_out</c> (durably) before anyone sees it.</summary>
    private async Task ExpireIfDueAsync()
    {
        if (state.RecordExists && RunStatuses.IsActive(state.State.Status) && state.State.LeaseExpiresAt <= time.UtcNow())
        {
            await EndAsync(RunStatuses.TimedOut, "Lease expired");
            PaperclipMetrics.RunLeaseExpired();
        }
    }

    private async Task EndAsync(string status, string? error)
    {
        var now = time.UtcNow();
        state.State = state.State with { Status = status, Error = error, FinishedAt = now, UpdatedAt = now };
        await state.WriteStateAsync();
        _expiry?.Dispose();
        _expiry = null;
    }

    /// <summary>While the run is active, wake up at its lease end (the timer also keeps the activation alive).</summary>
    private Task ForgetIfUnknownAsync()
    {
        _forget?.Dispose();
        _forget = null;
        if (!state.RecordExists)
        {
            DeactivateOnIdle();
        }
        return Task.CompletedTask;
    }

    private void ScheduleExpiry()
    {
        _expiry?.Dispose();
        _expiry = null;
        if (!state.RecordExists || !RunStatuses.IsActive(state.State.Status))
        {
            return;
        }
        var period = _lease / 4 > TimeSpan.FromMilliseconds(100) ? _lease / 4 : TimeSpan.FromMilliseconds(100);
        _expiry = this.RegisterGrainTimer(_ => ExpireIfDueAsync(), new GrainTimerCreationOptions(period, period) { KeepAlive = true });
    }
}
