using Paperclip.Grains;

namespace Paperclip.Gateway.Http;

/// <summary>
/// Applies a PATCH to a record grain as read → compute → compare-and-set, retrying when another
/// PATCH landed in between, so concurrent updates of different fields all survive.
/// </summary>
public static class RecordUpdates
{
    private const int MaxAttempts = 8;

    public static async Task<Reply<T>> ApplyAsync<T>(IRecordGrain<T> grain, string notFoundMessage, Func<T, T> apply)
        where T : class, ITimestamped
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await grain.GetAsync();
            if (current is null)
            {
                return Reply<T>.Fail(ReplyStatus.NotFound, notFoundMessage);
            }
            var reply = await grain.ReplaceAsync(apply(current), current.UpdatedAt);
            if (reply.Status != ReplyStatus.Conflict || reply.Error != RecordErrors.StaleVersion || attempt == MaxAttempts)
            {
                return reply;
            }
        }
    }
}
