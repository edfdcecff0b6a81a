using System.Reflection;

namespace Paperclip.Grains;

/// <summary>
/// Sends a grain call again when the cluster, not the grain, failed it while a silo leaves: a
/// rejected message (a stopping silo, an activation gone, too many forwards) never reached the grain's
/// code, so any method may be re-sent; a call lost with its silo is re-sent only for methods marked
/// <see cref="SafeToRepeatAttribute"/>. A few tries over about a second: long enough for the
/// directory to learn where the grain lives now, short enough that a real outage still answers 503.
/// </summary>
public sealed class RetryUndeliveredCalls : IOutgoingGrainCallFilter
{
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500)];

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType?.Assembly != typeof(RetryUndeliveredCalls).Assembly)
        {
            await context.Invoke(); // Orleans' own calls keep Orleans' own policies.
            return;
        }
        foreach (var pause in Pauses)
        {
            try
            {
                await context.Invoke();
                if (context.Response?.Exception is not { } failure || !MayResend(failure, context.InterfaceMethod))
                {
                    return;
                }
            }
            catch (Exception failure) when (MayResend(failure, context.InterfaceMethod))
            {
                // Undelivered: pause, then send it again.
            }
            await Task.Delay(pause);
        }
        await context.Invoke();
    }

    private static bool MayResend(Exception failure, MethodInfo? method) => failure switch
    {
        // A subtype of the rejection below: the silo may have run the call before it went.
        SiloUnavailableException => method?.IsDefined(typeof(SafeToRepeatAttribute)) == true,
        OrleansMessageRejectionException => true,
        _ => false,
    };
}
