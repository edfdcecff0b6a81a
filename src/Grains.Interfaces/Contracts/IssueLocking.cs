namespace Paperclip.Grains;

/// <summary>Why a checkout was refused (CONTRACT §4), carried in the 409's <c>details.conflictReason</c>.</summary>
public static class ConflictReasons
{
    public const string HeldByOtherAgent = "held_by_other_agent";
    public const string HeldByLiveRun = "held_by_live_run";
    public const string StatusNotExpected = "status_not_expected";
}

/// <summary>A validated checkout request: who claims the issue, from which statuses, in which run.</summary>
[GenerateSerializer, Immutable, Alias("paperclip.CheckoutCommand")]
public sealed record CheckoutCommand(
    [property: Id(0)] Guid AgentId,
    [property: Id(1)] IReadOnlyList<string> ExpectedStatuses,
    [property: Id(2)] Guid? RunId);

/// <summary>The answer of a board force-release: the issue and the locks it had.</summary>
[GenerateSerializer, Immutable, Alias("paperclip.ForceReleaseResult")]
public sealed record ForceReleaseResult(
    [property: Id(0)] Issue Issue,
    [property: Id(1)] Guid? PreviousCheckoutRunId,
    [property: Id(2)] Guid? PreviousExecutionRunId);
