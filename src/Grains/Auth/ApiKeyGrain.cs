using Orleans.Runtime;
using Paperclip.Grains.Journal;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Auth;

/// <summary>
/// An API key: register once, authenticate many times, revoke once. Creating and revoking an agent
/// key is logged (<c>agent.key_created</c>, <c>agent.key_revoked</c>, the reference's names) on the agent.
/// </summary>
[GrainType("api-key")]
public sealed class ApiKeyGrain(
    [PersistentState(StorageNames.ApiKey, StorageNames.GrainStorage)] IPersistentState<ApiKey> state,
    JournalWriter journal,
    TimeProvider time)
    : Grain, IApiKeyGrain
{
    private static readonly TimeSpan LastUsedPersistInterval = TimeSpan.FromMinutes(1);

    public async Task<Reply<ApiKey>> RegisterAsync(ApiKey key, Actor actor)
    {
        if (state.RecordExists)
        {
            return Reply<ApiKey>.Fail(ReplyStatus.Conflict, "API key already exists");
        }
        state.State = key;
        await state.WriteStateAsync();
        await LogAsync(actor, "agent.key_created");
        return Reply<ApiKey>.Created(key);
    }

    public async Task<ApiKey?> AuthenticateAsync()
    {
        if (!state.RecordExists)
        {
            // Anyone can send random well-formed tokens: an unknown one must not keep an
            // activation (and its memory) alive until idle collection.
            DeactivateOnIdle();
            return null;
        }
        if (state.State.RevokedAt is not null)
        {
            return null;
        }
        var now = time.UtcNow();
        var persisted = state.State.LastUsedAt;
        state.State = state.State with { LastUsedAt = now };
        if (persisted is null || now - persisted.Value >= LastUsedPersistInterval)
        {
            await state.WriteStateAsync();
        }
        return state.State;
    }

    public async Task<ApiKey?> RevokeAsync(Actor actor)
    {
        if (!state.RecordExists)
        {
            return null;
        }
        if (state.State.RevokedAt is null)
        {
            state.State = state.State with { RevokedAt = time.UtcNow() };
            await state.WriteStateAsync();
            await LogAsync(actor, "agent.key_revoked");
        }
        return state.State;
    }

    /// <summary>Logs an agent key's change on its agent; board keys belong to no company and have no log.</summary>
    private Task LogAsync(Actor actor, string action) =>
        state.State is { AgentId: { } agentId, CompanyId: { } companyId }
            ? journal.AppendAsync(null, [Activities.Of(actor, companyId, action, "agent", agentId,
                new Dictionary<string, object?> { ["keyId"] = state.State.Id, ["name"] = state.State.Name }, time.UtcNow())])
            : Task.CompletedTask;
}
