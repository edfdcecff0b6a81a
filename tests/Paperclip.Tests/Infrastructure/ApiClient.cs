using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Paperclip.Tests.Infrastructure;

/// <summary>One HTTP answer: status and parsed JSON body.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonElement Body, string Text)
{
    public string? Error => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("error", out var e) ? e.GetString() : null;

    public string Str(string name) => Body.GetProperty(name).GetString()!;

    public Guid Id => Guid.Parse(Str("id"));

    public override string ToString() => $"{(int)Status} {Text}";
}

/// <summary>A small JSON client for the API, with optional bearer and run-id headers.</summary>
public sealed class ApiClient(HttpClient http, string? defaultBearer = null)
{
    public HttpClient Http { get; } = http;

    /// <summary>The HTTP API a silo process co-hosts.</summary>
    public static ApiClient For(SiloProcess silo) =>
        new(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.HttpPort}"), Timeout = TimeSpan.FromSeconds(60) });

    /// <summary>The same server, sending this bearer token unless a call names another.</summary>
    public ApiClient As(string bearer) => new(Http, bearer);

    public Task<ApiResponse> GetAsync(string path, string? bearer = null, string? runId = null) =>
        SendAsync(HttpMethod.Get, path, null, bearer, runId);

    public Task<ApiResponse> PostAsync(string path, object? body = null, string? bearer = null, string? runId = null) =>
        SendAsync(HttpMethod.Post, path, body, bearer, runId);

    public Task<ApiResponse> PatchAsync(string path, object body, string? bearer = null, string? runId = null) =>
        SendAsync(HttpMethod.Patch, path, body, bearer, runId);

    public Task<ApiResponse> PutAsync(string path, object body, string? bearer = null, string? runId = null) =>
        SendAsync(HttpMethod.Put, path, body, bearer, runId);

    public Task<ApiResponse> DeleteAsync(string path, string? bearer = null, string? runId = null) =>
        SendAsync(HttpMethod.Delete, path, null, bearer, runId);

    /// <summary>Sends a raw body (for malformed JSON and size tests).</summary>
    public async Task<ApiResponse> SendRawAsync(HttpMethod method, string path, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await ReadAsync(await Http.SendAsync(request));
    }

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body, string? bearer, string? runId)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }
        if ((bearer ?? defaultBearer) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (runId is not null)
        {
            request.Headers.Add("X-Paperclip-Run-Id", runId);
        }
        return await ReadAsync(await Http.SendAsync(request));
    }

    private static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new ApiResponse(response.StatusCode, body, text);
    }
}
