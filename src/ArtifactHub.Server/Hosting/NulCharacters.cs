using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtifactHub.Server.Hosting;

/// <summary>
/// PostgreSQL keeps no NUL character in text (a query that carries one fails), so no request may bring one to a query:
/// Kestrel refuses one in the path, <see cref="UseNulCharacterRefusal"/> one in the query string, and
/// <see cref="RefusingStringConverter"/> one in any string of a JSON body. Each is a 400.
/// </summary>
public static class NulCharacters
{
    public static IApplicationBuilder UseNulCharacterRefusal(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.QueryString.Value is { } query && Uri.UnescapeDataString(query).Contains('\0'))
            {
                throw new BadHttpRequestException("the query string holds a NUL character (%00)", StatusCodes.Status400BadRequest);
            }

            await next(context);
        });

    /// <summary>Reads JSON strings as usual, but for one holding a NUL character (<c>\u0000</c>): a JSON error, so the body is a 400.</summary>
    public sealed class RefusingStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            return value is not null && value.Contains('\0') ? throw new JsonException("a string holds a NUL character (\\u0000)") : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
