using FluentValidation;

namespace ArtifactHub.Server.Endpoints;

/// <summary>Validates the request body with its FluentValidation validator; a failure is an RFC 7807 validation problem.</summary>
public sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null)
        {
            return Results.Problem(statusCode: 400, title: "A JSON request body is required.");
        }

        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        if (!result.IsValid)
        {
            return Results.ValidationProblem(ValidationProblems.Of(result));
        }

        return await next(context);
    }
}
