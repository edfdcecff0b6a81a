namespace Paperclip.Grains;

/// <summary>Who is calling: the board (a human user) or an agent. Resolved once per request by the Gateway.</summary>
public enum ActorType
{
    None = 0,
    Board = 1,
    Agent = 2,
}

/// <summary>
/// The authenticated caller, passed into grain commands that record authorship or apply
/// agent rules. <see cref="RunId"/> comes only from <c>X-Paperclip-Run-Id</c> or a JWT claim.
/// </summary>
[GenerateSerializer, Immutable, Alias("paperclip.Actor")]
public sealed record Actor(
    [property: Id(0)] ActorType Type,
    [property: Id(1)] string? UserId,
    [property: Id(2)] Guid? AgentId,
    [property: Id(3)] Guid? CompanyId,
    [property: Id(4)] string? RunId,
    [property: Id(5)] string Source,
    [property: Id(6)] bool IsInstanceAdmin)
{
    public const string LocalBoardUserId = "local-board";

    public static Actor LocalBoard(string? runId) =>
        new(ActorType.Board, LocalBoardUserId, null, null, runId, "local_implicit", true);

    public bool IsBoard => Type == ActorType.Board;

    public bool IsAgent => Type == ActorType.Agent;

    /// <summary>The run id as a UUID; <c>null</c> when absent or not a UUID (such a run can own nothing).</summary>
    public Guid? RunGuid => Guid.TryParse(RunId, out var id) ? id : null;
}
