using System.Globalization;
using System.Text.Json;
using Paperclip.Gateway.Http;
using Paperclip.Grains;

namespace Paperclip.Gateway.Validation;

/// <summary>
/// Pulls typed fields out of a JSON body and collects every problem, so one 400 names them all.
/// Each read returns a <see cref="Change{T}"/>: <c>null</c> when the field is absent, a change
/// with a <c>null</c> value when it was sent as JSON null (allowed only for nullable fields).
/// Unknown keys are ignored, as in the reference.
/// </summary>
public sealed class BodyReader(JsonElement body)
{
    private readonly List<ValidationIssue> _issues = [];

    public static async Task<BodyReader> ReadAsync(HttpRequest request) => new(await JsonBody.ReadObjectAsync(request));

    public IReadOnlyList<ValidationIssue> Issues => _issues;

    /// <summary>
    /// Records a problem found by a rule beyond a field's type (e.g. a date format). Beyond
    /// <see cref="InputLimits.MaxValidationIssues"/> problems are counted but not listed: the 400
    /// stays small whatever the body holds.
    /// </summary>
    public void AddIssue(ValidationIssue issue)
    {
        if (_issues.Count < InputLimits.MaxValidationIssues)
        {
            _issues.Add(issue);
        }
    }

    /// <summary>Throws the 400 <c>Validation error</c> when any read failed.</summary>
    public void ThrowIfInvalid()
    {
        if (_issues.Count > 0)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "Validation error", _issues);
        }
    }

    public Change<string?>? String(string name, int maxLength, bool nullable = false, bool required = false, int minLength = 0, bool trim = false) =>
        Read<string?>(name, nullable, required, "string", element =>
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                return Mismatch<string?>(name, "string", element);
            }
            var text = element.GetString()!;
            if (trim)
            {
                text = text.Trim();
            }
            if (text.Length < minLength)
            {
                return Fail<string?>(name, "too_small", $"String must contain at least {minLength} character(s)");
            }
            if (text.Length > maxLength)
            {
                return Fail<string?>(name, "too_big", $"String must contain at most {maxLength} character(s)");
            }
            if (text.Contains('\0'))
            {
                AddIssue(ValidationIssue.NulCharacter(name));
                return (false, null);
            }
            return (true, text);
        });

    public Change<string?>? Enum(string name, IReadOnlyList<string> options, bool nullable = false, bool required = false) =>
        Read<string?>(name, nullable, required, "string", element =>
        {
            if (element.ValueKind == JsonValueKind.String && options.Contains(element.GetString()!))
            {
                return (true, element.GetString());
            }
            var received = element.ValueKind == JsonValueKind.String ? $"'{element.GetString()}'" : KindName(element);
            AddIssue(new ValidationIssue("invalid_enum_value", [name],
                $"Invalid enum value. Expected {string.Join(" | ", options.Select(o => $"'{o}'"))}, received {received}",
                Received: element.ValueKind == JsonValueKind.String ? element.GetString() : KindName(element), Options: options));
            return (false, null);
        });

    public Change<Guid?>? Uuid(string name, bool nullable = false, bool required = false) =>
        Read<Guid?>(name, nullable, required, "string", element => ParseUuid(name, element, [name]));

    public Change<IReadOnlyList<Guid>>? UuidArray(string name, int maxCount = InputLimits.MaxIdsPerField, bool required = false) =>
        Read<IReadOnlyList<Guid>>(name, nullable: false, required, "array", element =>
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                return Mismatch<IReadOnlyList<Guid>>(name, "array", element);
            }
            if (element.GetArrayLength() > maxCount)
            {
                return TooMany<IReadOnlyList<Guid>>(name, maxCount);
            }
            var ids = new List<Guid>();
            var index = 0;
            var ok = true;
            foreach (var item in element.EnumerateArray())
            {
                var (valid, id) = ParseUuid(name, item, [name, index++]);
                ok &= valid;
                if (id is { } value)
                {
                    ids.Add(value);
                }
            }
            return (ok, ids);
        });

    /// <summary>An array of enum values, at most <paramref name="maxCount"/> long (repeats allowed, as in the reference).</summary>
    public Change<IReadOnlyList<string>>? EnumArray(string name, IReadOnlyList<string> options, int maxCount, bool required = false, bool nonEmpty = false) =>
        Read<IReadOnlyList<string>>(name, nullable: false, required, "array", element =>
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                return Mismatch<IReadOnlyList<string>>(name, "array", element);
            }
            if (element.GetArrayLength() > maxCount)
            {
                return TooMany<IReadOnlyList<string>>(name, maxCount);
            }
            var values = new List<string>();
            var index = 0;
            var ok = true;
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && options.Contains(item.GetString()!))
                {
                    values.Add(item.GetString()!);
                }
                else
                {
                    ok = false;
                    AddIssue(new ValidationIssue("invalid_enum_value", [name, index],
                        $"Invalid enum value. Expected {string.Join(" | ", options.Select(o => $"'{o}'"))}", Options: options));
                }
                index++;
            }
            if (nonEmpty && values.Count == 0 && ok)
            {
                return Fail<IReadOnlyList<string>>(name, "too_small", "Array must contain at least 1 element(s)");
            }
            return (ok, values);
        });

    public Change<int>? Integer(string name, int minimum = int.MinValue, int maximum = int.MaxValue, bool required = false) =>
        Read<int>(name, nullable: false, required, "number", element =>
        {
            if (element.ValueKind != JsonValueKind.Number)
            {
                return Mismatch<int>(name, "number", element);
            }
            if (!element.TryGetInt32(out var value))
            {
                return Fail<int>(name, "invalid_type", "Expected integer, received float");
            }
            if (value < minimum)
            {
                return Fail<int>(name, "too_small", $"Number must be greater than or equal to {minimum}");
            }
            return value > maximum ? Fail<int>(name, "too_big", $"Number must be less than or equal to {maximum}") : (true, value);
        });

    public Change<bool>? Boolean(string name, bool required = false) =>
        Read<bool>(name, nullable: false, required, "boolean", element =>
            element.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? (true, element.GetBoolean())
                : Mismatch<bool>(name, "boolean", element));

    /// <summary>A JSON object kept as raw JSON text (adapter settings, permissions, …).</summary>
    public Change<string?>? Object(string name, bool nullable = false, bool required = false) =>
        Read<string?>(name, nullable, required, "object", element =>
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return Mismatch<string?>(name, "object", element);
            }
            var json = element.GetRawText();
            return json.Length > InputLimits.MaxObjectBytes
                ? Fail<string?>(name, "too_big", $"Object must be at most {InputLimits.MaxObjectBytes} characters of JSON")
                : (true, json);
        });

    /// <summary>An ISO-8601 UTC timestamp (<c>Z</c> form, as zod's <c>datetime()</c>).</summary>
    public Change<DateTime?>? Timestamp(string name, bool nullable = false) =>
        Read<DateTime?>(name, nullable, required: false, "string", element =>
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                return Mismatch<DateTime?>(name, "string", element);
            }
            var text = element.GetString()!;
            return text.EndsWith('Z') && DateTime.TryParse(text, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
                ? (true, value)
                : Fail<DateTime?>(name, "invalid_string", "Invalid datetime");
        });

    public static string KindName(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "undefined",
    };

    private Change<T>? Read<T>(string name, bool nullable, bool required, string expected, Func<JsonElement, (bool Ok, T Value)> parse)
    {
        if (!body.TryGetProperty(name, out var element))
        {
            if (required)
            {
                AddIssue(new ValidationIssue("invalid_type", [name], "Required", expected, "undefined"));
            }
            return null;
        }
        if (element.ValueKind == JsonValueKind.Null)
        {
            if (nullable)
            {
                return new Change<T>(default!);
            }
            Mismatch<T>(name, expected, element);
            return null;
        }
        var (ok, value) = parse(element);
        return ok ? new Change<T>(value) : null;
    }

    private (bool, Guid?) ParseUuid(string name, JsonElement element, IReadOnlyList<object> path)
    {
        if (element.ValueKind == JsonValueKind.String && Guid.TryParseExact(element.GetString(), "D", out var id))
        {
            return (true, id);
        }
        AddIssue(element.ValueKind == JsonValueKind.String
            ? new ValidationIssue("invalid_string", path, "Invalid uuid")
            : new ValidationIssue("invalid_type", path, $"Expected string, received {KindName(element)}", "string", KindName(element)));
        return (false, null);
    }

    private (bool, T) Mismatch<T>(string name, string expected, JsonElement element)
    {
        AddIssue(new ValidationIssue("invalid_type", [name], $"Expected {expected}, received {KindName(element)}", expected, KindName(element)));
        return (false, default!);
    }

    private (bool, T) TooMany<T>(string name, int maxCount) =>
        Fail<T>(name, "too_big", $"Array must contain at most {maxCount} element(s)");

    private (bool, T) Fail<T>(string name, string code, string message)
    {
        AddIssue(new ValidationIssue(code, [name], message));
        return (false, default!);
    }
}
