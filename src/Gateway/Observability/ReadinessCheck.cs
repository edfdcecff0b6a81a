namespace Paperclip.Gateway.Observability;

/// <summary>One readiness check's answer: whether it passes, and a short word for operators (never an error text).</summary>
public sealed record ReadinessCheck(bool Ready, string State);
