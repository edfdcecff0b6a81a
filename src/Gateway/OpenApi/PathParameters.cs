namespace Paperclip.Gateway.OpenApi;

/// <summary>What each path parameter name means, the same on every route that uses it.</summary>
public static class PathParameters
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["companyId"] = "The company's UUID.",
        ["issueId"] = "The issue's UUID or its identifier (`PAP-12`, any case).",
        ["agentId"] = "The agent's UUID.",
        ["keyId"] = "The API key's UUID.",
        ["projectId"] = "The project's UUID.",
        ["goalId"] = "The goal's UUID.",
        ["labelId"] = "The label's UUID.",
        ["commentId"] = "The comment's UUID.",
        ["attachmentId"] = "The attachment's UUID.",
        ["runId"] = "The heartbeat run's UUID.",
        ["revisionId"] = "The document revision's UUID.",
        ["key"] = "The document key: 1–64 of `a-z`, `0-9`, `_`, `-`, starting with a letter or digit; upper case is lowered (`PLAN` is `plan`).",
    };

    public static string? Describe(string name) => Descriptions.GetValueOrDefault(name);
}
