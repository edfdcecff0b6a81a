using Orleans.Runtime;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Records;

/// <summary>
/// A label. Its name is unique in its company, case-insensitively: held by the stored label itself
/// (a unique index, <see cref="StateRules.LabelNameUnique"/>), so deleting the label frees it.
/// </summary>
[GrainType("label")]
public sealed class LabelGrain(
    [PersistentState(StorageNames.Label, StorageNames.GrainStorage)] IPersistentState<Label> state,
    TakenNames takenNames)
    : RecordGrain<Label>(state), ILabelGrain
{
    private static readonly Reply<Label> NameTaken = Reply<Label>.Fail(ReplyStatus.Conflict, "Label name already exists in this company");

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
        return label;
    }

    protected override Task<Reply<Label>> AcceptNewAsync(Label record) => CheckNameAsync(record);

    protected override Task<Reply<Label>> AcceptReplacementAsync(Label current, Label replacement) => CheckNameAsync(replacement);

    // Another label may have stored the name since the check: the database refuses the second.
    protected override async Task<Reply<Label>?> StoreAsync(Label record) =>
        await State.TryWriteStateAsync(record, StateRules.LabelNameUnique) is null ? null : NameTaken;

    private async Task<Reply<Label>> CheckNameAsync(Label label) =>
        await takenNames.IsLabelNameTakenAsync(label.CompanyId, label.Name, label.Id) ? NameTaken : Reply<Label>.Ok(label);
}
