using ArtifactHub.Server.Auth.Authentication;
using ArtifactHub.Server.Bundles;
using ArtifactHub.Server.Endpoints;
using ArtifactHub.Server.Endpoints.Security;
using ArtifactHub.Server.Hosting;
using ArtifactHub.Server.Maintenance;

// Settings files live beside the program; the data folder stays relative to where it is started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.ListenOnDefaultUrlUnlessTold();
builder.Services.AddArtifactHub(builder.Configuration);

var app = builder.Build();
app.UseTrustedForwardedHeaders(); // before anything reads the client's address
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    // A malformed request (bad JSON, a body over a limit) is the client's error, not a 500.
    StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseRequestBodyErrors(); // a body that cannot be read is a 400 too (Hosting/RequestBodyErrors.cs), answered by BadRequestExceptionHandler
app.UseNulCharacterRefusal(); // so is a NUL in the query string, which PostgreSQL cannot take (Hosting/NulCharacters.cs)
app.UseWebUiFiles(); // the browser UI's files, which need no sign-in (Hosting/WebUi.cs); before routing picks an endpoint
app.UseRouting();
app.UseAuthentication();
app.UseAuthenticationGuards();
app.UseAuthorization();

app.MapHealthEndpoints();
app.MapOpenApi().AllowAnonymous(); // describes the API, holds no data
app.MapSessionEndpoints();
app.MapRepositoryEndpoints();
app.MapBrowseEndpoints();
app.MapSecurityEndpoints();
app.MapMaintenanceEndpoints();
app.MapBundleEndpoints();
app.MapContentEndpoints();
app.MapWebUi();

await app.InitializeArtifactHubAsync();
app.Run();

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
