using System.Data;
using Npgsql;
using NpgsqlTypes;
using Paperclip.Gateway.Http;

namespace Paperclip.Gateway.Attachments;

/// <summary>
/// Attachments in PostgreSQL: one row in <c>issue_attachment</c>, the bytes in
/// <c>attachment_chunk</c> rows of at most <see cref="MeteredContent.ChunkBytes"/>. An upload is
/// one transaction: chunks as they arrive, then the row, then commit, so a refused or cut-off
/// upload rolls back to nothing.
/// </summary>
public sealed class PostgresAttachmentStore(GatewaySettings settings) : IAttachmentStore, IAsyncDisposable
{
    public const string Provider = "postgres";

    private const string Columns = """
        id, company_id, issue_id, issue_comment_id, asset_id, provider, object_key, content_type, byte_size,
        sha256, original_filename, created_by_agent_id, created_by_user_id, created_at, updated_at
        """;

    private readonly Lazy<NpgsqlDataSource?> _dataSource = new(() =>
        settings.DatabaseConnectionString is { } connectionString ? NpgsqlDataSource.Create(connectionString) : null);

    public async Task<IAttachmentUpload> BeginAsync(Guid attachmentId, CancellationToken cancellation)
    {
        var connection = await OpenAsync(cancellation);
        try
        {
            return new Upload(connection, await connection.BeginTransactionAsync(cancellation), attachmentId);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<StoredAttachment?> FindAsync(Guid attachmentId, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(cancellation);
        return await FindAsync(connection, null, attachmentId, cancellation);
    }

    public async Task<IReadOnlyList<StoredAttachment>> ListAsync(Guid issueId, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM issue_attachment WHERE issue_id = @issue ORDER BY created_at DESC, id DESC", connection);
        command.Parameters.AddWithValue("issue", issueId);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var attachments = new List<StoredAttachment>();
        while (await reader.ReadAsync(cancellation))
        {
            attachments.Add(Read(reader));
        }
        return attachments;
    }

    public async Task<IAttachmentContent?> OpenAsync(Guid attachmentId, CancellationToken cancellation)
    {
        var connection = await OpenAsync(cancellation);
        try
        {
            // One snapshot for the row and its chunks: a delete in between cannot cut the body
            // short of the Content-Length already sent.
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellation);
            var attachment = await FindAsync(connection, transaction, attachmentId, cancellation);
            if (attachment is null)
            {
                await connection.DisposeAsync();
                return null;
            }
            return new Content(connection, attachment);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<bool> DeleteAsync(Guid attachmentId, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(cancellation);
        await using var command = new NpgsqlCommand("DELETE FROM issue_attachment WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", attachmentId);
        return await command.ExecuteNonQueryAsync(cancellation) > 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource.IsValueCreated && _dataSource.Value is { } dataSource)
        {
            await dataSource.DisposeAsync();
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellation) =>
        _dataSource.Value is { } dataSource
            ? await dataSource.OpenConnectionAsync(cancellation)
            : throw new ApiException(StatusCodes.Status503ServiceUnavailable, "Attachments need PAPERCLIP_DATABASE_URL on this HTTP process");

    private static async Task<StoredAttachment?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid attachmentId, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM issue_attachment WHERE id = @id", connection, transaction);
        command.Parameters.AddWithValue("id", attachmentId);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        return await reader.ReadAsync(cancellation) ? Read(reader) : null;
    }

    private static StoredAttachment Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), Nullable<Guid>(reader, 3), reader.GetGuid(4),
        reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetInt64(8), reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10), Nullable<Guid>(reader, 11), reader.IsDBNull(12) ? null : reader.GetString(12),
        reader.GetDateTime(13), reader.GetDateTime(14));

    private static T? Nullable<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    private static NpgsqlParameter Param(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };

    private sealed class Upload(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid attachmentId) : IAttachmentUpload
    {
        public async Task WriteAsync(MeteredContent content, CancellationToken cancellation)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO attachment_chunk (attachment_id, chunk_index, data) VALUES (@id, @index, @data)", connection, transaction);
            var index = new NpgsqlParameter<int>("index", NpgsqlDbType.Integer);
            var data = new NpgsqlParameter<ReadOnlyMemory<byte>>("data", NpgsqlDbType.Bytea);
            insert.Parameters.AddWithValue("id", attachmentId);
            insert.Parameters.Add(index);
            insert.Parameters.Add(data);
            await foreach (var chunk in content.ChunksAsync(cancellation))
            {
                data.TypedValue = chunk;
                await insert.ExecuteNonQueryAsync(cancellation);
                index.TypedValue++;
            }
        }

        public async Task<StoredAttachment> CommitAsync(StoredAttachment attachment, CancellationToken cancellation)
        {
            // Locks the issue's row until commit: a delete of the issue either cleared it before
            // (no row: refused here) or waits and then deletes this attachment with the issue.
            await using (var issue = new NpgsqlCommand("""
                SELECT 1 FROM grain_state
                WHERE state_name = 'issue' AND payload IS NOT NULL AND payload->>'id' = @issue
                FOR SHARE
                """, connection, transaction))
            {
                issue.Parameters.AddWithValue("issue", attachment.IssueId.ToString());
                if (await issue.ExecuteScalarAsync(cancellation) is null)
                {
                    throw ApiException.NotFound("Issue not found");
                }
            }
            if (attachment.IssueCommentId is { } commentId)
            {
                await using var comment = new NpgsqlCommand("SELECT issue_id FROM issue_comment WHERE id = @id", connection, transaction);
                comment.Parameters.AddWithValue("id", commentId);
                var issueId = await comment.ExecuteScalarAsync(cancellation);
                if (issueId is not Guid owner)
                {
                    throw ApiException.NotFound("Issue comment not found");
                }
                if (owner != attachment.IssueId)
                {
                    throw new ApiException(StatusCodes.Status422UnprocessableEntity, "Attachment comment must belong to same issue and company");
                }
            }
            await using var insert = new NpgsqlCommand($"""
                INSERT INTO issue_attachment ({Columns})
                VALUES (@id, @company, @issue, @comment, @asset, @provider, @key, @type, @size, @sha, @name, @agent, @user, @created, @updated)
                """, connection, transaction);
            insert.Parameters.AddWithValue("id", attachment.Id);
            insert.Parameters.AddWithValue("company", attachment.CompanyId);
            insert.Parameters.AddWithValue("issue", attachment.IssueId);
            insert.Parameters.Add(Param("comment", NpgsqlDbType.Uuid, attachment.IssueCommentId));
            insert.Parameters.AddWithValue("asset", attachment.AssetId);
            insert.Parameters.AddWithValue("provider", attachment.Provider);
            insert.Parameters.AddWithValue("key", attachment.ObjectKey);
            insert.Parameters.AddWithValue("type", attachment.ContentType);
            insert.Parameters.AddWithValue("size", attachment.ByteSize);
            insert.Parameters.AddWithValue("sha", attachment.Sha256);
            insert.Parameters.Add(Param("name", NpgsqlDbType.Text, attachment.OriginalFilename));
            insert.Parameters.Add(Param("agent", NpgsqlDbType.Uuid, attachment.CreatedByAgentId));
            insert.Parameters.Add(Param("user", NpgsqlDbType.Text, attachment.CreatedByUserId));
            insert.Parameters.AddWithValue("created", attachment.CreatedAt);
            insert.Parameters.AddWithValue("updated", attachment.UpdatedAt);
            await insert.ExecuteNonQueryAsync(cancellation);
            await transaction.CommitAsync(cancellation);
            return attachment;
        }

        /// <summary>Without a commit, closing the connection rolls the transaction back.</summary>
        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    private sealed class Content(NpgsqlConnection connection, StoredAttachment attachment) : IAttachmentContent
    {
        public StoredAttachment Attachment { get; } = attachment;

        public async Task CopyToAsync(Stream target, CancellationToken cancellation)
        {
            await using var command = new NpgsqlCommand(
                "SELECT data FROM attachment_chunk WHERE attachment_id = @id ORDER BY chunk_index", connection);
            command.Parameters.AddWithValue("id", Attachment.Id);
            // Sequential access streams each chunk from the socket instead of buffering its row.
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                await using var chunk = await reader.GetStreamAsync(0, cancellation);
                await chunk.CopyToAsync(target, cancellation);
            }
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
