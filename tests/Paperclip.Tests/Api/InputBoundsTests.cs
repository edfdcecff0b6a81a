using System.Net;
using System.Text;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>
/// Every input is bounded (security hardening): texts, search terms, arrays and the list of
/// problems a 400 reports. A refused request costs no more than reading its body.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class InputBoundsTests(ApiCluster cluster)
{
    private ApiClient Api => cluster.Api;

    [Fact]
    public async Task FiveMillionElementArrayIsRefusedWithASmallErrorAndNoMemorySpike()
    {
        // The attack: a 10 MB body of five million numbers, sent to any issue id (validation
        // comes before the lookup). It used to answer 1.4 GB of errors and grow the process to 2.5 GB.
        var body = new StringBuilder("{\"agentId\":\"").Append(Guid.NewGuid()).Append("\",\"expectedStatuses\":[");
        body.Insert(body.Length, "1,", 5_000_000 - 1).Append("1]}");
        var silo = cluster.Silos[0];
        var peakBefore = silo.PeakResidentBytes;

        var response = await Api.SendRawAsync(HttpMethod.Post, $"/api/issues/{Guid.NewGuid()}/checkout", body.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.Text.Length < 1024, $"error body of {response.Text.Length} characters");
        var problem = Assert.Single(response.Body.GetProperty("details").EnumerateArray());
        Assert.Equal("too_big", problem.Text("code"));
        Assert.Equal("[\"expectedStatuses\"]", problem.GetProperty("path").GetRawText());
        var growth = silo.PeakResidentBytes - peakBefore;
        Assert.True(growth < 150L * 1024 * 1024, $"peak memory grew by {growth / (1024 * 1024)} MB");
    }

    [Fact]
    public async Task MillionLabelIdsAreRefusedBeforeAnyIsRead()
    {
        var company = await Setup.CompanyAsync(Api);
        var body = "{\"title\":\"t\",\"labelIds\":[" + string.Join(",", Enumerable.Repeat("1", 1_000_000)) + "]}";

        var response = await Api.SendRawAsync(HttpMethod.Post, $"/api/companies/{company}/issues", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Array must contain at most 1000 element(s)", Assert.Single(response.Body.GetProperty("details").EnumerateArray()).Text("message"));
        Assert.Empty((await Api.GetAsync($"/api/companies/{company}/issues")).Body.EnumerateArray());
    }

    [Fact]
    public async Task IdListLongerThanAHundredIsRefused()
    {
        var company = await Setup.CompanyAsync(Api);

        var response = await Api.PostAsync($"/api/companies/{company}/issues",
            new { title = "t", labelIds = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()).ToArray() });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Array must contain at most 100 element(s)", Assert.Single(response.Body.GetProperty("details").EnumerateArray()).Text("message"));
    }

    [Fact]
    public async Task ValidationErrorListsAtMostTwentyProblems()
    {
        var company = await Setup.CompanyAsync(Api);

        var response = await Api.PostAsync($"/api/companies/{company}/issues",
            new { title = "t", labelIds = Enumerable.Repeat("not-a-uuid", 100).ToArray() });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(20, response.Body.GetProperty("details").GetArrayLength());
    }

    [Fact]
    public async Task BodyWithMoreThanAHundredThousandValuesIsRefused()
    {
        var company = await Setup.CompanyAsync(Api);
        // Small arrays, many of them: each array is within bounds, the body as a whole is not.
        var adapterConfig = string.Join(",", Enumerable.Range(0, 20_001).Select(i => $"\"k{i}\":[1,2,3,4]"));

        var response = await Api.SendRawAsync(HttpMethod.Post, $"/api/companies/{company}/agents",
            "{\"name\":\"a\",\"adapterConfig\":{" + adapterConfig + "}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("Body must contain at most 100000 values", Assert.Single(response.Body.GetProperty("details").EnumerateArray()).Text("message"));
    }

    [Theory]
    [InlineData("title", 1_000)]
    [InlineData("description", 100_000)]
    [InlineData("billingCode", 200)]
    public async Task IssueTextLongerThanItsBoundIsRefusedAndNothingIsCreated(string field, int bound)
    {
        var company = await Setup.CompanyAsync(Api);
        var atBound = new Dictionary<string, object> { ["title"] = "t", [field] = new string('x', bound) };
        var overBound = new Dictionary<string, object> { ["title"] = "t", [field] = new string('x', bound + 1) };

        Assert.Equal(HttpStatusCode.Created, (await Api.PostAsync($"/api/companies/{company}/issues", atBound)).Status);
        var refused = await Api.PostAsync($"/api/companies/{company}/issues", overBound);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var problem = Assert.Single(refused.Body.GetProperty("details").EnumerateArray());
        Assert.Equal($"String must contain at most {bound} character(s)", problem.Text("message"));
        Assert.Single((await Api.GetAsync($"/api/companies/{company}/issues")).Body.EnumerateArray());
    }

    [Theory]
    [InlineData("/api/companies", "name", 200)]
    [InlineData("/api/companies/{company}/agents", "name", 200)]
    [InlineData("/api/companies/{company}/projects", "name", 200)]
    [InlineData("/api/companies/{company}/goals", "title", 1_000)]
    public async Task SetupRecordTextLongerThanItsBoundIsRefused(string route, string field, int bound)
    {
        var company = await Setup.CompanyAsync(Api);
        var path = route.Replace("{company}", company.ToString());

        var refused = await Api.PostAsync(path, new Dictionary<string, object> { [field] = new string('n', bound + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal($"String must contain at most {bound} character(s)",
            Assert.Single(refused.Body.GetProperty("details").EnumerateArray()).Text("message"));
    }

    [Fact]
    public async Task FreeFormObjectLargerThanSixtyFourKilobytesIsRefused()
    {
        var company = await Setup.CompanyAsync(Api);

        var refused = await Api.PostAsync($"/api/companies/{company}/agents",
            new { name = "big", adapterConfig = new { prompt = new string('p', 70_000) } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["adapterConfig"], refused.Body.GetProperty("details")[0].GetProperty("path").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task SearchTermLongerThanTwoHundredCharactersIsRefused()
    {
        var company = await Setup.CompanyAsync(Api);

        var refused = await Api.GetAsync($"/api/companies/{company}/issues?q={new string('a', 201)}");
        var accepted = await Api.GetAsync($"/api/companies/{company}/issues?q={new string('a', 200)}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("String must contain at most 200 character(s)", refused.Body.GetProperty("details")[0].Text("message"));
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
    }

    [Fact]
    public async Task ManyUnknownStatusFiltersReportAtMostTwentyProblems()
    {
        var company = await Setup.CompanyAsync(Api);
        var statuses = string.Join(",", Enumerable.Range(0, 300).Select(i => $"s{i}"));

        var refused = await Api.GetAsync($"/api/companies/{company}/issues?status={statuses}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(20, refused.Body.GetProperty("details").GetArrayLength());
        Assert.True(refused.Text.Length < 8 * 1024, $"error body of {refused.Text.Length} characters");
    }
}
