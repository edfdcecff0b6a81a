namespace Paperclip.Grains;

/// <summary>A project's record.</summary>
[Alias("paperclip.IProjectGrain")]
public interface IProjectGrain : IRecordGrain<Project>;
