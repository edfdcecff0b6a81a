using Paperclip.Gateway.OpenApi.Routes;

namespace Paperclip.Gateway.OpenApi;

/// <summary>
/// Every route's documentation, one file per <c>Apis/*Api.cs</c>. A route mapped without an entry
/// here still appears in the document, bare, and the documentation tests name it.
/// </summary>
public static class RouteCatalog
{
    public static IReadOnlyList<RouteDoc> All { get; } =
    [
        .. HealthApiDocs.Routes,
        .. CompaniesApiDocs.Routes,
        .. AgentsApiDocs.Routes,
        .. ApiKeysApiDocs.Routes,
        .. ProjectsApiDocs.Routes,
        .. GoalsApiDocs.Routes,
        .. LabelsApiDocs.Routes,
        .. IssuesApiDocs.Routes,
        .. IssueLocksApiDocs.Routes,
        .. CommentsApiDocs.Routes,
        .. DocumentsApiDocs.Routes,
        .. AttachmentsApiDocs.Routes,
        .. ActivityApiDocs.Routes,
        .. EventsApiDocs.Routes,
        .. RunsApiDocs.Routes,
        .. WakeupsApiDocs.Routes,
        .. HeartbeatContextApiDocs.Routes,
    ];

    /// <summary>Throws at start-up on a route described twice.</summary>
    private static readonly Dictionary<string, RouteDoc> ByKey = All.ToDictionary(route => route.Key);

    public static RouteDoc? Find(string method, string route) => ByKey.GetValueOrDefault(RouteDoc.KeyOf(method, route));
}
