namespace ArtifactHub.Core.Repositories;

/// <summary>
/// A repository as every request sees it: its row and its settings, parsed once when the row is read (and cached with
/// it), with the part of its own type filled in with defaults. Handlers, engines and endpoints take this, never the
/// settings JSON.
/// </summary>
public sealed class RepositoryContext
{
    private RepositoryContext(Repository row, RepositorySettings settings)
    {
        Row = row;
        Settings = settings;
    }

    /// <summary>The row as read (not tracked): do not change it.</summary>
    public Repository Row { get; }

    public RepositorySettings Settings { get; }

    public int Id => Row.Id;

    public string Name => Row.Name;

    public string Format => Row.Format;

    public RepositoryType Type => Row.Type;

    public bool Online => Row.Online;

    public HostedSettings Hosted => Settings.Hosted ?? new HostedSettings();

    public ProxySettings Proxy => Settings.Proxy ?? new ProxySettings();

    public GroupSettings Group => Settings.Group ?? new GroupSettings();

    public static RepositoryContext Of(Repository row) => new(row, RepositorySettings.Read(row).ForType(row.Type));

    /// <summary>Its type in lower case, as the API and messages spell it.</summary>
    public string TypeName => Type.ToString().ToLowerInvariant();
}
