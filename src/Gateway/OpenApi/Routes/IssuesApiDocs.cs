using Microsoft.OpenApi;
using Paperclip.Gateway.Apis;
using Paperclip.Gateway.Responses;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;
using static Paperclip.Gateway.OpenApi.Describe;
using static Paperclip.Gateway.OpenApi.Schemas;

namespace Paperclip.Gateway.OpenApi.Routes;

/// <summary>The routes of <see cref="IssuesApi"/>.</summary>
public static class IssuesApiDocs
{
    /// <summary>What create and PATCH refuse about assignees and references (reference §4.2, CONTRACT §3).</summary>
    private static readonly ErrorDoc[] AssignmentErrors =
    [
        Forbidden("`Missing permission: tasks:assign`: an agent assigning work without that permission."),
        NotFound("`Assignee agent not found`."),
        Conflict("`Cannot assign work to pending approval agents` or `… to terminated agents`."),
        Unprocessable("`Issue can only have one assignee`, `in_progress issues require an assignee`, `Assignee must belong to same company`, " +
            "an unknown or foreign `projectId`/`goalId`/`parentId`/`labelIds`, a `projectWorkspaceId`, or a parent that would make a cycle."),
    ];

    public static IReadOnlyList<RouteDoc> Routes { get; } =
    [
        new("GET", "/api/issues", ApiTags.Issues, "Point to the company-scoped issue list")
        {
            Description = "Always 400, as the reference: issues are listed per company at `/api/companies/{companyId}/issues`.",
            Errors = [BadRequest("`Missing companyId in path. Use /api/companies/{companyId}/issues.`")],
        },
        new("GET", "/api/companies/{companyId}/issues", ApiTags.Issues, "List or search a company's issues")
        {
            Description = "Ordered by priority (critical first), then `updatedAt` newest first, then id; with `q`, by relevance first " +
                "(title, identifier, description, comments). Hidden issues are left out. Each row carries `activeRun`.",
            Query =
            [
                Query("status", "Statuses to keep, comma-separated or repeated (`todo,in_progress`).", () => Text(InputLimits.LongText)),
                Query("assigneeAgentId", "An agent's UUID, or `null` for unassigned issues.", () => Text(36)),
                Query("assigneeUserId", "A user id, or `me` (board callers only).", () => Text(InputLimits.ShortText)),
                Query("projectId", "Issues of this project.", () => Uuid()),
                Query("parentId", "Direct children of this issue (`parentIssueId` is accepted too).", () => Uuid()),
                Query("labelId", "Issues carrying this label.", () => Uuid()),
                Query("q", "Search text: case-insensitive match in title, identifier, description and comments.", () => Text(InputLimits.SearchTerm)),
                Query("limit", $"Page size, default {IssueListQuery.DefaultLimit}, at most {IssueListQuery.MaxLimit}.", () => Integer(minimum: 1)),
                Query("offset", "Rows to skip, default 0.", () => Integer(minimum: 0)),
            ],
            Success = [Ok<IReadOnlyList<IssueListRow>>("One page of issues, each with `activeRun` (its queued or running execution run, else null).")],
            Errors =
            [
                BadRequest("`Validation error`: an unknown status, a `limit`/`offset` that is not a number in range, or a `q` too long."),
                OtherCompany,
                Forbidden("`assigneeUserId=me requires board authentication`."),
                CompanyNotFound,
                Unprocessable("`Invalid assigneeAgentId: expected a UUID` (or `projectId`, `parentId`, `labelId`)."),
                TooManyRequests("`Too many concurrent issue lists for this company, retry shortly`."),
            ],
        },
        new("POST", "/api/companies/{companyId}/issues", ApiTags.Issues, "Create an issue")
        {
            Description = "The identifier (`PAP-12`) comes from the company's counter, never reused. Without a project or goal the issue " +
                "gets the company's default goal. An assigned agent is woken unless the status is `backlog`.",
            Body = JsonBody(() => Body(creating: true), required: true),
            Success = [Created<IssueResponse>("The new issue.")],
            Errors = [OtherCompany, CompanyNotFound, .. AssignmentErrors],
        },
        new("GET", "/api/issues/{issueId}", ApiTags.Issues, "Get an issue with its context")
        {
            Description = "The issue plus `ancestors` (nearest first), `project`, `goal`, `planDocument`, `documentSummaries`, " +
                "`legacyPlanDocument` and `mentionedProjects`.",
            Success = [Ok<IssueDetail>("The issue in detail.")],
            Errors = [IssueNotFound],
        },
        new("PATCH", "/api/issues/{issueId}", ApiTags.Issues, "Update an issue")
        {
            Description = "Only the fields sent change. `comment` adds a comment in the same call and `reopen: true` with it reopens a " +
                "`done` or `cancelled` issue. Leaving `in_progress` or changing the assignee releases the checkout and execution lock. " +
                "Send `X-Paperclip-Run-Id` when an agent updates its own in-progress issue.",
            Body = JsonBody(() => Body(creating: false)),
            Success = [Ok<IssueUpdateResponse>("The updated issue plus `comment`: the comment added, or null.")],
            Errors = [IssueNotFound, .. RunOwnershipGate, .. AssignmentErrors],
        },
        new("DELETE", "/api/issues/{issueId}", ApiTags.Issues, "Delete an issue")
        {
            Description = "Removes the issue with its comments, documents and attachments.",
            Success = [Ok<IssueResponse>("The deleted issue.")],
            Errors = [IssueNotFound, Conflict("`Issue has child issues`: delete or re-parent them first.")],
        },
    ];

    private static OpenApiSchema Body(bool creating)
    {
        Field[] fields =
        [
            RequiredIf(creating, "title", Text(InputLimits.Title, minLength: 1)),
            Optional("description", Text(InputLimits.LongText, nullable: true), "Markdown."),
            Optional("status", OneOf(IssueStatuses.All), creating ? "Default `backlog`, or `todo` when an assignee is given." : null),
            Optional("priority", OneOf(IssuePriorities.All), creating ? "Default `medium`." : null),
            Optional("projectId", Uuid(nullable: true)),
            Optional("projectWorkspaceId", Uuid(nullable: true), "Workspaces are not modelled: any value is refused with 422."),
            Optional("goalId", Uuid(nullable: true)),
            Optional("parentId", Uuid(nullable: true), "The parent issue; it may not make a cycle."),
            Optional("assigneeAgentId", Uuid(nullable: true)),
            Optional("assigneeUserId", Text(InputLimits.ShortText, minLength: 1, nullable: true), "At most one of the two assignees."),
            Optional("requestDepth", Integer(minimum: 0, maximum: IssueFields.MaxRequestDepth), "Delegation depth, default 0."),
            Optional("billingCode", Text(InputLimits.ShortText, nullable: true)),
            Optional("assigneeAdapterOverrides", AdapterOverrides()),
            Optional("labelIds", ArrayOf(Uuid(), InputLimits.MaxIdsPerField), "Labels of the same company; replaces the set."),
        ];
        return creating
            ? Object(fields)
            : Object(
            [
                .. fields,
                Optional("hiddenAt", Timestamp(nullable: true), "Hidden issues are left out of lists."),
                Optional("comment", Text(InputLimits.LongText, minLength: 1), "A comment added in the same call."),
                Optional("reopen", Boolean(), "With `comment`: reopen a `done` or `cancelled` issue to `todo` (unless `status` is sent)."),
            ]);
    }

    /// <summary>The strict object <c>{adapterConfig?, useProjectWorkspace?}</c>: other keys are refused.</summary>
    private static OpenApiSchema AdapterOverrides()
    {
        var overrides = Object(Optional("adapterConfig", FreeObject()), Optional("useProjectWorkspace", Boolean()));
        overrides.Type |= JsonSchemaType.Null;
        overrides.AdditionalPropertiesAllowed = false;
        return overrides;
    }
}
