using Orleans.Runtime;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Auth;

/// <summary>An API key: register once, authenticate many times, revoke once.</summary>
[GrainType("api-key")]
public sealed class ApiKeyGrain(
    [PersistentState(StorageNames.ApiKey, StorageNames.GrainStorage)] IPersistentState<ApiKey> state,
    TimeProvider time)
    : Grain, IApiKeyGrain
{
    private static readonly TimeSpan LastUsedPersistInterval = TimeSpan.FromMinutes(1);

    public async Task<Reply<ApiKey>> RegisterAsync(ApiKey key)
    {
        if (state.RecordExists)
        {
            return Reply<ApiKey>.Fail(ReplyStatus.Conflict, "API key already exists");
        }
        state.State = key;
        await state.WriteStateAsync();
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

    public async Task<ApiKey?> RevokeAsync()
    {
        if (!state.RecordExists)
        {
            return null;
        }
        if (state.State.RevokedAt is null)
        {
            state.State = state.State with { RevokedAt = time.UtcNow() };
            await state.WriteStateAsync();
        }
        return state.State;
    }
}
