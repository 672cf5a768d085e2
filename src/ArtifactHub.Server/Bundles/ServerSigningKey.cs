using ArtifactHub.Core.Security;
using ArtifactHub.Data;
using ArtifactHub.Formats.Go.SumDb;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArtifactHub.Server.Bundles;

/// <summary>
/// The server's own Ed25519 key for signing bundles, in the checksum database's note format (so one verifier checks a
/// bundle and a tree head alike). Made once, on the first start, under the start-up cluster lock, and kept in the
/// database with its private half protected: every node signs with the same key, and a restore keeps it.
/// </summary>
public sealed class ServerSigningKey(ArtifactHubDbContext db, ISecretProtector secrets, IOptions<BundleOptions> options, TimeProvider clock)
{
    /// <summary>Makes the key unless the database has one; the verifier key, new or kept.</summary>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        if (await VerifierKeyAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        var signer = NoteSigner.Generate(options.Value.KeyName);
        db.SigningKeys.Add(new SigningKey
        {
            Purpose = SigningKey.Bundles,
            VerifierKey = signer.Verifier.Key,
            ProtectedSignerKey = secrets.Protect(signer.Key),
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return signer.Verifier.Key;
    }

    public Task<string?> VerifierKeyAsync(CancellationToken cancellationToken) =>
        db.SigningKeys.AsNoTracking().Where(k => k.Purpose == SigningKey.Bundles).Select(k => k.VerifierKey).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The key to sign with; null when there is none or its private half cannot be read (the data-protection keys changed).</summary>
    public async Task<NoteSigner?> SignerAsync(CancellationToken cancellationToken)
    {
        var stored = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Purpose == SigningKey.Bundles, cancellationToken);
        return stored is not null && secrets.TryUnprotect(stored.ProtectedSignerKey) is { } key ? NoteSigner.Parse(key) : null;
    }
}
