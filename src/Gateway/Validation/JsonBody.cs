using System.Text.Json;
using Paperclip.Gateway.Http;

namespace Paperclip.Gateway.Validation;

/// <summary>Reads a request's JSON body with a size limit: malformed → 400, too large → 413.</summary>
public static class JsonBody
{
    /// <summary>The reference raised its JSON limit to 10 MB; larger bodies are refused before parsing.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The body's root object; an empty body reads as <c>{}</c> (as the reference's parser does).</summary>
    public static async Task<JsonElement> ReadObjectAsync(HttpRequest request)
    {
        // Read up to the limit rather than trusting Content-Length: Kestrel then drains the rest
        // (its own limit is a little higher), so the client gets to read the 413.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ApiException(StatusCodes.Status413PayloadTooLarge, "Request body too large");
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return JsonDocument.Parse("{}").RootElement;
        }
        var json = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        JsonElement root;
        try
        {
            // Bounds first: a body too big in values is refused without building its document.
            if (JsonShape.FindOversized(json.Span) is { } oversized)
            {
                throw new ApiException(StatusCodes.Status400BadRequest, "Validation error", new[] { oversized });
            }
            root = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = InputLimits.MaxJsonDepth }).RootElement;
        }
        catch (JsonException)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "Malformed JSON body");
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "Validation error",
                new[] { new ValidationIssue("invalid_type", [], $"Expected object, received {BodyReader.KindName(root)}", "object", BodyReader.KindName(root)) });
        }
        if (JsonText.FindInvalid(root) is { } path)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "Validation error",
                new[] { new ValidationIssue("invalid_string", path, "Invalid text: unpaired UTF-16 surrogate") });
        }
        return root;
    }
}
