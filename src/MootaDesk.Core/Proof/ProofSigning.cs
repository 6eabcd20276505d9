using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;

namespace MootaDesk.Core.Proof;

/// <summary>
/// The installation's token signer. The key comes from configuration when set (several servers share it),
/// otherwise it is created at random on first use and kept in the database, so links survive restarts. It is
/// never logged and never shown.
/// </summary>
public sealed class ProofSigning(IDbContextFactory<MootaDeskDbContext> factory, IOptions<ProofOptions> options, TimeProvider time)
{
    public const string KeySetting = "proof.signing-key";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ProofTokenSigner? _signer;

    public async Task<ProofTokenSigner> SignerAsync(CancellationToken ct = default)
    {
        if (_signer is not null) return _signer;
        await _gate.WaitAsync(ct);
        try
        {
            return _signer ??= new ProofTokenSigner(await LoadKeyAsync(ct));
        }
        finally { _gate.Release(); }
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.SigningKey))
        {
            var configured = Convert.FromBase64String(options.Value.SigningKey);
            if (configured.Length < 32) throw new InvalidOperationException("MootaDesk:Proof:SigningKey must be at least 32 bytes (base64).");
            return configured;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var stored = await db.Settings.AsNoTracking().Where(s => s.Key == KeySetting).Select(s => s.Value).FirstOrDefaultAsync(ct);
        if (stored is not null) return Convert.FromBase64String(stored);

        db.Settings.Add(new AppSetting
        {
            Key = KeySetting,
            Value = Convert.ToBase64String(ProofTokenSigner.NewKey()),
            UpdatedAt = time.GetUtcNow().UtcDateTime,
            UpdatedBy = "system",
        });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another server instance made the key first; use theirs.
        }
        await using var again = await factory.CreateDbContextAsync(ct);
        return Convert.FromBase64String(await again.Settings.AsNoTracking().Where(s => s.Key == KeySetting).Select(s => s.Value).SingleAsync(ct));
    }
}
