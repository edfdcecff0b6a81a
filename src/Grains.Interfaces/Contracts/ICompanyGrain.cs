namespace Paperclip.Grains;

/// <summary>A company: its profile, its unique issue prefix and its issue counter.</summary>
[Alias("paperclip.ICompanyGrain")]
public interface ICompanyGrain : IRecordGrain<Company>
{
    /// <summary>
    /// Hands out the next issue number (first is 1). Numbers are never reused; a silo crash may
    /// leave a gap, never a duplicate. <c>null</c> when the company does not exist.
    /// </summary>
    [Alias("allocate-issue-number")]
    Task<IssueNumber?> AllocateIssueNumberAsync();
}

/// <summary>An allocated issue number and the identifier built from it (<c>PAP-12</c>).</summary>
[GenerateSerializer, Immutable, Alias("paperclip.IssueNumber")]
public sealed record IssueNumber([property: Id(0)] int Number, [property: Id(1)] string Identifier);
