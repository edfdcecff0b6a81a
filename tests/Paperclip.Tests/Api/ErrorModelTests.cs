using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>CONTRACT §1: one error body, the right 4xx for bad input, never a 500.</summary>
[Collection(ApiCollection.Name)]
public sealed class ErrorModelTests(ApiCluster cluster)
{
    private ApiClient Api => cluster.Api;

    [Fact]
    public async Task HealthReportsOk()
    {
        var response = await Api.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("ok", response.Str("status"));
    }

    [Theory]
    [InlineData("GET", "/api/nope")]
    [InlineData("GET", "/api/companies/x/y/z")]
    [InlineData("PUT", "/api/companies")]
    [InlineData("DELETE", "/api/health")]
    public async Task UnknownRoutesAndMethodsAnswerApiRouteNotFound(string method, string path)
    {
        var response = await Api.SendAsync(new HttpMethod(method), path, null, null, null);
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("API route not found", response.Error);
    }

    [Fact]
    public async Task MalformedJsonIsRejectedWith400()
    {
        var response = await Api.SendRawAsync(HttpMethod.Post, "/api/companies", "{\"name\": ");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Malformed JSON body", response.Error);
    }

    [Fact]
    public async Task NonObjectJsonBodyIsAValidationError()
    {
        var response = await Api.SendRawAsync(HttpMethod.Post, "/api/companies", "[1,2]");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Validation error", response.Error);
    }

    [Fact]
    public async Task BodyOverTenMegabytesIsRejectedWith413AndNothingIsCreated()
    {
        var before = (await Api.GetAsync("/api/companies")).Body.GetArrayLength();
        var huge = "{\"name\":\"" + new string('x', (10 * 1024 * 1024) + 4096) + "\"}";
        var response = await Api.SendRawAsync(HttpMethod.Post, "/api/companies", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("Request body too large", response.Error);
        Assert.Equal(before, (await Api.GetAsync("/api/companies")).Body.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/companies/not-a-uuid", "Company not found")]
    [InlineData("/api/companies/00000000-0000-0000-0000-000000000000", "Company not found")]
    [InlineData("/api/agents/xyz", "Agent not found")]
    [InlineData("/api/projects/xyz", "Project not found")]
    [InlineData("/api/goals/'; drop table grain_state; --", "Goal not found")]
    [InlineData("/api/issues/xyz", "Issue not found")]
    [InlineData("/api/issues/PAP-999999", "Issue not found")]
    [InlineData("/api/issues/7d3f0c4e-0000-4000-8000-000000000000", "Issue not found")]
    public async Task MalformedOrUnknownIdsAreNotFound(string path, string error)
    {
        var response = await Api.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal(error, response.Error);
    }

    [Fact]
    public async Task WrongFieldTypesListEveryProblemInDetails()
    {
        var response = await Api.PostAsync("/api/companies", new { name = 12, budgetMonthlyCents = "lots" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Validation error", response.Error);
        var paths = response.Body.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("path")[0].GetString()).ToList();
        Assert.Equal(["name", "budgetMonthlyCents"], paths);
    }

    [Fact]
    public async Task AnInvalidBearerTokenIsRejectedEvenInLocalTrustedMode()
    {
        var response = await Api.GetAsync("/api/companies", bearer: "pcp_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("Unauthorized", response.Error);
    }
}
