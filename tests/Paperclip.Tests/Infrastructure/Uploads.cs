using System.Net.Http.Headers;
using System.Text;

namespace Paperclip.Tests.Infrastructure;

/// <summary>Multipart uploads of attachments, as clients send them and as hostile ones might.</summary>
public static class Uploads
{
    public static async Task<ApiResponse> SendAsync(ApiClient api, Guid company, object issue, byte[] bytes, string fileName,
        string contentType, string field = "file", string? issueCommentId = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, field, fileName);
        if (issueCommentId is not null)
        {
            form.Add(new StringContent(issueCommentId), "issueCommentId");
        }
        return await PostAsync(api, company, issue, form);
    }

    /// <summary>
    /// A file part whose name is given only as RFC 5987 <c>filename*</c>, percent-encoded, so it
    /// can carry what no client library would put in a header (CR, LF, NUL, quotes).
    /// </summary>
    public static async Task<ApiResponse> SendEncodedNameAsync(ApiClient api, Guid company, Guid issue, string encodedName)
    {
        const string boundary = "paperclip-test-boundary";
        var body = Encoding.ASCII.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"; filename*=UTF-8''{encodedName}\r\n" +
            $"Content-Type: text/plain\r\n\r\nhello\r\n--{boundary}--\r\n");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return await PostAsync(api, company, issue, content);
    }

    public static async Task<ApiResponse> PostAsync(ApiClient api, Guid company, object issue, HttpContent content)
    {
        using var response = await api.Http.PostAsync($"/api/companies/{company}/issues/{issue}/attachments", content);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, System.Text.Json.JsonDocument.Parse(text).RootElement.Clone(), text);
    }
}
