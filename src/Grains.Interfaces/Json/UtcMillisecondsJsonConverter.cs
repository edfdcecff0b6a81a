using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Paperclip.Grains.Json;

/// <summary>
/// The one timestamp format of the API and of stored state: fixed-width UTC with milliseconds
/// (<c>2026-03-06T10:00:00.000Z</c>). Fixed width makes text order equal time order, which the
/// list index relies on. Reads any ISO-8601 form and returns UTC.
/// </summary>
/// <remarks>
/// Every issue carries several timestamps and a list page has up to 1,000 issues, each read from
/// storage and written to the response, so the fixed form is written and read digit by digit;
/// culture-aware formatting and parsing were a tenth of the list's CPU time.
/// </remarks>
public sealed class UtcMillisecondsJsonConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    private const int Length = 24;

    public static string ToText(DateTime value) =>
        value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && TryReadFixed(reader.ValueSpan, out var value))
        {
            return value;
        }
        return DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.ToUniversalTime();
        Span<byte> text = stackalloc byte[Length];
        Digits(text[..4], utc.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), utc.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), utc.Day);
        text[10] = (byte)'T';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), utc.Second);
        text[19] = (byte)'.';
        Digits(text.Slice(20, 3), utc.Millisecond);
        text[23] = (byte)'Z';
        writer.WriteStringValue(text);
    }

    /// <summary>Reads exactly the fixed form; anything else is left to the general parser.</summary>
    private static bool TryReadFixed(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        if (text.Length != Length || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':'
            || text[16] != ':' || text[19] != '.' || text[23] != 'Z')
        {
            return false;
        }
        if (!(TryNumber(text[..4], out var year) && TryNumber(text.Slice(5, 2), out var month)
                && TryNumber(text.Slice(8, 2), out var day) && TryNumber(text.Slice(11, 2), out var hour)
                && TryNumber(text.Slice(14, 2), out var minute) && TryNumber(text.Slice(17, 2), out var second)
                && TryNumber(text.Slice(20, 3), out var millisecond))
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month)
            || year < 1 || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        value = new DateTime(year, month, day, hour, minute, second, millisecond, DateTimeKind.Utc);
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<byte> digits, out int number)
    {
        number = 0;
        foreach (var digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
            number = (number * 10) + (digit - '0');
        }
        return true;
    }

    private static void Digits(Span<byte> target, int number)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (number % 10));
            number /= 10;
        }
    }
}
