using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtifactHub.Data;
using ArtifactHub.TestSupport;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace ArtifactHub.Server.Tests.Api;

/// <summary>
/// Every body the API takes, spoiled one field at a time with hostile values (null, each JSON type in the wrong place,
/// "", a 1 MB string, numbers past any range, nesting past any depth), and the upload endpoints with broken bodies:
/// never a 5xx, a refused body changes nothing, and what was accepted can still be read back. The cases are generated
/// from a description of each body (one the endpoint accepts, and its field paths), not written out one by one.
/// </summary>
public sealed class ApiBodyFuzzTests(ArtifactHubFactory factory, KestrelArtifactHub hub)
    : IClassFixture<ArtifactHubFactory>, IClassFixture<KestrelArtifactHub>
{
    private const string Password = "a long enough password";
    private const string Role = "fuzz-role";

    private static int counter;

    /// <summary>Raw JSON put in place of one field (or of the whole body).</summary>
    private static readonly (string Name, string Json)[] HostileValues =
    [
        ("null", "null"),
        ("a number", "42"),
        ("a string", "\"fuzz\""),
        ("a boolean", "true"),
        ("an object", "{}"),
        ("an array", "[]"),
        ("an array of null", "[null]"),
        ("an array of numbers", "[1,2]"),
        ("an empty string", "\"\""),
        ("a 1 MB string", "\"" + new string('a', 1 << 20) + "\""),
        ("1e300", "1e300"),
        ("20 digits", "99999999999999999999"),
        ("-1", "-1"),
        ("-20 digits", "-99999999999999999999"),
        ("int.MaxValue", "2147483647"),
        ("a fraction", "0.5"),
        ("control characters", "\"a\\u0000b\\nc\""),
        ("arrays nested 10000 deep", new string('[', 10_000) + new string(']', 10_000)),
    ];

    /// <summary>Whole bodies that are not JSON a model could come from.</summary>
    private static readonly (string Name, Func<string, string> Body)[] BrokenBodies =
    [
        ("an empty body", _ => ""),
        ("truncated JSON", valid => valid[..(valid.Length / 2)]),
        ("trailing garbage", valid => valid + "}x"),
        ("not JSON", _ => "<xml/>"),
    ];

    private const string Hosted = """{"name":"{name}","format":"go","type":"hosted","online":true,"anonymousRead":true,"hosted":{"writePolicy":"allow-once"}}""";

    private const string ProxyBasic = """
        {"name":"{name}","format":"go","type":"proxy","online":true,"anonymousRead":true,"proxy":{"upstream":"http://127.0.0.1:9/",
         "metadataMaxAgeMinutes":30,"negativeCacheMinutes":5,"connectTimeoutSeconds":10,"readTimeoutSeconds":60,
         "allow":["example.com/*"],"block":["private.example/*"],
         "checksumDatabases":[{"name":"sum.golang.org","url":"https://sum.golang.org","latestMaxAgeSeconds":60}],
         "authentication":{"type":"basic","username":"fuzz","password":"fuzz-secret"}}}
        """;

    private const string ProxyBearer = """
        {"name":"{name}","format":"go","type":"proxy","proxy":{"upstream":"http://127.0.0.1:9/","authentication":{"type":"bearer","token":"fuzz-token"}}}
        """;

    private const string Group = """{"name":"{name}","format":"go","type":"group","online":true,"anonymousRead":true,"group":{"members":["go-hosted"]}}""";

    private static readonly string[] RepositoryFields = ["name", "format", "type", "online", "anonymousRead", "hosted", "proxy", "group"];

    private static readonly string[] ProxyFields =
    [
        .. RepositoryFields, "proxy.upstream", "proxy.metadataMaxAgeMinutes", "proxy.negativeCacheMinutes", "proxy.connectTimeoutSeconds",
        "proxy.readTimeoutSeconds", "proxy.allow", "proxy.allow[0]", "proxy.allow[1]", "proxy.block", "proxy.block[0]", "proxy.block[1]",
        "proxy.checksumDatabases", "proxy.checksumDatabases[0]", "proxy.checksumDatabases[1]", "proxy.checksumDatabases[0].name",
        "proxy.checksumDatabases[0].url", "proxy.checksumDatabases[0].latestMaxAgeSeconds", "proxy.authentication",
        "proxy.authentication.type", "proxy.authentication.username", "proxy.authentication.password", "proxy.authentication.protectedSecret",
    ];

    private static readonly string[] BearerFields = ["proxy.authentication", "proxy.authentication.type", "proxy.authentication.token", "proxy.authentication.username"];

    private static readonly string[] GroupFields = [.. RepositoryFields, "group.members", "group.members[0]", "group.members[1]"];

    private const string UserBody = $$"""{"userName":"{name}","displayName":"Fuzz","email":"fuzz@example.com","password":"{{Password}}","roles":["{{Role}}"],"disabled":false}""";

    private static readonly string[] UserFields = ["userName", "displayName", "email", "password", "roles", "roles[0]", "roles[1]", "disabled"];

    private const string RoleBody = """{"name":"{name}","description":"Fuzz","privileges":["repository:*:read"]}""";

    private static readonly string[] RoleFields = ["name", "description", "privileges", "privileges[0]", "privileges[1]"];

    private static readonly string[] TokenFields = ["name", "expiresInDays", "expiresAt", "scope", "scope[0]", "scope[1]", "userName"];

    /// <summary>What a request to one body's endpoint touches, to prepare it and to see that a refusal left it alone.</summary>
    private enum Target { NewRepository, Repository, NewUser, User, NewRole, Role, NewToken, SecuritySettings, SignIn }

    /// <summary>One body: its method and URL, a body the endpoint accepts, and the fields to spoil ("{name}": the case's own name).</summary>
    private sealed record BodyShape(string Method, string Url, string Valid, string[] Fields, Target Target, string? CreateBody = null);

    private static readonly Dictionary<string, BodyShape> Shapes = new()
    {
        ["repository create, hosted"] = new("POST", "/api/v1/repositories", Hosted, [.. RepositoryFields, "hosted.writePolicy"], Target.NewRepository),
        ["repository create, proxy with basic"] = new("POST", "/api/v1/repositories", ProxyBasic, ProxyFields, Target.NewRepository),
        ["repository create, proxy with bearer"] = new("POST", "/api/v1/repositories", ProxyBearer, BearerFields, Target.NewRepository),
        ["repository create, group"] = new("POST", "/api/v1/repositories", Group, GroupFields, Target.NewRepository),
        ["repository update, hosted"] = new("PUT", "/api/v1/repositories/{name}", Hosted, [.. RepositoryFields, "hosted.writePolicy"], Target.Repository, Hosted),
        ["repository update, proxy with basic"] = new("PUT", "/api/v1/repositories/{name}", ProxyBasic, ProxyFields, Target.Repository, ProxyBasic),
        ["repository update, proxy with bearer"] = new("PUT", "/api/v1/repositories/{name}", ProxyBearer, BearerFields, Target.Repository, ProxyBasic),
        ["repository update, group"] = new("PUT", "/api/v1/repositories/{name}", Group, GroupFields, Target.Repository, Group),
        ["user create"] = new("POST", "/api/v1/security/users", UserBody, UserFields, Target.NewUser),
        ["user update"] = new("PUT", "/api/v1/security/users/{name}", UserBody, UserFields, Target.User),
        ["role create"] = new("POST", "/api/v1/security/roles", RoleBody, RoleFields, Target.NewRole),
        ["role update"] = new("PUT", "/api/v1/security/roles/{name}", RoleBody, RoleFields, Target.Role),
        ["token create, expiring in days"] = new(
            "POST", "/api/v1/security/tokens", """{"name":"{name}","expiresInDays":30,"scope":["repository:*:read"],"userName":"admin"}""", TokenFields, Target.NewToken),
        ["token create, expiring at"] = new(
            "POST", "/api/v1/security/tokens", """{"name":"{name}","expiresAt":"{in30days}","scope":["repository:*:read"]}""", TokenFields, Target.NewToken),
        ["security settings"] = new("PUT", "/api/v1/security/settings", """{"anonymousAccess":true}""", ["anonymousAccess"], Target.SecuritySettings),
        ["session sign-in"] = new("POST", "/api/v1/session", $$"""{"userName":"{name}","password":"{{Password}}"}""", ["userName", "password"], Target.SignIn),
    };

    public static TheoryData<string> ShapeNames() => [.. Shapes.Keys];

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public async Task No_hostile_value_in_any_field_is_a_5xx_and_a_refused_body_changes_nothing(string shapeName)
    {
        var shape = Shapes[shapeName];
        await SetUpOnceAsync();

        // The body the cases start from must itself be accepted, or every case would be refused for its sake.
        var validName = NewName();
        await PrepareAsync(shape, validName);
        var (validStatus, validAnswer) = await SendAsync(shape.Method, Url(shape, validName), Body(shape, validName));
        Assert.True(validStatus is >= 200 and < 300, $"the valid body of {shapeName} answered {validStatus}: {validAnswer}");

        var cases = shape.Fields.Prepend("").SelectMany(field => HostileValues.Select(value => (
                What: $"{(field == "" ? "the whole body" : field)} = {value.Name}",
                Spoil: (Func<string, string>)(valid => Spoiled(valid, field, value.Json)))))
            .Concat(BrokenBodies.Select(broken => (What: broken.Name, Spoil: broken.Body)));

        var failures = new List<string>();
        var count = 0;
        foreach (var (what, spoil) in cases)
        {
            count++;
            var name = NewName();
            await PrepareAsync(shape, name);
            var before = await StateAsync(shape.Target, name);

            var (status, answer) = await SendAsync(shape.Method, Url(shape, name), spoil(Body(shape, name)));

            if (status >= 500)
            {
                failures.Add($"{what}: answered {status} {Cut(answer)}");
            }
            else if (status >= 400 && await StateAsync(shape.Target, name) is var after && after != before)
            {
                failures.Add($"{what}: refused with {status} but changed what it touched: {Cut(before)} -> {Cut(after)}");
            }
            else if (status is >= 200 and < 300 && await ReadBackProblemAsync(shape.Target, name, answer) is { } problem)
            {
                failures.Add($"{what}: accepted, then {problem}");
            }

            if (shape.Target == Target.SecuritySettings)
            {
                await SendAsync("PUT", "/api/v1/security/settings", """{"anonymousAccess":true}""");
            }
        }

        Assert.True(failures.Count == 0, $"{shapeName}: {failures.Count} of {count} cases failed:\n" + string.Join("\n", failures));
    }

    /// <summary>Broken upload bodies over a real socket: empty, not a zip, cut short, and chunk framing Kestrel refuses.</summary>
    [Fact]
    public async Task No_broken_upload_body_is_a_5xx_and_none_leaves_anything_behind()
    {
        var admin = hub.Factory.CreateAdminClient();
        var repository = await admin.CreateRepositoryAsync(new { name = NewName(), format = "go", type = "hosted" });
        const string module = "example.com/fuzz/upload";
        var zip = ModuleZipBuilder.Simple(module, "v1.0.0", null, ("big.go", new string('x', 100_000)));
        var blobsBefore = hub.Factory.Blobs().Length;

        (string Name, string Headers, byte[] Body, bool CloseAfterBody)[] bodies =
        [
            ("empty", "Content-Length: 0", [], false),
            ("not a zip", "Content-Length: 5", "hello"u8.ToArray(), false),
            ("a truncated zip", $"Content-Length: {zip.Length / 2}", zip[..(zip.Length / 2)], false),
            ("fewer bytes than Content-Length, then the client goes", $"Content-Length: {zip.Length}", zip[..(zip.Length / 2)], true),
            ("chunk size 80000000", "Transfer-Encoding: chunked", RawHttp.Chunks("4\r\nPK\u0003\u0004\r\n80000000\r\nxx"), false),
            ("chunk size ffffffff", "Transfer-Encoding: chunked", RawHttp.Chunks("ffffffff\r\nxx"), false),
            ("chunk size of 40 hex digits", "Transfer-Encoding: chunked", RawHttp.Chunks(new string('f', 40) + "\r\nxx"), false),
            ("chunk size not hex", "Transfer-Encoding: chunked", RawHttp.Chunks("zz\r\nxx"), false),
            ("chunk longer than its size", "Transfer-Encoding: chunked", RawHttp.Chunks("2\r\nPK\u0003\u0004\r\n0\r\n\r\n"), false),
            ("no last chunk, then the client goes", "Transfer-Encoding: chunked", RawHttp.Chunks("4\r\nPK\u0003\u0004\r\n"), true),
            ("a chunk extension of 100 KB", "Transfer-Encoding: chunked", RawHttp.Chunks("4;" + new string('e', 100_000) + "\r\nPK\u0003\u0004\r\n0\r\n\r\n"), false),
        ];
        (string Name, string RequestLine, string ErrorType)[] endpoints =
        [
            ("PUT", $"PUT /repository/{repository}/{module}/@v/v1.0.0.zip HTTP/1.1", "text/plain"),
            ("upload", $"POST /api/v1/repositories/{repository}/upload HTTP/1.1", "application/problem+json"),
        ];

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var body in bodies)
            {
                var head = $"{endpoint.RequestLine}\r\nHost: localhost\r\nAuthorization: {RawHttp.AdminAuthorization}\r\nContent-Type: application/zip\r\n{body.Headers}";
                var answer = await RawHttp.SendAsync(hub.Address, head, body.Body, body.CloseAfterBody);
                if (answer is null && !body.CloseAfterBody)
                {
                    failures.Add($"{endpoint.Name}, {body.Name}: no answer");
                }
                else if (answer is { Status: >= 500 })
                {
                    failures.Add($"{endpoint.Name}, {body.Name}: answered {answer.Status} {Cut(answer.Body)}");
                }
                else if (answer is { Status: >= 400 } && answer.ContentType is { } type && type != endpoint.ErrorType)
                {
                    failures.Add($"{endpoint.Name}, {body.Name}: a {answer.Status} as {type}, not {endpoint.ErrorType}");
                }
            }
        }

        // A client that went away is cleaned up after: give the server a moment for it.
        for (var i = 0; i < 100 && hub.Factory.StagedFiles().Length > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Empty(hub.Factory.StagedFiles());
        Assert.Equal(blobsBefore, hub.Factory.Blobs().Length);
        Assert.Equal(0, await hub.Factory.WithDbAsync(db => db.Components.CountAsync(c => c.Repository!.Name == repository)));
    }

    [Theory]
    [InlineData("[null]")]
    [InlineData("""["go-hosted",null]""")]
    [InlineData("null")]
    public async Task A_null_group_member_list_or_member_is_a_validation_problem_on_create_and_on_update(string members)
    {
        var name = NewName();
        var (created, createProblem) = await SendAsync("POST", "/api/v1/repositories", $$$"""{"name":"{{{name}}}","format":"go","type":"group","group":{"members":{{{members}}}}}""");
        AssertValidationProblem(created, createProblem, "group.members");
        Assert.False(await factory.WithDbAsync(db => db.Repositories.AnyAsync(r => r.Name == name)));

        var group = await factory.CreateAdminClient().CreateRepositoryAsync(JsonNode.Parse(Group.Replace("{name}", name))!);
        var (updated, updateProblem) = await SendAsync("PUT", $"/api/v1/repositories/{group}", $$$"""{"group":{"members":{{{members}}}}}""");
        AssertValidationProblem(updated, updateProblem, "group.members");
        var (status, read) = await SendAsync("GET", $"/api/v1/repositories/{group}", "");
        Assert.Equal(200, status);
        Assert.Equal("""["go-hosted"]""", JsonDocument.Parse(read).RootElement.GetProperty("group").GetProperty("members").GetRawText());
    }

    [Theory]
    [InlineData("[null]")]
    [InlineData("""[{"name":"sum.golang.org","url":"https://sum.golang.org"},null]""")]
    public async Task A_null_checksum_database_is_refused_on_create_and_on_update_and_the_proxy_keeps_answering(string databases)
    {
        var name = NewName();
        var proxy = $$"""{"upstream":"http://127.0.0.1:9/","checksumDatabases":{{databases}}}""";
        var (created, createProblem) = await SendAsync("POST", "/api/v1/repositories", $$"""{"name":"{{name}}","format":"go","type":"proxy","proxy":{{proxy}}}""");
        AssertValidationProblem(created, createProblem, "proxy.checksumDatabases[1]", "proxy.checksumDatabases[0]");
        Assert.False(await factory.WithDbAsync(db => db.Repositories.AnyAsync(r => r.Name == name)));

        var repository = await factory.CreateAdminClient().CreateRepositoryAsync(JsonNode.Parse(ProxyBasic.Replace("{name}", name))!);
        var (updated, updateProblem) = await SendAsync("PUT", $"/api/v1/repositories/{repository}", $$"""{"proxy":{{proxy}}}""");
        AssertValidationProblem(updated, updateProblem, "proxy.checksumDatabases[1]", "proxy.checksumDatabases[0]");
        Assert.Equal(200, (await SendAsync("GET", $"/repository/{repository}/sumdb/sum.golang.org/supported", "")).Status);
    }

    /// <summary>Settings saved while such a body was still accepted must not keep the proxy's checksum database URLs failing.</summary>
    [Fact]
    public async Task A_proxy_saved_with_a_null_checksum_database_before_it_was_refused_still_answers()
    {
        var repository = await factory.CreateAdminClient().CreateRepositoryAsync(JsonNode.Parse(ProxyBasic.Replace("{name}", NewName()))!);
        await factory.WithDbAsync(async db =>
        {
            var row = await db.Repositories.SingleAsync(r => r.Name == repository);
            row.Settings = row.Settings.Replace("\"checksumDatabases\":[", "\"checksumDatabases\":[null,", StringComparison.Ordinal);
            await db.SaveChangesAsync();
        });

        Assert.Equal(200, (await SendAsync("GET", $"/repository/{repository}/sumdb/sum.golang.org/supported", "")).Status);
        Assert.Equal(404, (await SendAsync("GET", $"/repository/{repository}/sumdb/sum.example.test/supported", "")).Status);
    }

    /// <summary>A 400 problem whose errors name one of <paramref name="fields"/>, or an entry of it (<c>group.members[1]</c>), in any case.</summary>
    private static void AssertValidationProblem(int status, string answer, params string[] fields)
    {
        Assert.True(status == 400, $"{status}: {Cut(answer)}");
        var errors = JsonDocument.Parse(answer).RootElement.GetProperty("errors");
        Assert.True(
            errors.EnumerateObject().Any(e => fields.Any(f =>
                string.Equals(e.Name, f, StringComparison.OrdinalIgnoreCase) || e.Name.StartsWith(f + "[", StringComparison.OrdinalIgnoreCase))),
            $"no error for {string.Join(" or ", fields)}: {answer}");
    }

    /// <summary>The role the user bodies give (shared by the theory's rows, which run one after another).</summary>
    private async Task SetUpOnceAsync()
    {
        if (!await factory.WithDbAsync(db => db.Roles.AnyAsync(r => r.Name == Role)))
        {
            await SecurityTestData.CreateRoleAsync(factory, Role, "repository:*:read");
        }
    }

    /// <summary>What the case's request works on, made beforehand: the repository, user or role it changes, or the user who signs in.</summary>
    private async Task PrepareAsync(BodyShape shape, string name)
    {
        switch (shape.Target)
        {
            case Target.Repository:
                var (status, answer) = await SendAsync("POST", "/api/v1/repositories", shape.CreateBody!.Replace("{name}", name));
                Assert.True(status == 201, $"{status}: {answer}");
                break;
            case Target.User:
                await SecurityTestData.CreateUserAsync(factory, name, Password, Role);
                break;
            case Target.SignIn:
                await SecurityTestData.CreateUserAsync(factory, name, Password);
                break;
            case Target.Role:
                await SecurityTestData.CreateRoleAsync(factory, name, "repository:*:read");
                break;
        }
    }

    /// <summary>What a refused request must leave as it was: the count of what it would create, or the row it would change.</summary>
    private Task<string> StateAsync(Target target, string name) => factory.WithDbAsync<string>(async db => target switch
    {
        Target.NewRepository => (await db.Repositories.CountAsync()).ToString(),
        Target.Repository => await db.Repositories.AsNoTracking().Where(r => r.Name == name)
            .Select(r => r.Name + "|" + r.Online + "|" + r.AnonymousRead + "|" + r.Settings).SingleAsync(),
        Target.NewUser => (await db.Users.CountAsync()).ToString(),
        Target.User => await UserStateAsync(db, name),
        Target.NewRole => (await db.Roles.CountAsync()).ToString(),
        Target.Role => string.Join("|", await db.Roles.AsNoTracking().Where(r => r.Name == name)
            .Select(r => r.Name + "|" + r.Description + "|" + string.Join(",", r.Privileges.Select(p => p.Value))).ToListAsync()),
        Target.NewToken => (await db.ApiTokens.CountAsync()).ToString(),
        Target.SecuritySettings => string.Join("|", await db.SecuritySettings.AsNoTracking().Select(s => s.AnonymousAccess).ToListAsync()),
        _ => "",
    });

    private static async Task<string> UserStateAsync(ArtifactHubDbContext db, string name)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Roles).ThenInclude(r => r.Role).SingleAsync(u => u.UserName == name);
        return $"{user.UserName}|{user.DisplayName}|{user.Email}|{user.PasswordHash}|{user.Disabled}|{string.Join(",", user.Roles.Select(r => r.Role!.Name).Order())}";
    }

    /// <summary>After a repository was accepted: it must still be readable through the API and answer on its content URL.</summary>
    private async Task<string?> ReadBackProblemAsync(Target target, string name, string answer)
    {
        if (target is not (Target.NewRepository or Target.Repository))
        {
            return null;
        }

        var repository = JsonDocument.Parse(answer).RootElement;
        var stored = repository.GetProperty("name").GetString() ?? name;
        var content = repository.GetProperty("type").GetString() == "proxy" ? "sumdb/sum.golang.org/supported" : "example.com/fuzz/@v/list";
        foreach (var url in new[] { $"/api/v1/repositories/{stored}", "/api/v1/repositories", $"/repository/{stored}/{content}" })
        {
            // A 502 or 504 is an honest answer when a proxy (or a group's proxy member, such as one a hostile name made) asks
            // the upstream these bodies name, 127.0.0.1:9, where nothing listens; anything else 5xx is the server's fault.
            if (await SendAsync("GET", url, "") is { Status: >= 500 and not (502 or 504) } failed)
            {
                return $"GET {url} answered {failed.Status} {Cut(failed.Answer)}";
            }
        }

        return null;
    }

    /// <summary>
    /// Sends as the admin, in memory, each request from an address of its own (the sign-in limit counts per address, and
    /// it is not what is tested here).
    /// </summary>
    private async Task<(int Status, string Answer)> SendAsync(string method, string url, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var address = Interlocked.Increment(ref counter);
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = url;
            c.Request.Headers.Authorization = RawHttp.AdminAuthorization;
            if (bytes.Length > 0 || method is "POST" or "PUT")
            {
                c.Request.ContentType = "application/json";
                c.Request.ContentLength = bytes.Length;
                c.Request.Body = new MemoryStream(bytes);
                c.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody()); // as a server says of a request with Content-Length
            }

            c.Connection.RemoteIpAddress = new IPAddress(new byte[] { 10, (byte)(address >> 16), (byte)(address >> 8), (byte)address });
        });
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    private static string Url(BodyShape shape, string name) => shape.Url.Replace("{name}", name);

    private static string Body(BodyShape shape, string name) => shape.Valid
        .Replace("{name}", name)
        .Replace("{in30days}", DateTimeOffset.UtcNow.AddDays(30).ToString("O"));

    /// <summary><paramref name="valid"/> with the field at <paramref name="path"/> (e.g. <c>proxy.allow[0]</c>, "" for the whole body) replaced by raw JSON.</summary>
    private static string Spoiled(string valid, string path, string json)
    {
        if (path == "")
        {
            return json;
        }

        const string marker = "@@spoiled@@";
        var root = JsonNode.Parse(valid)!;
        JsonNode parent = root;
        var steps = path.Split('.').SelectMany(Steps).ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            var last = i == steps.Count - 1;
            JsonNode? next = last ? JsonValue.Create(marker) : null;
            switch (steps[i])
            {
                case int index when parent is JsonArray array:
                    if (index >= array.Count)
                    {
                        array.Add(next ?? new JsonObject());
                    }
                    else if (last)
                    {
                        array[index] = next;
                    }

                    parent = array[index]!;
                    break;
                case string property when parent is JsonObject obj:
                    if (last || obj[property] is null)
                    {
                        obj[property] = next ?? new JsonObject();
                    }

                    parent = obj[property]!;
                    break;
                default:
                    throw new InvalidOperationException($"{path} does not fit {valid}");
            }
        }

        return root.ToJsonString().Replace(JsonSerializer.Serialize(marker), json, StringComparison.Ordinal);
    }

    /// <summary><c>allow[0]</c> → "allow", 0.</summary>
    private static IEnumerable<object> Steps(string segment)
    {
        var bracket = segment.IndexOf('[');
        if (bracket < 0)
        {
            yield return segment;
            yield break;
        }

        yield return segment[..bracket];
        yield return int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string NewName() => "fz" + Interlocked.Increment(ref counter);

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
