using System.Text;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Repositories;
using ArtifactHub.Core.Security;
using ArtifactHub.Server.Auth;
using ArtifactHub.Server.Endpoints.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace ArtifactHub.Server.Endpoints;

/// <summary>
/// <c>POST /api/v1/repositories/{name}/upload[?path=…]</c>: the web UI's upload, where the user picks only a file (and,
/// for raw, where it goes). The body is staged within the format's limit and handed to the format's publish (Go reads
/// module and version from the zip), with the same checks, status codes and audit entry as a PUT to the content URL;
/// only the errors come as problem details instead of plain text.
/// </summary>
public static class UploadEndpoints
{
    public static RouteGroupBuilder MapUploadEndpoint(this RouteGroupBuilder repositories)
    {
        repositories.MapPost("/{name}/upload", UploadAsync).RequireAuthorization(Policies.WriteRepository);
        return repositories;
    }

    private static async Task<IResult> UploadAsync(
        string name,
        string? path,
        HttpContext context,
        IRepositoryDirectory repositories,
        RepositoryFormats formats,
        IAuditLog audit,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var repository = await repositories.FindAsync(name, cancellationToken);

        // Audited as a PUT is: under the content URL's path once it is known, before that under {repo}/upload.
        async Task<IResult> AnswerAsync(ContentResponse answer, string? contentPath = null, string? title = null)
        {
            // As for a PUT, the answer stands even when the audit log cannot be written.
            var target = $"{repository?.Name ?? name}/{contentPath ?? "upload"}";
            await audit.TryRecordAsync(
                context, loggers.CreateLogger(typeof(UploadEndpoints)), "content.upload", target, answer.Status is >= 200 and < 300, $"answered {answer.Status}");
            return Result(answer, title);
        }

        if (repository is null)
        {
            return await AnswerAsync(ContentResponse.NotFound($"There is no repository named '{name}'."));
        }

        if (RepositoryHandlers.Refusal(repository, HttpMethods.Put) is { } refused)
        {
            return await AnswerAsync(refused);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null; // the limit is the format's, enforced while the body streams to disk
        }

        var upload = await formats.Find(repository.Format)!.UploadAsync(repository, context.Request.Body, context.Request.ContentLength, path, cancellationToken);
        return await AnswerAsync(upload.Answer, upload.ContentPath, upload.Title);
    }

    /// <summary>A success as the PUT answers it (JSON); an error as problem details whose detail is the PUT's text.</summary>
    private static IResult Result(ContentResponse answer, string? title)
    {
        var text = answer.Payload is ContentPayload.Bytes bytes ? Encoding.UTF8.GetString(bytes.Content.Span) : "";
        if (answer.Status is >= 200 and < 300)
        {
            return Results.Text(text, answer.ContentType, Encoding.UTF8, answer.Status);
        }

        title ??= answer.Status switch
        {
            400 => "Invalid upload",
            403 => "Read-only repository",
            404 => "Repository not found",
            405 => "Not a hosted repository",
            409 => "Already exists",
            413 => "Upload too large",
            503 => "Repository offline",
            _ => ReasonPhrases.GetReasonPhrase(answer.Status),
        };
        return Results.Problem(statusCode: answer.Status, title: title, detail: text.TrimEnd('\n'));
    }
}
