using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Paperclip.Gateway.Http;
using Paperclip.Grains;

namespace Paperclip.Gateway.Responses;

/// <summary>
/// A page of <see cref="IssueListRow"/>s written from the stored rows. Stored issues and responses
/// share names and value formats, so every response property the issue record has is copied as
/// stored: no row is read into a record and written out again (reading and writing them was a
/// third of the silo's time on list pages). What the response adds is written here: the active
/// run, the labels, <c>assigneeAdapterOverrides</c> (stored as JSON text) and the properties the
/// record lacks (always null). The properties and their order are <see cref="IssueListRow"/>'s; a
/// row lacking one of its stored properties (written before that property existed) is read into
/// an <see cref="Issue"/> and written as an <see cref="IssueListRow"/>, the same object the long way.
/// </summary>
public sealed class IssueListPage(
    IReadOnlyList<StoredIssueRow> rows, IReadOnlyList<Label> labels, Func<Guid?, ActiveRun?> activeRun) : IResult
{
    /// <summary>Enough for a page of 50 rows; a longer page goes out in pieces of this size.</summary>
    private const int FlushBytes = 64 * 1024;

    private enum Source { Stored, ActiveRun, Labels, AdapterOverrides, Null }

    private sealed record Field(JsonEncodedText Name, Source Source, int StoredIndex);

    private static readonly Field[] Fields = [.. ApiJson.Options.GetTypeInfo(typeof(IssueListRow)).Properties.Select(Describe)];

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        var body = httpContext.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = ApiJson.Options.Encoder, SkipValidation = true });
        writer.WriteStartArray();
        foreach (var row in rows)
        {
            WriteRow(writer, row);
            if (writer.BytesPending >= FlushBytes)
            {
                await writer.FlushAsync(httpContext.RequestAborted);
                await body.FlushAsync(httpContext.RequestAborted);
            }
        }
        writer.WriteEndArray();
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    private void WriteRow(Utf8JsonWriter writer, StoredIssueRow row)
    {
        var run = activeRun(row.ExecutionRunId);
        if (!HasEveryStoredField(row))
        {
            var issue = JsonSerializer.Deserialize<Issue>(row.Payload, ApiJson.Options)!;
            JsonSerializer.Serialize(writer, new IssueListRow(issue.ToResponse(labels), run), ApiJson.Options);
            return;
        }
        writer.WriteStartObject();
        foreach (var field in Fields)
        {
            writer.WritePropertyName(field.Name);
            switch (field.Source)
            {
                case Source.Stored:
                    writer.WriteRawValue(row.Value(field.StoredIndex), skipInputValidation: true);
                    break;
                case Source.ActiveRun:
                    JsonSerializer.Serialize(writer, run, ApiJson.Options);
                    break;
                case Source.Labels:
                    JsonSerializer.Serialize(writer, IssueResponses.LabelsOf(row.CompanyId, row.LabelIds, labels), ApiJson.Options);
                    break;
                case Source.AdapterOverrides:
                    WriteStoredJsonText(writer, row.Value(StoredIssueFields.AssigneeAdapterOverridesJson));
                    break;
                default:
                    writer.WriteNullValue();
                    break;
            }
        }
        writer.WriteEndObject();
    }

    /// <summary>A stored JSON string holding JSON text, written as that JSON value (as <see cref="ApiJson.Raw"/> does).</summary>
    private static void WriteStoredJsonText(Utf8JsonWriter writer, ReadOnlySpan<byte> stored)
    {
        var reader = new Utf8JsonReader(stored);
        if (stored.IsEmpty || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            writer.WriteNullValue();
            return;
        }
        using var document = JsonDocument.Parse(reader.GetString()!);
        document.RootElement.WriteTo(writer);
    }

    private static bool HasEveryStoredField(StoredIssueRow row)
    {
        foreach (var field in Fields)
        {
            if (field.Source == Source.Stored && row.Value(field.StoredIndex).IsEmpty)
            {
                return false;
            }
        }
        return true;
    }

    private static Field Describe(JsonPropertyInfo property)
    {
        var name = JsonEncodedText.Encode(property.Name, ApiJson.Options.Encoder);
        if (Is(property, nameof(IssueListRow.ActiveRun)))
        {
            return new Field(name, Source.ActiveRun, -1);
        }
        if (Is(property, nameof(IssueResponse.Labels)))
        {
            return new Field(name, Source.Labels, -1);
        }
        if (Is(property, nameof(IssueResponse.AssigneeAdapterOverrides)))
        {
            return new Field(name, Source.AdapterOverrides, -1);
        }
        var stored = StoredIssueFields.IndexOf(property.Name);
        return new Field(name, stored >= 0 ? Source.Stored : Source.Null, stored);
    }

    private static bool Is(JsonPropertyInfo property, string memberName) =>
        property.Name == JsonNamingPolicy.CamelCase.ConvertName(memberName);
}
