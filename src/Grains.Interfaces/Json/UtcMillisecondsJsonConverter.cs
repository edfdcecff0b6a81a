using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Paperclip.Grains.Json;

/// <summary>
/// The one timestamp format of the API and of stored state: fixed-width UTC with milliseconds
/// (<c>2026-03-06T10:00:00.000Z</c>). Fixed width makes text order equal time order, which the
/// list index relies on. Reads any ISO-8601 form and returns UTC.
/// </summary>
public sealed class UtcMillisecondsJsonConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string ToText(DateTime value) =>
        value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToText(value));
}
