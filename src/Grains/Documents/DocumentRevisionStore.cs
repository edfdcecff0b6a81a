using Npgsql;
using NpgsqlTypes;
using Paperclip.Grains.Storage;

namespace Paperclip.Grains.Documents;

/// <summary>
/// The <c>document_revision</c> table: revision bodies, append-only. The issue grain appends a
/// revision before its state points at it and is the only writer of its documents' revisions.
/// Every read stops at the head's revision number, so a row a crashed write left above the head
/// is never seen.
/// </summary>
public sealed class DocumentRevisionStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, company_id, document_id, issue_id, document_key, revision_number, title, format, body, change_summary,
        created_by_agent_id, created_by_user_id, created_at
        """;

    /// <summary>
    /// Inserts <paramref name="revision"/>. A row with the same or a higher number can only be the
    /// leftover of a write that crashed before its head pointed at it (the head is below it, the
    /// grain writes one revision at a time), so it is replaced in the same transaction.
    /// </summary>
    public async Task AppendAsync(DocumentRevision revision)
    {
        // One batch is one implicit transaction in one round trip: the delete and the insert commit together.
        await using var batch = dataSource.CreateBatch();
        var orphans = new NpgsqlBatchCommand("DELETE FROM document_revision WHERE document_id = @document AND revision_number >= @number");
        orphans.Parameters.AddWithValue("document", revision.DocumentId);
        orphans.Parameters.AddWithValue("number", revision.RevisionNumber);
        batch.BatchCommands.Add(orphans);
        var insert = new NpgsqlBatchCommand($"""
            INSERT INTO document_revision ({Columns})
            VALUES (@id, @company, @document, @issue, @key, @number, @title, @format, @body, @summary, @agent, @user, @created)
            """);
        insert.Parameters.AddWithValue("id", revision.Id);
        insert.Parameters.AddWithValue("company", revision.CompanyId);
        insert.Parameters.AddWithValue("document", revision.DocumentId);
        insert.Parameters.AddWithValue("issue", revision.IssueId);
        insert.Parameters.AddWithValue("key", revision.Key);
        insert.Parameters.AddWithValue("number", revision.RevisionNumber);
        insert.Parameters.Add(SqlRows.Nullable("title", NpgsqlDbType.Text, revision.Title));
        insert.Parameters.AddWithValue("format", revision.Format);
        insert.Parameters.AddWithValue("body", revision.Body);
        insert.Parameters.Add(SqlRows.Nullable("summary", NpgsqlDbType.Text, revision.ChangeSummary));
        insert.Parameters.Add(SqlRows.Nullable("agent", NpgsqlDbType.Uuid, revision.CreatedByAgentId));
        insert.Parameters.Add(SqlRows.Nullable("user", NpgsqlDbType.Text, revision.CreatedByUserId));
        insert.Parameters.AddWithValue("created", revision.CreatedAt);
        batch.BatchCommands.Add(insert);
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>One revision of the document, if it is at or below the head.</summary>
    public async Task<DocumentRevision?> FindAsync(Guid documentId, Guid revisionId, int latestRevisionNumber) =>
        (await ReadAsync($"SELECT {Columns} FROM document_revision WHERE id = @id AND document_id = @document AND revision_number <= @latest", p =>
        {
            p.AddWithValue("id", revisionId);
            p.AddWithValue("document", documentId);
            p.AddWithValue("latest", latestRevisionNumber);
        }, ReadRevision)).FirstOrDefault();

    /// <summary>The document's revisions up to the head, newest first.</summary>
    public Task<List<DocumentRevision>> ListAsync(Guid documentId, int latestRevisionNumber) =>
        ReadAsync($"SELECT {Columns} FROM document_revision WHERE document_id = @document AND revision_number <= @latest ORDER BY revision_number DESC", p =>
        {
            p.AddWithValue("document", documentId);
            p.AddWithValue("latest", latestRevisionNumber);
        }, ReadRevision);

    /// <summary>The bodies of the given revisions (the heads' latest revisions), by revision id.</summary>
    public async Task<Dictionary<Guid, string>> BodiesAsync(IReadOnlyList<Guid> revisionIds)
    {
        if (revisionIds.Count == 0)
        {
            return [];
        }
        var rows = await ReadAsync("SELECT id, body FROM document_revision WHERE id = ANY(@ids)",
            p => p.AddWithValue("ids", revisionIds.ToArray()), reader => (Id: reader.GetGuid(0), Body: reader.GetString(1)));
        return rows.ToDictionary(row => row.Id, row => row.Body);
    }

    /// <summary>Removes a deleted document's revisions (its head is already gone from the issue).</summary>
    public async Task DeleteDocumentAsync(Guid documentId)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM document_revision WHERE document_id = @document");
        command.Parameters.AddWithValue("document", documentId);
        await command.ExecuteNonQueryAsync();
    }

    private static DocumentRevision ReadRevision(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetGuid(0),
        CompanyId = reader.GetGuid(1),
        DocumentId = reader.GetGuid(2),
        IssueId = reader.GetGuid(3),
        Key = reader.GetString(4),
        RevisionNumber = reader.GetInt32(5),
        Title = reader.IsDBNull(6) ? null : reader.GetString(6),
        Format = reader.GetString(7),
        Body = reader.GetString(8),
        ChangeSummary = reader.IsDBNull(9) ? null : reader.GetString(9),
        CreatedByAgentId = reader.IsDBNull(10) ? null : reader.GetGuid(10),
        CreatedByUserId = reader.IsDBNull(11) ? null : reader.GetString(11),
        CreatedAt = reader.GetFieldValue<DateTime>(12),
    };

    private Task<List<T>> ReadAsync<T>(string sql, Action<NpgsqlParameterCollection> bind, Func<NpgsqlDataReader, T> read) =>
        SqlRows.ReadAsync(dataSource, sql, bind, read);
}
