using ArtifactHub.Core.Content;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Data;

/// <summary>
/// A database product the server can run on: its name in configuration (<see cref="DatabaseOptions.Provider"/>) and
/// how it sets up the DbContext. Each one lives in its migrations project (ArtifactHub.Migrations.{Name}), beside the
/// migrations written for it, so that this project stays free of provider packages.
/// </summary>
/// <param name="Configure">Sets the provider up: the options, the database settings and the full data folder.</param>
/// <param name="ClusterLock">
/// The lock nodes sharing this database take to do a thing once across them; null for a database only one node can
/// use (SQLite), which gets the in-process lock.
/// </param>
public sealed record DatabaseProvider(
    string Name,
    bool RequiresConnectionString,
    Action<DbContextOptionsBuilder, DatabaseOptions, string> Configure,
    Func<DatabaseOptions, IClusterLock>? ClusterLock = null);
