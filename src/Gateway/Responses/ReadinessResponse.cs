namespace Paperclip.Gateway.Responses;

/// <summary>The answer of <c>GET /api/health/ready</c> while the process can serve: each check's state.</summary>
public sealed record ReadinessResponse(string Status, IReadOnlyDictionary<string, string> Checks);
