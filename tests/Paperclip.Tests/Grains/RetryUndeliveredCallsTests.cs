using System.Reflection;
using Orleans.Serialization.Invocation;
using Paperclip.Grains;

namespace Paperclip.Tests.Grains;

/// <summary>
/// The outgoing call filter that hides a leaving silo from callers: what it sends again, what it
/// never repeats, and when it gives up.
/// </summary>
public sealed class RetryUndeliveredCallsTests
{
    private static readonly MethodInfo Create = typeof(IIssueGrain).GetMethod(nameof(IIssueGrain.CreateAsync))!;
    private static readonly MethodInfo DefaultGoal = typeof(ICompanyGrain).GetMethod(nameof(ICompanyGrain.GetDefaultGoalIdAsync))!;
    private static readonly MethodInfo OrleansOwn = typeof(IGrainWithGuidKey).Assembly.GetTypes()
        .Where(type => type.IsInterface && type.IsPublic).SelectMany(type => type.GetMethods()).First();

    [Fact]
    public async Task ARejectedCallOfAnyMethodIsSentAgainUntilItGoesThrough()
    {
        var call = new ScriptedCall(Create, Rejection("Silo stopping"), Rejection("Forwarding failed"));

        await new RetryUndeliveredCalls().Invoke(call);

        Assert.Equal(3, call.Sends);
        Assert.Null(call.Response!.Exception);
    }

    [Fact]
    public async Task ACallLostWithItsSiloIsSentAgainWhenTheMethodIsSafeToRepeat()
    {
        var call = new ScriptedCall(DefaultGoal, new SiloUnavailableException("gone"));

        await new RetryUndeliveredCalls().Invoke(call);

        Assert.Equal(2, call.Sends);
        Assert.Null(call.Response!.Exception);
    }

    [Fact]
    public async Task ACallLostWithItsSiloIsNotRepeatedWhenTheSiloMayHaveRunIt()
    {
        var call = new ScriptedCall(Create, new SiloUnavailableException("gone"));

        await new RetryUndeliveredCalls().Invoke(call);

        Assert.Equal(1, call.Sends);
        Assert.IsType<SiloUnavailableException>(call.Response!.Exception);
    }

    [Fact]
    public async Task AnErrorOfTheGrainItselfIsNeverSentAgain()
    {
        var call = new ScriptedCall(DefaultGoal, new InvalidOperationException("bug"));

        await new RetryUndeliveredCalls().Invoke(call);

        Assert.Equal(1, call.Sends);
    }

    [Fact]
    public async Task AfterThreeResendsWithinASecondTheRejectionReachesTheCaller()
    {
        var rejections = Enumerable.Range(0, 10).Select(_ => Rejection("Silo stopping")).ToArray();
        var call = new ScriptedCall(Create, rejections) { Throws = true };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAsync<OrleansMessageRejectionException>(() => new RetryUndeliveredCalls().Invoke(call));

        Assert.Equal(4, call.Sends);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(700), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task OrleansOwnCallsAreLeftToOrleans()
    {
        var call = new ScriptedCall(OrleansOwn, Rejection("Silo stopping"));

        await new RetryUndeliveredCalls().Invoke(call);

        Assert.Equal(1, call.Sends);
    }

    /// <summary>What Orleans throws for a message a silo turned away (its constructor is internal).</summary>
    private static Exception Rejection(string reason) => (Exception)Activator.CreateInstance(
        typeof(OrleansMessageRejectionException), BindingFlags.NonPublic | BindingFlags.Instance, null, [reason], null)!;

    /// <summary>A call whose first sends fail as scripted (as a response, or thrown), then succeed.</summary>
    private sealed class ScriptedCall(MethodInfo method, params Exception[] failures) : IOutgoingGrainCallContext
    {
        public int Sends { get; private set; }
        public bool Throws { get; init; }
        public MethodInfo InterfaceMethod => method;
        public Response? Response { get; set; }

        public Task Invoke()
        {
            var failure = Sends < failures.Length ? failures[Sends] : null;
            Sends++;
            if (failure is not null && Throws)
            {
                throw failure;
            }
            Response = failure is null ? Response.FromResult<object?>(null) : Response.FromException(failure);
            return Task.CompletedTask;
        }

        public object? Result { get => Response?.Result; set => throw new NotSupportedException(); }
        public IGrainContext SourceContext => throw new NotSupportedException();
        public IInvokable Request => throw new NotSupportedException();
        public object Grain => throw new NotSupportedException();
        public GrainId? SourceId => throw new NotSupportedException();
        public GrainId TargetId => throw new NotSupportedException();
        public GrainInterfaceType InterfaceType => throw new NotSupportedException();
        public string InterfaceName => method.DeclaringType!.Name;
        public string MethodName => method.Name;
    }
}
