using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Paperclip.Gateway.Http;

namespace Paperclip.Gateway.Attachments;

/// <summary>
/// Reads an upload in chunks, counting and hashing as it goes, and stops with 422 as soon as it
/// passes the limit: no more than one chunk is ever in memory, however large the body.
/// </summary>
public sealed class MeteredContent(Stream source, long maxBytes) : IDisposable
{
    /// <summary>The largest chunk handed out (and stored as one row).</summary>
    public const int ChunkBytes = 256 * 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Length { get; private set; }

    /// <summary>Lower-case hex SHA-256 of everything read; valid once <see cref="ChunksAsync"/> has finished.</summary>
    public string Sha256 => Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <summary>The content in full chunks (the last may be shorter); each is valid until the next is asked for.</summary>
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ChunksAsync([EnumeratorCancellation] CancellationToken cancellation)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            while (true)
            {
                var filled = 0;
                int read;
                while (filled < ChunkBytes && (read = await source.ReadAsync(buffer.AsMemory(filled, ChunkBytes - filled), cancellation)) > 0)
                {
                    filled += read;
                    if (Length + filled > maxBytes)
                    {
                        throw new ApiException(StatusCodes.Status422UnprocessableEntity, $"Attachment exceeds {maxBytes} bytes");
                    }
                }
                if (filled == 0)
                {
                    yield break;
                }
                Length += filled;
                _hash.AppendData(buffer, 0, filled);
                yield return buffer.AsMemory(0, filled);
                if (filled < ChunkBytes)
                {
                    yield break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => _hash.Dispose();
}
