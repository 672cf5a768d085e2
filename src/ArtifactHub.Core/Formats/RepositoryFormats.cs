namespace ArtifactHub.Core.Formats;

/// <summary>The formats registered at start-up, by name, with their browsers.</summary>
public sealed class RepositoryFormats(IEnumerable<IRepositoryFormat> formats, IEnumerable<IFormatBrowser> browsers)
{
    private readonly Dictionary<string, IRepositoryFormat> byName = formats.ToDictionary(f => f.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, IFormatBrowser> browserOf = browsers.ToDictionary(b => b.Format, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => byName.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Every browse view of every format (the server routes these).</summary>
    public IReadOnlyCollection<string> Views => browserOf.Values.SelectMany(b => b.Views).Distinct(StringComparer.Ordinal).ToList();

    public IRepositoryFormat? Find(string? name) => name is null ? null : byName.GetValueOrDefault(name);

    public IFormatBrowser? BrowserOf(string format) => browserOf.GetValueOrDefault(format);
}
