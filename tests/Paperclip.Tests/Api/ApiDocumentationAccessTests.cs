using System.Net;
using Paperclip.Gateway.OpenApi;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>Issue 11: the API's description holds no tenant data, so it is open in <c>authenticated</c> mode too.</summary>
[Collection(AuthenticatedCollection.Name)]
public sealed class ApiDocumentationAccessTests(AuthenticatedCluster cluster)
{
    [Fact]
    public async Task DocumentAndPageAreServedWithoutCredentialsInAuthenticatedMode()
    {
        var http = cluster.Api.Http;
        Assert.Equal(HttpStatusCode.Unauthorized, (await cluster.Api.GetAsync("/api/companies")).Status);

        var document = await http.GetAsync(ApiDocumentation.DocumentPath);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("\"/api/companies/{companyId}/issues\"", await document.Content.ReadAsStringAsync());

        var page = await http.GetAsync(ApiDocumentation.PagePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{ApiDocumentation.PagePath}/swagger-ui-bundle.js")).StatusCode);
    }
}
