using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ArtifactHub.Data;

/// <summary>Keeps instants as UTC ticks (a 64-bit integer) so the database can order and compare them.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
