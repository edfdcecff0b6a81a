using System.Diagnostics;
using System.Net;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Cluster;

/// <summary>ARCHITECTURE "Failure model": a database outage is a clear 503, never a 500, and heals without a restart.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task DatabaseOutageAnswers503AndTheServiceRecoversWithoutRestart()
    {
        var database = await TestDatabase.CreateAsync();
        var clusterId = $"outage-{Guid.NewGuid():N}";
        await using var siloA = SiloProcess.Start(database.Url, clusterId, "silo-a", withHttp: true);
        await using var siloB = SiloProcess.Start(database.Url, clusterId, "silo-b", withHttp: true);
        await Task.WhenAll(siloA.WaitForHttpAsync(TimeSpan.FromSeconds(90)), siloB.WaitForHttpAsync(TimeSpan.FromSeconds(90)));
        var api = ApiClient.For(siloA);
        var apiB = ApiClient.For(siloB);
        var company = await Setup.CompanyAsync(api);

        await database.SetReachableAsync(false);
        try
        {
            var responses = new List<ApiResponse>();
            foreach (var gateway in new[] { api, apiB })
            {
                responses.Add(await gateway.GetAsync("/api/companies"));
                responses.Add(await gateway.PostAsync($"/api/companies/{company}/labels", new { name = "during outage", color = "#000000" }));
                responses.Add(await gateway.PostAsync($"/api/companies/{company}/issues", new { title = "during outage" }));
            }
            foreach (var response in responses)
            {
                Assert.True(response.Status == HttpStatusCode.ServiceUnavailable, $"{response}\n{Tail(siloA.Output + siloB.Output)}");
                Assert.StartsWith("Service unavailable", response.Error);
            }
        }
        finally
        {
            await database.SetReachableAsync(true);
        }

        var waited = Stopwatch.StartNew();
        ApiResponse after;
        while ((after = await api.PostAsync($"/api/companies/{company}/labels", new { name = "after outage", color = "#000000" })).Status != HttpStatusCode.Created)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"not recovered after {waited.Elapsed}: {after}");
            Assert.NotEqual(HttpStatusCode.InternalServerError, after.Status);
            await Task.Delay(250);
        }
        var labels = await apiB.GetAsync($"/api/companies/{company}/labels");
        Assert.Equal(["after outage"], labels.Body.EnumerateArray().Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(0, (await apiB.GetAsync($"/api/companies/{company}/issues")).Body.GetArrayLength());
    }

    private static string Tail(string text) => text.Length > 6000 ? text[^6000..] : text;
}
