namespace Paperclip.Grains;

/// <summary>An agent's profile and status.</summary>
[Alias("paperclip.IAgentGrain")]
public interface IAgentGrain : IRecordGrain<Agent>;
