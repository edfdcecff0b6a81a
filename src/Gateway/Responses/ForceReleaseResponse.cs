namespace Paperclip.Gateway.Responses;

/// <summary>The answer of a force-release (CONTRACT §4): the issue and the locks it held before.</summary>
public sealed record ForceReleaseResponse(IssueResponse Issue, ReleasedLocks Previous);

/// <summary>The checkout and execution runs a force-release cleared.</summary>
public sealed record ReleasedLocks(Guid? CheckoutRunId, Guid? ExecutionRunId);
