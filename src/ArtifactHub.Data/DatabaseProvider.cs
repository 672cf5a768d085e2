using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data;

/// <summary>
/// A database product the server can run on: its name in configuration (<see cref="DatabaseOptions.Provider"/>) and
/// how it sets up the DbContext. Each one lives in its migrations project (ArtifactHub.Migrations.{Name}), beside the
/// migrations written for it, so that this project stays free of provider packages.
/// </summary>
/// <param name="Configure">Sets the provider up: the options, the database settings and the full data folder.</param>
public sealed record DatabaseProvider(
    string Name,
    bool RequiresConnectionString,
    Action<DbContextOptionsBuilder, DatabaseOptions, string> Configure);
