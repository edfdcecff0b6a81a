namespace Paperclip.Grains;

/// <summary>A record that knows when it last changed (the compare-and-set token of record grains).</summary>
public interface ITimestamped
{
    DateTime UpdatedAt { get; }
}
