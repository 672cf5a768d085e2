using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ArtifactHub.Data;

/// <summary>
/// Keeps instants as UTC ticks (a 64-bit integer) so the database can order and compare them. EF applies a converter
/// of a value type to nullable properties of it as well (null stays null), so <c>DateTimeOffset?</c> needs no other.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
