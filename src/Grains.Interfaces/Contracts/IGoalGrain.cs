namespace Paperclip.Grains;

/// <summary>A goal's record.</summary>
[Alias("paperclip.IGoalGrain")]
public interface IGoalGrain : IRecordGrain<Goal>;
