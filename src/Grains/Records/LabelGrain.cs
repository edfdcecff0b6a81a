using Orleans.Runtime;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Records;

/// <summary>A label. Its name is claimed company-wide (case-insensitively) before the label is stored.</summary>
[GrainType("label")]
public sealed class LabelGrain(
    [PersistentState(StorageNames.Label, StorageNames.GrainStorage)] IPersistentState<Label> state,
    UniqueKeys uniqueKeys)
    : RecordGrain<Label>(state), ILabelGrain
{
    protected override string NotFoundMessage => "Label not found";

    protected override Label WithUpdatedAt(Label record, DateTime updatedAt) => record with { UpdatedAt = updatedAt };

    public async Task<Label?> DeleteAsync()
    {
        if (!Exists)
        {
            return null;
        }
        var label = State.State;
        await State.ClearStateAsync();
        await uniqueKeys.ReleaseAsync(UniqueKeys.LabelName, label.CompanyId.ToString(), NameKey(label.Name), label.Id);
        return label;
    }


    protected override async Task<Reply<Label>> AcceptNewAsync(Label record) =>
        await ClaimNameAsync(record) ? Reply<Label>.Ok(record) : NameTaken;

    protected override async Task<Reply<Label>> AcceptReplacementAsync(Label current, Label replacement)
    {
        if (NameKey(current.Name) == NameKey(replacement.Name))
        {
            return Reply<Label>.Ok(replacement);
        }
        if (!await ClaimNameAsync(replacement))
        {
            return NameTaken;
        }
        await uniqueKeys.ReleaseAsync(UniqueKeys.LabelName, current.CompanyId.ToString(), NameKey(current.Name), current.Id);
        return Reply<Label>.Ok(replacement);
    }

    private static Reply<Label> NameTaken => Reply<Label>.Fail(ReplyStatus.Conflict, "Label name already exists in this company");

    private static string NameKey(string name) => name.ToLowerInvariant();

    private Task<bool> ClaimNameAsync(Label label) =>
        uniqueKeys.TryClaimAsync(UniqueKeys.LabelName, label.CompanyId.ToString(), NameKey(label.Name), label.Id);
}
