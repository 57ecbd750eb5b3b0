using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sprig.Tests.Controllers;

/// <summary>
/// A client that sends a POST's headers and part of its JSON body, waits until the server has read that part and waits for more
/// (a middleware signals it from the request body), then resets the connection, and waits until the server is done with the
/// request: no sleeps, each step on a signal.
/// </summary>
/// <param name="path">The path posted to.</param>
public sealed class AbortingClient(string path)
{
    private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Adds the middleware that signals when the request to the path waits for more of its body, and when the server is done with it.</summary>
    public void Watch(WebApplication app) => app.Use(async (HttpContext http, RequestDelegate next) =>
    {
        if (http.Request.Path != path)
        {
            await next(http);
            return;
        }

        http.Request.Body = new WatchedBody(http.Request.Body, _waiting);
        try
        {
            await next(http);
        }
        finally
        {
            _done.TrySetResult(http.Response.StatusCode);
        }
    });

    /// <summary>
    /// Posts the first <paramref name="sent"/> bytes of a JSON body of <paramref name="length"/> bytes, resets the connection once
    /// the server waits for the rest, and returns the status the server set once it is done with the request (which the client
    /// never reads).
    /// </summary>
    public async Task<int> PostPartOfABodyThenResetAsync(Uri server, int length = 100, int sent = 10)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(server.Host), server.Port));
        var head = $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n";
        var body = "{\"text\":\"" + new string('a', sent - 9);
        await socket.SendAsync(Encoding.ASCII.GetBytes(head + body));
        await _waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // A linger time of zero makes Close send a reset: the client is gone mid-body, not merely done sending.
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
        return await _done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The request body, which signals when it is read again after it has given what the client sent (it then waits for more).</summary>
    private sealed class WatchedBody(Stream inner, TaskCompletionSource waiting) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read > 0)
            {
                waiting.TrySetResult();
            }

            var read = await inner.ReadAsync(buffer, cancellationToken);
            _read += read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The body is read asynchronously.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
