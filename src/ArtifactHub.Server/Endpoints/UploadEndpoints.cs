using System.Text;
using ArtifactHub.Core;
using ArtifactHub.Core.Formats;
using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using ArtifactHub.Formats.Go;
using ArtifactHub.Formats.Go.Hosted;
using ArtifactHub.Server.Auth;
using ArtifactHub.Server.Endpoints.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Endpoints;

/// <summary>
/// <c>POST /api/v1/repositories/{name}/upload</c>: a module zip whose module and version are read from its entries
/// (the web UI's upload, where the user picks only a file). It is published through the hosted handler exactly as
/// <c>PUT /repository/{name}/{module}/@v/{version}.zip</c> is (same checks, status codes and audit entry); only the
/// errors come as problem details instead of the go command's plain text.
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
        HttpContext context,
        ArtifactHubDbContext db,
        RepositoryCache repositories,
        RepositoryHandlers handlers,
        IOptions<ArtifactHubOptions> options,
        IAuditLog audit,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var repository = await repositories.FindAsync(db, name, cancellationToken);

        // Audited as a PUT is: under the content URL's path once the zip names it, before that under {repo}/upload.
        async Task<IResult> AnswerAsync(ContentResponse answer, string? path = null)
        {
            // As for a PUT, the answer stands even when the audit log cannot be written.
            var target = $"{repository?.Name ?? name}/{path ?? "upload"}";
            await audit.TryRecordAsync(
                context, loggers.CreateLogger(typeof(UploadEndpoints)), "content.upload", target, answer.Status is >= 200 and < 300, $"answered {answer.Status}");
            return Result(answer);
        }

        if (repository is null)
        {
            return await AnswerAsync(ContentResponse.NotFound($"There is no repository named '{name}'."));
        }

        if (RepositoryHandlers.Refusal(repository, HttpMethods.Put) is { } refused)
        {
            return await AnswerAsync(refused);
        }

        if (repository.Format != GoFormat.Name)
        {
            return await AnswerAsync(ContentResponse.BadRequest($"repository {repository.Name} is a {repository.Format} repository: this upload reads Go module zips"));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null; // the limit is the module zip's, enforced while the body streams to disk
        }

        var zip = await ModuleZipUpload.StageAsync(context.Request.Body, context.Request.ContentLength, options.Value.FullStagingDir, cancellationToken);
        if (zip is null)
        {
            return await AnswerAsync(ModuleZipUpload.TooLarge());
        }

        await using (zip)
        {
            string module, version;
            try
            {
                (module, version) = ModuleZipPrefix.Read(zip.Path);
            }
            catch (InvalidModuleZipException e)
            {
                return await AnswerAsync(ContentResponse.BadRequest(e.Message));
            }

            var path = $"{GoModulePath.Escape(module)}/@v/{GoModulePath.Escape(version)}.zip";
            var request = new ContentRequest(repository, HttpMethods.Put, path, Stream.Null, zip.Size, context.User.Identity?.Name) { StagedBody = zip };
            return await AnswerAsync(await handlers.AnswerAsync(request, cancellationToken), path);
        }
    }

    /// <summary>A success as the PUT answers it (the published module as JSON); an error as problem details whose detail is the PUT's text.</summary>
    private static IResult Result(ContentResponse answer)
    {
        var text = answer.Payload is ContentPayload.Bytes bytes ? Encoding.UTF8.GetString(bytes.Content.Span) : "";
        if (answer.Status is >= 200 and < 300)
        {
            return Results.Text(text, answer.ContentType, Encoding.UTF8, answer.Status);
        }

        var title = answer.Status switch
        {
            400 => "Invalid module zip",
            403 => "Read-only repository",
            404 => "Repository not found",
            405 => "Not a hosted repository",
            409 => "Version exists",
            413 => "Module zip too large",
            503 => "Repository offline",
            _ => ReasonPhrases.GetReasonPhrase(answer.Status),
        };
        return Results.Problem(statusCode: answer.Status, title: title, detail: text.TrimEnd('\n'));
    }
}
