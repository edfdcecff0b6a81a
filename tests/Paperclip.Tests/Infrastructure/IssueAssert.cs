namespace Paperclip.Tests.Infrastructure;

/// <summary>Assertions about stored issues that several test classes share.</summary>
public static class IssueAssert
{
    /// <summary>
    /// A refused request must leave no partial write: every field of the issue as last returned
    /// (<paramref name="before"/>) reads back identically, <c>updatedAt</c> included.
    /// </summary>
    public static async Task UnchangedAsync(ApiClient api, ApiResponse before)
    {
        var now = await api.GetAsync($"/api/issues/{before.Id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, now.Status);
        foreach (var property in before.Body.EnumerateObject())
        {
            Assert.True(now.Body.TryGetProperty(property.Name, out var current), $"{property.Name} missing from {now}");
            Assert.True(property.Value.GetRawText() == current.GetRawText(),
                $"{property.Name} changed from {property.Value.GetRawText()} to {current.GetRawText()}");
        }
    }
}
