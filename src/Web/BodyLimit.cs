using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Sprig.Web;

/// <summary>
/// Request body limits that the client can read about. Kestrel's own limit fails the read and closes the connection while the
/// client is still sending, so the client sees a broken pipe instead of the 413. Sprig enforces the limit itself: a body over
/// it is answered with a 413 problem at once (and <c>Connection: close</c>), and the rest of the body is read and discarded,
/// up to <see cref="DrainSize"/> bytes, so that the client can finish sending and read the answer; the connection then closes
/// cleanly. A body larger still is cut off (Kestrel's hard limit stays at the limit plus the drain size).
/// </summary>
internal static class BodyLimit
{
    /// <summary>How much of an oversized body is read and discarded after the 413, so the client can read it: 64 MiB.</summary>
    public const long DrainSize = 64 * 1024 * 1024;

    /// <summary>How long the drain may take: a client that stalls or trickles does not hold the connection longer.</summary>
    public static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets a request's body limit: the endpoint's own (<c>[RequestSizeLimit]</c>, <c>[DisableRequestSizeLimit]</c>, or any
    /// <see cref="IRequestSizeLimitMetadata"/>), else <paramref name="fallback"/>, else the server's; <see langword="null"/> for none.
    /// </summary>
    public static long? Of(HttpContext http, long? fallback)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } metadata)
        {
            return metadata.MaxRequestBodySize;
        }

        return fallback ?? http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
    }

    /// <summary>
    /// Applies <paramref name="limit"/> to the request. Returns false when the request announced a longer body (Content-Length):
    /// it has then been answered. Otherwise the body stream throws <see cref="RequestBodyTooLargeException"/> past the limit,
    /// which <see cref="RejectAsync"/> answers.
    /// </summary>
    public static async Task<bool> ApplyAsync(HttpContext http, long? limit, Func<string> detail)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit is { } bytes && bytes <= long.MaxValue - DrainSize ? bytes + DrainSize : null;
        }

        if (limit is not { } max)
        {
            return true;
        }

        if (http.Request.ContentLength > max)
        {
            await RejectAsync(http, detail()).ConfigureAwait(false);
            return false;
        }

        if (http.Request.ContentLength is null && !HttpMethods.IsGet(http.Request.Method))
        {
            http.Request.Body = new LimitedStream(http.Request.Body, max);
        }

        return true;
    }

    /// <summary>Answers 413 with a problem, then reads and discards what is left of the body (bounded), so the client can read it.</summary>
    public static async Task RejectAsync(HttpContext http, string detail)
    {
        if (http.Response.HasStarted)
        {
            http.Abort();
            return;
        }

        http.Response.Headers.Connection = "close";
        await Problems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "The request body is too large.", detail).ConfigureAwait(false);
        await http.Response.CompleteAsync().ConfigureAwait(false);
        if (http.Request.ContentLength > DrainSize)
        {
            // Too much to read just so that the client can read the answer: the connection closes now.
            http.Abort();
            return;
        }

        if (http.Request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            // The client waits for a 100 Continue before it sends the body: it has the 413 instead, and sends nothing to drain.
            return;
        }

        var body = http.Request.Body is LimitedStream limited ? limited.Inner : http.Request.Body;
        var buffer = new byte[64 * 1024];
        long drained = 0;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        bounded.CancelAfter(DrainTime);
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, bounded.Token).ConfigureAwait(false)) > 0)
            {
                drained += read;
                if (drained > DrainSize)
                {
                    http.Abort();
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The client went away, or took longer than the drain may: the answer is out; close the connection.
            http.Abort();
        }
    }

    /// <summary>A request body that throws <see cref="RequestBodyTooLargeException"/> once more than its limit has been read.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public Stream Inner => inner;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new RequestBodyTooLargeException(limit) : read;
        }
    }
}

/// <summary>A request body went past its limit while it was read; the request is answered with a 413.</summary>
internal sealed class RequestBodyTooLargeException(long limit) : Exception($"The request body is over its limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}
