using System.Text.Json;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>Reads the issue body fields shared by create and PATCH (reference §4.2, §4.5).</summary>
public static class IssueFields
{
    /// <summary>The reference bounds delegation depth (MAX_ISSUE_REQUEST_DEPTH).</summary>
    public const int MaxRequestDepth = 1024;

    public static NewIssue ReadNew(BodyReader body, Guid companyId)
    {
        var changes = ReadChanges(body, creating: true);
        return new NewIssue
        {
            CompanyId = companyId,
            Title = changes.Title?.Value ?? "",
            Description = changes.Description?.Value,
            Status = changes.Status?.Value,
            Priority = changes.Priority?.Value,
            ProjectId = changes.ProjectId?.Value,
            ProjectWorkspaceId = changes.ProjectWorkspaceId?.Value,
            GoalId = changes.GoalId?.Value,
            ParentId = changes.ParentId?.Value,
            AssigneeAgentId = changes.AssigneeAgentId?.Value,
            AssigneeUserId = changes.AssigneeUserId?.Value,
            RequestDepth = changes.RequestDepth?.Value ?? 0,
            BillingCode = changes.BillingCode?.Value,
            AssigneeAdapterOverridesJson = changes.AssigneeAdapterOverridesJson?.Value,
            LabelIds = changes.LabelIds?.Value,
        };
    }

    public static IssueChanges ReadChanges(BodyReader body, bool creating)
    {
        var changes = new IssueChanges
        {
            Title = NonNull(body.String("title", InputLimits.Title, required: creating, minLength: 1)),
            Description = body.String("description", InputLimits.LongText, nullable: true),
            Status = NonNull(body.Enum("status", IssueStatuses.All)),
            Priority = NonNull(body.Enum("priority", IssuePriorities.All)),
            ProjectId = body.Uuid("projectId", nullable: true),
            ProjectWorkspaceId = body.Uuid("projectWorkspaceId", nullable: true),
            GoalId = body.Uuid("goalId", nullable: true),
            ParentId = body.Uuid("parentId", nullable: true),
            AssigneeAgentId = body.Uuid("assigneeAgentId", nullable: true),
            AssigneeUserId = body.String("assigneeUserId", InputLimits.ShortText, nullable: true, minLength: 1),
            RequestDepth = body.Integer("requestDepth", minimum: 0, maximum: MaxRequestDepth),
            BillingCode = body.String("billingCode", InputLimits.ShortText, nullable: true),
            AssigneeAdapterOverridesJson = ReadAdapterOverrides(body),
            LabelIds = body.UuidArray("labelIds"),
            HiddenAt = creating ? null : body.Timestamp("hiddenAt", nullable: true),
            // PATCH only: a comment added in the same request, and whether it reopens a closed issue.
            Comment = creating ? null : body.String("comment", InputLimits.LongText, minLength: 1)?.Value,
            Reopen = !creating && body.Boolean("reopen")?.Value == true,
        };
        return changes;
    }

    /// <summary>The strict object <c>{adapterConfig?: object, useProjectWorkspace?: boolean}</c>.</summary>
    private static Change<string?>? ReadAdapterOverrides(BodyReader body)
    {
        var overrides = body.Object("assigneeAdapterOverrides", nullable: true);
        if (overrides?.Value is not { } json)
        {
            return overrides;
        }
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var valid = property.Name switch
            {
                "adapterConfig" => property.Value.ValueKind == JsonValueKind.Object,
                "useProjectWorkspace" => property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                _ => false,
            };
            if (!valid)
            {
                body.AddIssue(new ValidationIssue(
                    property.Name is "adapterConfig" or "useProjectWorkspace" ? "invalid_type" : "unrecognized_keys",
                    ["assigneeAdapterOverrides", property.Name], $"Invalid or unrecognized key '{property.Name}'"));
                return null;
            }
        }
        return overrides;
    }

    private static Change<string>? NonNull(Change<string?>? change) => change is null ? null : new Change<string>(change.Value!);
}
