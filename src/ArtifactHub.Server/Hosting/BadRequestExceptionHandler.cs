using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace ArtifactHub.Server.Hosting;

/// <summary>
/// Answers a <see cref="BadHttpRequestException"/> (a body Kestrel refused or could not read, see
/// <see cref="RequestBodyErrors"/>; a body over a limit) with its status and its message: one line of plain text on a
/// content URL, which the go command prints as it is, and problem details on the API. Anything else is left to the 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        logger.LogInformation("Refused {Method} {Path} with {Status}: {Reason}", context.Request.Method, context.Request.Path, bad.StatusCode, bad.Message);
        if (context.RequestAborted.IsCancellationRequested)
        {
            return true; // the client has gone: there is nobody to answer
        }

        context.Response.StatusCode = bad.StatusCode;
        if (context.Request.Path.StartsWithSegments("/repository"))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(bad.Message + "\n", cancellationToken);
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = bad.StatusCode, Title = ReasonPhrases.GetReasonPhrase(bad.StatusCode), Detail = bad.Message },
        });
    }
}
