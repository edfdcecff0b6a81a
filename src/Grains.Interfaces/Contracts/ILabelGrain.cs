namespace Paperclip.Grains;

/// <summary>A label; its name is unique within the company.</summary>
[Alias("paperclip.ILabelGrain")]
public interface ILabelGrain : IRecordGrain<Label>
{
    /// <summary>Deletes the label and frees its name. <c>null</c> when it did not exist.</summary>
    [Alias("delete")]
    Task<Label?> DeleteAsync();
}
