using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Paperclip.Tests.Infrastructure;

namespace Paperclip.Tests.Api;

/// <summary>Attachments through HTTP (reference §8, CONTRACT §7).</summary>
[Collection(AttachmentCollection.Name)]
public sealed class AttachmentsApiTests(AttachmentCluster cluster)
{
    private const int Limit = 10 * 1024 * 1024;

    private ApiClient Board => cluster.Api;

    private async Task<(Guid Company, Guid Issue)> IssueAsync()
    {
        var company = await Setup.CompanyAsync(Board);
        return (company, (await Setup.IssueAsync(Board, company)).Id);
    }

    private async Task<long> AttachmentRowsAsync(Guid issue) =>
        (long)(await cluster.Database.ScalarAsync("SELECT count(*) FROM issue_attachment WHERE issue_id = @issue", ("issue", issue)))!;

    private async Task<long> OrphanChunksAsync() => (long)(await cluster.Database.ScalarAsync(
        "SELECT count(*) FROM attachment_chunk c WHERE NOT EXISTS (SELECT 1 FROM issue_attachment a WHERE a.id = c.attachment_id)"))!;

    private static async Task<HttpResponseMessage> DownloadAsync(ApiClient api, Guid attachment, string query = "") =>
        await api.Http.GetAsync($"/api/attachments/{attachment}/content{query}");

    [Theory]
    [InlineData(1)]
    [InlineData(300 * 1024 + 7)]
    [InlineData(Limit)]
    public async Task FilesRoundTripByteExactThroughTheOtherGateway(int size)
    {
        var (company, issue) = await IssueAsync();
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);

        var created = await Uploads.SendAsync(Board, company, issue, bytes, "data.bin", "application/octet-stream");

        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(sha, created.Str("sha256"));
        Assert.Equal(size, created.Body.GetProperty("byteSize").GetInt64());
        using var download = await DownloadAsync(cluster.ApiB, created.Id);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(size, download.Content.Headers.ContentLength);
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await download.Content.ReadAsByteArrayAsync())));
    }

    [Fact]
    public async Task UploadIsCreatedWithTheReferenceShapeAndListedNewestFirst()
    {
        var (company, issue) = await IssueAsync();
        var identifier = (await Board.GetAsync($"/api/issues/{issue}")).Str("identifier");
        var first = await Uploads.SendAsync(Board, company, issue, "hello attachment\n"u8.ToArray(), "hello.txt", "text/plain");

        var second = await Uploads.SendAsync(Board, company, identifier, [0x89, 0x50, 0x4e, 0x47], "tiny.png", "image/png");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(company.ToString(), first.Str("companyId"));
        Assert.Equal(issue.ToString(), first.Str("issueId"));
        Assert.True(first.Body.IsNull("issueCommentId"));
        Assert.Equal("postgres", first.Str("provider"));
        Assert.StartsWith($"{company}/issues/{issue}/", first.Str("objectKey"));
        Assert.EndsWith("-hello.txt", first.Str("objectKey"));
        Assert.Equal("text/plain", first.Str("contentType"));
        Assert.Equal("2852d7262f1fd6339a426560101d5840edf5b8999b90eb6b2eea86c8b9f7e298", first.Str("sha256"));
        Assert.Equal("hello.txt", first.Str("originalFilename"));
        Assert.Equal("local-board", first.Str("createdByUserId"));
        Assert.True(first.Body.IsNull("createdByAgentId"));
        Assert.Equal($"/api/attachments/{first.Id}/content", first.Str("contentPath"));
        Assert.Equal($"/api/attachments/{first.Id}/content?download=1", first.Str("downloadPath"));
        var list = await cluster.ApiB.GetAsync($"/api/issues/{identifier}/attachments");
        Assert.Equal([second.Id, first.Id], list.Body.EnumerateArray().Select(a => Guid.Parse(a.GetProperty("id").GetString()!)));
        Assert.Equal(first.Text, list.Body[1].GetRawText());
        var activity = await Board.GetAsync($"/api/issues/{issue}/activity");
        var added = activity.Body.EnumerateArray().First(a => a.GetProperty("action").GetString() == "issue.attachment_added");
        Assert.Equal(second.Id.ToString(), added.GetProperty("details").GetProperty("attachmentId").GetString());
        Assert.Equal("tiny.png", added.GetProperty("details").GetProperty("originalFilename").GetString());
        Assert.Equal(4, added.GetProperty("details").GetProperty("byteSize").GetInt64());
    }

    [Fact]
    public async Task DownloadCarriesTheReferenceHeadersAndNosniff()
    {
        var (company, issue) = await IssueAsync();
        var created = await Uploads.SendAsync(Board, company, issue, "hello attachment\n"u8.ToArray(), "hello.txt", "text/plain");

        using var download = await DownloadAsync(Board, created.Id);

        Assert.Equal("text/plain", download.Content.Headers.ContentType!.ToString());
        Assert.Equal(17, download.Content.Headers.ContentLength);
        Assert.Equal("inline; filename=\"hello.txt\"", download.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal("private, max-age=60", download.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        using var asked = await DownloadAsync(Board, created.Id, "?download=1");
        Assert.Equal("attachment; filename=\"hello.txt\"", asked.Content.Headers.ContentDisposition!.ToString());
    }

    [Fact]
    public async Task FileOneByteOverTheLimitIsRefusedAndLeavesNothing()
    {
        var (company, issue) = await IssueAsync();

        var refused = await Uploads.SendAsync(Board, company, issue, new byte[Limit + 1], "big.bin", "application/octet-stream");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal($"Attachment exceeds {Limit} bytes", refused.Error);
        Assert.Equal(0, await AttachmentRowsAsync(issue));
        Assert.Equal(0, await OrphanChunksAsync());
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd", "passwd", "inline; filename=\"passwd\"")]
    [InlineData("a%22b%0D%0AX-Injected%3A%201%00.txt", "a\"bX-Injected: 1.txt",
        "inline; filename=\"a_bX-Injected: 1.txt\"; filename*=UTF-8''a%22bX-Injected%3A%201.txt")]
    [InlineData("r%C3%A9sum%C3%A9%20%E6%8A%A5.txt", "résumé 报.txt",
        "inline; filename=\"r_sum_ _.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%E6%8A%A5.txt")]
    [InlineData("..", null, "inline; filename=\"attachment\"")]
    public async Task HostileFileNamesAreSanitisedForStorageAndDisposition(string encoded, string? stored, string disposition)
    {
        var (company, issue) = await IssueAsync();

        var created = await Uploads.SendEncodedNameAsync(Board, company, issue, encoded);

        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        Assert.Equal(stored, created.Body.GetProperty("originalFilename").GetString());
        Assert.DoesNotContain("..", created.Str("objectKey").Split('/').Last());
        using var download = await DownloadAsync(Board, created.Id);
        Assert.Equal(disposition, download.Content.Headers.GetValues("Content-Disposition").Single());
    }

    [Fact]
    public async Task ThousandCharacterFileNameIsCutTo255()
    {
        var (company, issue) = await IssueAsync();

        var created = await Uploads.SendAsync(Board, company, issue, [1], new string('n', 996) + ".txt", "text/plain");

        Assert.Equal(new string('n', 251) + ".txt", created.Str("originalFilename"));
        Assert.EndsWith("-" + new string('n', 120) + ".txt", created.Str("objectKey"));
    }

    [Fact]
    public async Task ContentTypeWithParametersIsAcceptedAsItsMediaType()
    {
        var (company, issue) = await IssueAsync();

        var created = await Uploads.SendAsync(Board, company, issue, "héllo"u8.ToArray(), "notes.txt", "Text/Plain; charset=utf-8");

        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        Assert.Equal("text/plain", created.Str("contentType"));
    }

    [Fact]
    public async Task DisallowedContentTypeIsRefusedAndLeavesNothing()
    {
        var (company, issue) = await IssueAsync();

        var refused = await Uploads.SendAsync(Board, company, issue, "echo hi"u8.ToArray(), "run.sh", "application/x-sh");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("Unsupported attachment type: application/x-sh", refused.Error);
        Assert.Equal(0, await AttachmentRowsAsync(issue));
    }

    [Theory]
    [InlineData("page.html", "text/html", "<script>alert(1)</script>")]
    [InlineData("logo.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    public async Task HtmlAndSvgAreServedAsDownloadsWithNosniff(string name, string type, string body)
    {
        var (company, issue) = await IssueAsync();
        var created = await Uploads.SendAsync(Board, company, issue, Encoding.UTF8.GetBytes(body), name, type);

        using var download = await DownloadAsync(Board, created.Id);

        Assert.Equal(type, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"attachment; filename=\"{name}\"", download.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task UploadErrorsAreTheReferences()
    {
        var (company, issue) = await IssueAsync();
        var (otherCompany, otherIssue) = await IssueAsync();
        var otherComment = (await Board.PostAsync($"/api/issues/{otherIssue}/comments", new { body = "elsewhere" })).Id;
        var comment = (await Board.PostAsync($"/api/issues/{issue}/comments", new { body = "here" })).Id;
        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "other" } };

        Assert.Equal("400 {\"error\":\"Missing file field 'file'\"}", (await Uploads.PostAsync(Board, company, issue, noFile)).ToString());
        Assert.Equal("400 {\"error\":\"Unexpected field\"}",
            (await Uploads.SendAsync(Board, company, issue, [1], "a.txt", "text/plain", field: "upload")).ToString());
        Assert.Equal("422 {\"error\":\"Attachment is empty\"}",
            (await Uploads.SendAsync(Board, company, issue, [], "empty.txt", "text/plain")).ToString());
        Assert.Equal("422 {\"error\":\"Issue does not belong to company\"}",
            (await Uploads.SendAsync(Board, otherCompany, issue, [1], "a.txt", "text/plain")).ToString());
        Assert.Equal("404 {\"error\":\"Issue not found\"}",
            (await Uploads.SendAsync(Board, company, Guid.NewGuid(), [1], "a.txt", "text/plain")).ToString());
        var badComment = await Uploads.SendAsync(Board, company, issue, [1], "a.txt", "text/plain", issueCommentId: "nope");
        Assert.Equal((HttpStatusCode.BadRequest, "Invalid attachment metadata"), (badComment.Status, badComment.Error));
        Assert.Equal("404 {\"error\":\"Issue comment not found\"}",
            (await Uploads.SendAsync(Board, company, issue, [1], "a.txt", "text/plain", issueCommentId: Guid.NewGuid().ToString())).ToString());
        Assert.Equal("422 {\"error\":\"Attachment comment must belong to same issue and company\"}",
            (await Uploads.SendAsync(Board, company, issue, [1], "a.txt", "text/plain", issueCommentId: otherComment.ToString())).ToString());
        Assert.Equal(0, await AttachmentRowsAsync(issue));
        var onComment = await Uploads.SendAsync(Board, company, issue, [1], "a.txt", "text/plain", issueCommentId: comment.ToString());
        Assert.Equal(comment.ToString(), onComment.Str("issueCommentId"));
    }

    [Fact]
    public async Task AnotherCompanysAttachmentIsNotFound()
    {
        var (company, issue) = await IssueAsync();
        var created = await Uploads.SendAsync(Board, company, issue, [1, 2, 3], "a.txt", "text/plain");
        var stranger = await AgentSession.CreateAsync(Board, await Setup.CompanyAsync(Board));

        var content = await stranger.Api.GetAsync($"/api/attachments/{created.Id}/content");
        var deleted = await stranger.Api.DeleteAsync($"/api/attachments/{created.Id}");
        var list = await stranger.Api.GetAsync($"/api/issues/{issue}/attachments");

        Assert.Equal("404 {\"error\":\"Attachment not found\"}", content.ToString());
        Assert.Equal("404 {\"error\":\"Attachment not found\"}", deleted.ToString());
        Assert.Equal("404 {\"error\":\"Issue not found\"}", list.ToString());
        Assert.Equal(1, await AttachmentRowsAsync(issue));
    }

    [Fact]
    public async Task DeletedAttachmentIsGoneAndLogged()
    {
        var (company, issue) = await IssueAsync();
        var created = await Uploads.SendAsync(Board, company, issue, new byte[600_000], "zeros.bin", "application/octet-stream");

        var deleted = await Board.DeleteAsync($"/api/attachments/{created.Id}");

        Assert.Equal("200 {\"ok\":true}", deleted.ToString());
        Assert.Equal("404 {\"error\":\"Attachment not found\"}", (await cluster.ApiB.GetAsync($"/api/attachments/{created.Id}/content")).ToString());
        Assert.Equal("404 {\"error\":\"Attachment not found\"}", (await Board.DeleteAsync($"/api/attachments/{created.Id}")).ToString());
        Assert.Equal(0, (await Board.GetAsync($"/api/issues/{issue}/attachments")).Body.GetArrayLength());
        Assert.Equal(0L, await cluster.Database.ScalarAsync("SELECT count(*) FROM attachment_chunk WHERE attachment_id = @id", ("id", created.Id)));
        var activity = await Board.GetAsync($"/api/issues/{issue}/activity");
        var removed = activity.Body.EnumerateArray().First();
        Assert.Equal("issue.attachment_removed", removed.GetProperty("action").GetString());
        Assert.Equal(created.Id.ToString(), removed.GetProperty("details").GetProperty("attachmentId").GetString());
    }

    [Fact]
    public async Task UploadCutOffMidBodyLeavesNoRow()
    {
        var (company, issue) = await IssueAsync();
        const string boundary = "cut-off-boundary";
        var head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.bin\"\r\n" +
            "Content-Type: application/octet-stream\r\n\r\n");
        var fileBytes = 2 * 1024 * 1024;
        var total = head.Length + fileBytes + $"\r\n--{boundary}--\r\n".Length;

        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync("127.0.0.1", cluster.Silos[0].HttpPort);
            var stream = socket.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST /api/companies/{company}/issues/{issue}/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                $"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {total}\r\n\r\n"));
            await stream.WriteAsync(head);
            await stream.WriteAsync(new byte[fileBytes / 2]);
            await stream.FlushAsync();
        }

        // The server notices the close and rolls back; until then the chunks are uncommitted.
        // Wait (bounded) until no session of this database is left inside a transaction.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await cluster.Database.ScalarAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'"))! > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the cut-off upload's transaction never ended");
            await Task.Delay(100);
        }
        Assert.Equal(0, await AttachmentRowsAsync(issue));
        Assert.Equal(0, await OrphanChunksAsync());
        var next = await Uploads.SendAsync(Board, company, issue, [7], "after.bin", "application/octet-stream");
        Assert.Equal(HttpStatusCode.Created, next.Status);
    }

    [Fact]
    public async Task StalledUploadIsRefusedAfterTheUploadTimeAndLeavesNoRow()
    {
        // An upload holds a transaction while its body arrives: a client that stops sending (but
        // keeps the connection) must not hold it for longer than the upload time (20 s here).
        var (company, issue) = await IssueAsync();
        const string boundary = "stalled-boundary";
        var head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.bin\"\r\n" +
            "Content-Type: application/octet-stream\r\n\r\n");
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", cluster.Silos[0].HttpPort);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/companies/{company}/issues/{issue}/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
            $"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {head.Length + 1_000_000}\r\n\r\n"));
        await stream.WriteAsync(head);
        await stream.WriteAsync(new byte[1000]);
        await stream.FlushAsync();

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var answer = new byte[512];
        var read = await stream.ReadAsync(answer, wait.Token);

        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(answer, 0, read));
        Assert.Equal(0, await AttachmentRowsAsync(issue));
    }

    [Fact]
    public async Task DeletingTheIssueRemovesItsAttachments()
    {
        var (company, issue) = await IssueAsync();
        var created = await Uploads.SendAsync(Board, company, issue, new byte[300_000], "a.bin", "application/octet-stream");

        var deleted = await Board.DeleteAsync($"/api/issues/{issue}");

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(0, await AttachmentRowsAsync(issue));
        Assert.Equal(0L, await cluster.Database.ScalarAsync("SELECT count(*) FROM attachment_chunk WHERE attachment_id = @id", ("id", created.Id)));
        Assert.Equal("404 {\"error\":\"Attachment not found\"}", (await Board.GetAsync($"/api/attachments/{created.Id}/content")).ToString());
    }
}
