using ArtifactHub.Core;
using Microsoft.AspNetCore.Http.Features;

namespace ArtifactHub.Server.Hosting;

/// <summary>
/// A request body that cannot be read is the client's error, whichever endpoint reads it. Kestrel reports most broken
/// framing as a <see cref="BadHttpRequestException"/> (400), but a chunk-size line whose value overflows (<c>80000000</c>,
/// <c>ffffffff</c>) as a plain <see cref="IOException"/> ("Bad chunk size data.", an <see cref="OverflowException"/>
/// inside), which would be a 500. Here every failure to <em>read</em> the body becomes a
/// <see cref="BadHttpRequestException"/>, answered by <see cref="BadRequestExceptionHandler"/>; an
/// <see cref="IOException"/> from anything else (a full disk while the body is staged) stays the server's 500.
/// </summary>
public static class RequestBodyErrors
{
    public static IApplicationBuilder UseRequestBodyErrors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
            {
                await next(context);
                return;
            }

            var body = context.Request.Body;
            context.Request.Body = new ClientBodyStream(body);
            try
            {
                await next(context);
            }
            finally
            {
                context.Request.Body = body;
            }
        });

    /// <summary>The request body as it was, but for what a failed read throws.</summary>
    private sealed class ClientBodyStream(Stream body) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer)
        {
            try
            {
                return body.Read(buffer);
            }
            catch (IOException e) when (e is not BadHttpRequestException)
            {
                throw Unreadable(e);
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await body.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException e) when (e is not BadHttpRequestException)
            {
                throw Unreadable(e);
            }
        }

        private static BadHttpRequestException Unreadable(IOException e) =>
            new($"request body could not be read: {e.Message}", StatusCodes.Status400BadRequest, e);
    }
}
