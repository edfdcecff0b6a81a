namespace Paperclip.Gateway.Responses;

/// <summary>The health check's answer: <c>{"status": "ok"}</c>.</summary>
public sealed record HealthResponse(string Status);
