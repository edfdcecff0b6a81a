using Microsoft.Extensions.Primitives;
using Paperclip.Gateway.Http;
using Paperclip.Gateway.Validation;
using Paperclip.Grains;

namespace Paperclip.Gateway.Apis;

/// <summary>
/// Parses the list route's query string (reference §4.1 plus the newest <c>limit</c>/<c>offset</c>).
/// A malformed id filter is 422, any other invalid value 400, never a 500.
/// </summary>
public static class IssueListQuery
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;

    public static IssueQuery Parse(IQueryCollection query, Guid companyId, Actor actor)
    {
        var issues = new List<ValidationIssue>();
        var statuses = query["status"].SelectMany(value => (value ?? "").Split(','))
            .Select(status => status.Trim()).Where(status => status.Length > 0).Distinct().ToList();
        foreach (var unknown in statuses.Where(status => !IssueStatuses.All.Contains(status)).Take(InputLimits.MaxValidationIssues))
        {
            issues.Add(new ValidationIssue("invalid_enum_value", ["status"], $"Invalid status '{unknown}'", Options: IssueStatuses.All));
        }
        var limit = Number(query["limit"], "limit", DefaultLimit, minimum: 1, issues);
        var offset = Number(query["offset"], "offset", 0, minimum: 0, issues);
        var assigneeUser = Text(query["assigneeUserId"], "assigneeUserId", issues);
        var search = Text(query["q"], "q", issues)?.Trim();
        if (search?.Length > InputLimits.SearchTerm)
        {
            // Matching costs text length × term length per candidate row: the term is bounded as the text is.
            issues.Add(new ValidationIssue("too_big", ["q"], $"String must contain at most {InputLimits.SearchTerm} character(s)"));
        }
        if (issues.Count > 0)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "Validation error", issues);
        }

        var assigneeAgent = Single(query["assigneeAgentId"]);
        return new IssueQuery
        {
            CompanyId = companyId,
            Statuses = statuses,
            UnassignedOnly = assigneeAgent == "null",
            AssigneeAgentId = assigneeAgent is null or "null" ? null : Id(assigneeAgent, "assigneeAgentId"),
            AssigneeUserId = UserFilter(assigneeUser, actor),
            ProjectId = Single(query["projectId"]) is { } project ? Id(project, "projectId") : null,
            ParentId = (Single(query["parentId"]) ?? Single(query["parentIssueId"])) is { } parent ? Id(parent, "parentId") : null,
            LabelId = Single(query["labelId"]) is { } label ? Id(label, "labelId") : null,
            Search = search is { Length: > 0 } ? search : null,
            Limit = Math.Min(limit, MaxLimit),
            Offset = offset,
        };
    }

    private static string? Single(StringValues values) => values.Count == 0 || string.IsNullOrEmpty(values[0]) ? null : values[0];

    private static Guid Id(string value, string name) =>
        Guid.TryParseExact(value, "D", out var id)
            ? id
            : throw new ApiException(StatusCodes.Status422UnprocessableEntity, $"Invalid {name}: expected a UUID");

    /// <summary><c>me</c> means the calling board user (reference §4.1).</summary>
    private static string? UserFilter(string? value, Actor actor) => value switch
    {
        null => null,
        "me" when actor.IsBoard => actor.UserId,
        "me" => throw new ApiException(StatusCodes.Status403Forbidden, "assigneeUserId=me requires board authentication"),
        _ => value,
    };

    /// <summary>A free-text value, refused with NUL in it as body text is (it would fail in SQL).</summary>
    private static string? Text(StringValues values, string name, List<ValidationIssue> issues)
    {
        var text = Single(values);
        if (text is not null && text.Contains('\0'))
        {
            issues.Add(ValidationIssue.NulCharacter(name));
            return null;
        }
        return text;
    }

    private static int Number(StringValues values, string name, int fallback, int minimum, List<ValidationIssue> issues)
    {
        if (Single(values) is not { } text)
        {
            return fallback;
        }
        if (int.TryParse(text, out var value) && value >= minimum)
        {
            return value;
        }
        issues.Add(new ValidationIssue("invalid_type", [name], $"{name} must be an integer ≥ {minimum}"));
        return fallback;
    }
}
