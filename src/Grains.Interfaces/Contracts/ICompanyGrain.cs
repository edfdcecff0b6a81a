namespace Paperclip.Grains;

/// <summary>A company: its profile, its unique issue prefix and its issue counter.</summary>
[Alias("paperclip.ICompanyGrain")]
public interface ICompanyGrain : IRecordGrain<Company>
{
    /// <summary>
    /// Hands out the next issue number (first is 1). Numbers are never reused; a silo crash may
    /// leave a gap, never a duplicate. <c>null</c> when the company does not exist.
    /// </summary>
    [SafeToRepeat, Alias("allocate-issue-number")]
    Task<IssueNumber?> AllocateIssueNumberAsync();

    /// <summary>
    /// The company default goal (reference §10): the earliest root company-level active goal, else
    /// the earliest root company-level goal, else the earliest company-level goal, else <c>null</c>.
    /// Kept by the company until one of its goals changes (<see cref="GoalsChangedAsync"/>).
    /// </summary>
    [SafeToRepeat, Alias("default-goal")]
    Task<Guid?> GetDefaultGoalIdAsync();

    /// <summary>A goal of this company was stored: the default goal is looked up again on next use.</summary>
    [SafeToRepeat, Alias("goals-changed")]
    Task GoalsChangedAsync();
}

/// <summary>An allocated issue number and the identifier built from it (<c>PAP-12</c>).</summary>
[GenerateSerializer, Immutable, Alias("paperclip.IssueNumber")]
public sealed record IssueNumber([property: Id(0)] int Number, [property: Id(1)] string Identifier);
