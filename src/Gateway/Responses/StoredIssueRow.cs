using System.Text.Json;
using Paperclip.Gateway.Http;
using Paperclip.Grains;

namespace Paperclip.Gateway.Responses;

/// <summary>
/// One stored issue (the UTF-8 JSON of its <see cref="Issue"/>) with the place of each top-level
/// value in it, found in one pass of a reader: enough to copy values into a response as they are
/// stored, and to read the few a list needs to look things up (company, labels, execution run).
/// </summary>
public sealed class StoredIssueRow
{
    private readonly byte[] _payload;
    private readonly Range[] _values;

    private StoredIssueRow(byte[] payload, Range[] values)
    {
        _payload = payload;
        _values = values;
        CompanyId = ReadGuid(StoredIssueFields.CompanyId) ?? Guid.Empty;
        ExecutionRunId = ReadGuid(StoredIssueFields.ExecutionRunId);
        LabelIds = Value(StoredIssueFields.LabelIds) is { IsEmpty: false } labels
            ? JsonSerializer.Deserialize<Guid[]>(labels, ApiJson.Options) ?? []
            : [];
    }

    public Guid CompanyId { get; }

    public Guid? ExecutionRunId { get; }

    public IReadOnlyList<Guid> LabelIds { get; }

    /// <summary>The stored issue as JSON bytes.</summary>
    public ReadOnlySpan<byte> Payload => _payload;

    /// <summary>Scans <paramref name="payload"/> once, noting where each property of <see cref="StoredIssueFields"/> is.</summary>
    public static StoredIssueRow Scan(byte[] payload)
    {
        var values = new Range[StoredIssueFields.Count];
        var reader = new Utf8JsonReader(payload);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = StoredIssueFields.IndexOf(ref reader);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (field >= 0)
            {
                values[field] = start..(int)reader.BytesConsumed;
            }
        }
        return new StoredIssueRow(payload, values);
    }

    /// <summary>The raw JSON of a stored property; empty when the row does not have it.</summary>
    public ReadOnlySpan<byte> Value(int field) => _payload.AsSpan(_values[field]);

    private Guid? ReadGuid(int field)
    {
        var reader = new Utf8JsonReader(Value(field));
        return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetGuid() : null;
    }
}
