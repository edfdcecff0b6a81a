using System.Text.Json;
using Paperclip.Grains.Json;

namespace Paperclip.Tests.Json;

/// <summary>The timestamp format shared by stored state and the API: fixed-width UTC milliseconds.</summary>
public sealed class UtcMillisecondsJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new UtcMillisecondsJsonConverter() } };

    [Theory]
    [InlineData("0001-01-01T00:00:00.000Z")]
    [InlineData("2026-03-06T10:00:00.000Z")]
    [InlineData("2028-02-29T23:59:59.999Z")]
    [InlineData("9999-12-31T23:59:59.999Z")]
    public void TheFixedFormRoundTripsExactly(string text)
    {
        var value = JsonSerializer.Deserialize<DateTime>($"\"{text}\"", Options);

        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(DateTime.Parse(text, null, System.Globalization.DateTimeStyles.AdjustToUniversal), value);
        Assert.Equal($"\"{text}\"", JsonSerializer.Serialize(value, Options));
    }

    [Fact]
    public void WritingTruncatesBelowMillisecondsAndConvertsToUtc()
    {
        var local = new DateTime(2026, 3, 6, 10, 0, 0, 123, DateTimeKind.Utc).AddTicks(9999).ToLocalTime();

        Assert.Equal("\"2026-03-06T10:00:00.123Z\"", JsonSerializer.Serialize(local, Options));
    }

    [Theory]
    [InlineData("2026-03-06T11:00:00+01:00")]
    [InlineData("2026-03-06T10:00:00Z")]
    [InlineData("2026-03-06T10:00:00.0000000Z")]
    [InlineData("2026-03-06T10:00:00")]
    [InlineData("2026-03-06T10:00:00\\u002e000Z")]
    public void OtherIsoFormsAreReadAsUtc(string text)
    {
        var value = JsonSerializer.Deserialize<DateTime>($"\"{text}\"", Options);

        Assert.Equal(new DateTime(2026, 3, 6, 10, 0, 0, DateTimeKind.Utc), value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
    }

    [Theory]
    [InlineData("2026-02-30T10:00:00.000Z")]
    [InlineData("2026-13-01T10:00:00.000Z")]
    [InlineData("2026-03-06T24:00:00.000Z")]
    [InlineData("2026-03-0xT10:00:00.000Z")]
    public void FixedLookingTextThatIsNoDateIsRefused(string text)
    {
        Assert.ThrowsAny<FormatException>(() => JsonSerializer.Deserialize<DateTime>($"\"{text}\"", Options));
    }
}
