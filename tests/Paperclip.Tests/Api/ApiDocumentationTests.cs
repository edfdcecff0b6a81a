using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Paperclip.Gateway.Observability;
using Paperclip.Gateway.OpenApi;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// Issue 11: the OpenAPI document at <c>/openapi/v1.json</c> describes exactly the routes the API
/// maps, each with its summary, parameters, body, answers and errors, and the reference page at
/// <c>/docs</c> runs on assets this server serves.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class ApiDocumentationTests(ApiCluster cluster)
{
    /// <summary>
    /// The document's own route is the one mapped route it leaves out: it describes the API rather
    /// than being part of it. (The page is middleware, not a route.)
    /// </summary>
    private static readonly string DocumentRouteKey = RouteDoc.KeyOf("GET", ApiDocumentation.DocumentRoute);

    /// <summary>Routes that never succeed: <c>GET /api/issues</c> only tells callers to name the company (reference §4.0).</summary>
    private static readonly string[] AlwaysRefused = ["GET /api/issues"];

    /// <summary>POST routes whose handlers never read a body: release, force-release and restore act on the path alone.</summary>
    private static readonly string[] BodylessWrites =
    [
        "POST /api/issues/{issueId}/release",
        "POST /api/issues/{issueId}/admin/force-release",
        "POST /api/issues/{issueId}/documents/{key}/revisions/{revisionId}/restore",
    ];

    [Fact]
    public async Task DocumentListsExactlyTheRoutesOfTheRoutingTable()
    {
        var mapped = await MappedApiRoutesAsync();
        var documented = Operations(await DocumentAsync()).Select(operation => operation.Key).ToHashSet();

        Assert.True(mapped.Count > 50, $"only {mapped.Count} routes read from the routing table");
        Assert.Empty(mapped.Except(documented).Order());
        Assert.Empty(documented.Except(mapped).Order());
    }

    [Fact]
    public async Task EveryMappedRouteHasItsDocumentationAndEveryDocumentationItsRoute()
    {
        var mapped = await MappedApiRoutesAsync();
        var described = RouteCatalog.All.Select(route => route.Key).ToHashSet();

        Assert.Empty(mapped.Except(described).Order());
        Assert.Empty(described.Except(mapped).Order());
    }

    [Fact]
    public async Task EveryOperationHasASummaryATagAndASuccessAnswer()
    {
        var tags = (await DocumentAsync()).GetProperty("tags").EnumerateArray().Select(tag => tag.GetProperty("name").GetString()).ToHashSet();
        foreach (var (key, operation) in Operations(await DocumentAsync()))
        {
            Assert.True(operation.TryGetProperty("summary", out var summary) && !string.IsNullOrWhiteSpace(summary.GetString()),
                $"{key} has no summary: describe it in src/Gateway/OpenApi/Routes");
            Assert.Contains(operation.GetProperty("tags").EnumerateArray().Single().GetString(), tags);
            var statuses = operation.GetProperty("responses").EnumerateObject().Select(response => int.Parse(response.Name)).ToList();
            Assert.True(AlwaysRefused.Contains(key) ? statuses.All(status => status >= 400) : statuses.Any(status => status is >= 200 and < 300),
                $"{key} answers {string.Join(", ", statuses)}");
        }
    }

    [Fact]
    public async Task EveryWriteThatTakesABodyDescribesIt()
    {
        foreach (var (key, operation) in Operations(await DocumentAsync()))
        {
            var takesBody = key.Split(' ')[0] is "POST" or "PUT" or "PATCH" && !BodylessWrites.Contains(key);
            Assert.True(takesBody == operation.TryGetProperty("requestBody", out var body), key);
            if (takesBody)
            {
                var content = body.GetProperty("content").EnumerateObject().Single();
                Assert.True(content.Name is "application/json" or "multipart/form-data", key);
                Assert.Equal("object", content.Value.GetProperty("schema").GetProperty("type").GetString());
                Assert.NotEmpty(content.Value.GetProperty("schema").GetProperty("properties").EnumerateObject());
            }
        }
    }

    [Fact]
    public async Task EveryErrorAnswerUsesTheSharedErrorSchema()
    {
        var document = await DocumentAsync();
        var error = document.GetProperty("components").GetProperty("schemas").GetProperty("Error");
        Assert.Equal(["error"], error.GetProperty("required").EnumerateArray().Select(name => name.GetString()));
        Assert.Equal("string", error.GetProperty("properties").GetProperty("error").GetProperty("type").GetString());
        var errorCount = 0;
        foreach (var (key, operation) in Operations(document))
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(response => int.Parse(response.Name) >= 400))
            {
                var schema = response.Value.GetProperty("content").GetProperty("application/json").GetProperty("schema");
                Assert.True(schema.GetProperty("$ref").GetString() == "#/components/schemas/Error", $"{key} {response.Name}");
                Assert.False(string.IsNullOrWhiteSpace(response.Value.GetProperty("description").GetString()), $"{key} {response.Name}");
                errorCount++;
            }
        }
        Assert.True(errorCount > 200, $"only {errorCount} error answers");
    }

    [Fact]
    public async Task EveryReferenceNamesAComponentOnEveryRequest()
    {
        await DocumentAsync();
        var document = await DocumentAsync();
        var components = document.GetProperty("components");
        var references = Reference().Matches(document.GetRawText()).Select(match => (Kind: match.Groups[1].Value, Name: match.Groups[2].Value)).Distinct().ToList();

        Assert.Contains(("schemas", "IssueResponse"), references);
        Assert.All(references, reference => Assert.True(
            components.TryGetProperty(reference.Kind, out var kind) && kind.TryGetProperty(reference.Name, out _), $"{reference.Kind}/{reference.Name}"));
    }

    [Fact]
    public async Task EveryPathParameterIsDeclaredAndDescribed()
    {
        foreach (var (key, operation) in Operations(await DocumentAsync()))
        {
            var inPath = PathParameter().Matches(key).Select(match => match.Groups[1].Value).Order();
            var declared = Parameters(operation)
                .Where(parameter => parameter.TryGetProperty("in", out var location) && location.GetString() == "path")
                .ToList();
            Assert.Equal(inPath, declared.Select(parameter => parameter.GetProperty("name").GetString()!).Order());
            Assert.All(declared, parameter =>
            {
                Assert.True(parameter.GetProperty("required").GetBoolean());
                Assert.False(string.IsNullOrWhiteSpace(parameter.GetProperty("description").GetString()), key);
            });
        }
    }

    [Fact]
    public async Task RoutesThatResolveACallerDocumentTheBearerSchemeAndTheRunIdHeader()
    {
        var document = await DocumentAsync();
        var components = document.GetProperty("components");
        Assert.Equal("bearer", components.GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-Paperclip-Run-Id", components.GetProperty("parameters").GetProperty("RunId").GetProperty("name").GetString());
        foreach (var (key, operation) in Operations(document))
        {
            var runIdHeader = Parameters(operation)
                .Any(parameter => parameter.TryGetProperty("$ref", out var reference) && reference.GetString() == "#/components/parameters/RunId");
            var open = key is "GET /api/health" or "GET /api/health/ready";
            Assert.True(runIdHeader != open, key);
            Assert.Equal(open, operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0);
        }
    }

    [Fact]
    public async Task ThePageLoadsOnlyAssetsThisServerServes()
    {
        var page = await cluster.Api.Http.GetAsync(ApiDocumentation.PagePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        var pageUri = page.RequestMessage!.RequestUri!;
        var assets = Asset().Matches(html).Select(match => match.Groups[1].Value).ToList();

        Assert.Contains(assets, asset => asset.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(assets, asset => asset.EndsWith(".css", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var uri = new Uri(pageUri, asset);
            Assert.Equal(pageUri.Authority, uri.Authority);
            var response = await cluster.Api.Http.GetAsync(uri);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {response.StatusCode}");
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
        var script = await cluster.Api.Http.GetStringAsync(new Uri(pageUri, "index.js"));
        Assert.Contains($"\"url\":\"{ApiDocumentation.DocumentPath}\"", script);
    }

    private async Task<IReadOnlySet<string>> MappedApiRoutesAsync()
    {
        var routes = await RoutingTable.RouteKeysAsync(cluster.Database.Url);
        Assert.Contains(DocumentRouteKey, routes);
        // The Orleans dashboard's pages and feeds are Orleans' product, not routes of the API.
        return routes.Where(route => route != DocumentRouteKey && !route.Split(' ')[1].StartsWith(DashboardEndpoints.Path, StringComparison.Ordinal)).ToHashSet();
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await cluster.Api.Http.GetAsync(ApiDocumentation.DocumentPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        return document;
    }

    private static IEnumerable<(string Key, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(entry => entry.Name is "get" or "put" or "post" or "delete" or "patch" or "head" or "options" or "trace")
            .Select(entry => (RouteDoc.KeyOf(entry.Name, path.Name), entry.Value)));

    private static IEnumerable<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [];

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex("\"#/components/([A-Za-z]+)/([^\"]+)\"")]
    private static partial Regex Reference();

    /// <summary>What a page loads: scripts, styles and icons.</summary>
    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex Asset();
}
