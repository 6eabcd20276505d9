using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations;

public enum SandboxAccountKind { BankTransfer = 0, VirtualAccount = 1 }

public sealed record SandboxAccountRow(int Id, string Label, string BankCode, string AccountNumber, string ExternalId, int MutationCount)
{
    /// <summary>"Label · number": a practice account's number is made up, so it is shown whole.</summary>
    public string Display => $"{Label} · {AccountNumber}";
}

public sealed record SimulatedTransfer(string Description, decimal Amount, Direction Direction, string Sender);

/// <summary>The sandbox row a simulation became: enough for a link that opens exactly that row in Mutasi.</summary>
public sealed record SimulatedMutation(long Id, int AccountId, DateOnly BankDate, decimal Amount);

/// <summary>Outcome of a simulation: what our own endpoint answered and which delivery it became.</summary>
public sealed record SimulationResult(bool Accepted, int HttpStatus, long? DeliveryId, string MutationId, string? ErrorKey);

/// <summary>
/// The sandbox: practice accounts (flagged sandbox, so they never enter real totals) and simulated transfers
/// that are sent as correctly signed Moota webhooks to our own endpoint, through the same path as real ones.
/// </summary>
public sealed class SandboxCommands(IDbContextFactory<MootaDeskDbContext> factory, IDbContextFactory<InboxDbContext> inboxFactory, BusinessClock clock, OwnEndpointClient own, ILogger<SandboxCommands> logger)
{
    public const string IntegrationName = "Sandbox";
    public const decimal MaxAmount = 1_000_000_000m;

    public async Task<IReadOnlyList<SandboxAccountRow>> ListAccountsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.IsSandbox && !a.IsDemo).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Label, a.BankCode, a.AccountNumber, a.ExternalId, Count = db.Mutations.Count(m => m.AccountId == a.Id) })
            .ToListAsync(ct);
        return accounts.Select(a => new SandboxAccountRow(a.Id, a.Label, a.BankCode, a.AccountNumber, a.ExternalId ?? "", a.Count)).ToList();
    }

    public async Task<(SandboxAccountRow? Account, string? ErrorKey)> CreateAccountAsync(SandboxAccountKind kind, string? label, Actor actor, CancellationToken ct = default)
    {
        var clean = label?.Trim() ?? "";
        if (clean.Length is 0 or > 100) return (null, "Sandbox.Error.Label");
        var now = clock.UtcNow;
        await using var db = await factory.CreateDbContextAsync(ct);
        var account = new Account
        {
            BankCode = kind == SandboxAccountKind.VirtualAccount ? "sandboxVA" : "sandbox",
            // VA numbers are long with a bank prefix; transfer accounts look like a 10-digit BCA number.
            AccountNumber = kind == SandboxAccountKind.VirtualAccount ? "8808" + Digits(12) : Digits(10),
            Label = clean,
            HolderName = "SANDBOX",
            ExternalId = "sbx-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            IsSandbox = true,
            CreatedAt = now,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(ct);
        db.Record(actor, "sandbox.account.create", "Account", account.Id, null, new { account.Label, account.BankCode, account.AccountNumber }, now);
        await db.SaveChangesAsync(ct);
        return (new SandboxAccountRow(account.Id, account.Label, account.BankCode, account.AccountNumber, account.ExternalId, 0), null);
    }

    public async Task<SimulationResult> SimulateAsync(int accountId, SimulatedTransfer transfer, Actor actor, CancellationToken ct = default)
    {
        var mutationId = "sbx-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        if (transfer.Amount <= 0 || transfer.Amount > MaxAmount || decimal.Round(transfer.Amount, 2) != transfer.Amount)
            return new SimulationResult(false, 0, null, mutationId, "Sandbox.Error.Amount");
        var sender = (transfer.Sender ?? "").Trim().ToUpperInvariant();
        if (sender.Length is < 3 or > 60) return new SimulationResult(false, 0, null, mutationId, "Sandbox.Error.Sender");

        Account? account;
        int integrationId;
        string secret;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId && a.IsSandbox, ct);
            if (account is null) return new SimulationResult(false, 0, null, mutationId, "Sandbox.Error.Account");
            (integrationId, secret) = await EnsureIntegrationAsync(db, actor, ct);
        }

        // Moota writes its times in Jakarta wall time whatever the business's zone; the sandbox sends what Moota would.
        var mootaNow = MootaTime.Format(clock.UtcNow);
        var what = string.IsNullOrWhiteSpace(transfer.Description) ? "SANDBOX TRANSFER" : transfer.Description.Trim().ToUpperInvariant();
        var payload = new[]
        {
            new Dictionary<string, object?>
            {
                ["mutation_id"] = mutationId,
                ["token"] = mutationId,
                ["bank_id"] = account.ExternalId,
                ["account_number"] = account.AccountNumber,
                ["date"] = mootaNow,
                // "… DARI NAME" / "… KE NAME" is a form the counterparty reader understands, as with real MCM text.
                ["description"] = $"{what} {(transfer.Direction == Direction.Credit ? "DARI" : "KE")} {sender}",
                ["amount"] = transfer.Amount,
                ["type"] = transfer.Direction == Direction.Credit ? "CR" : "DB",
                ["balance"] = 0,
                ["note"] = "",
                ["created_at"] = mootaNow,
                ["bank"] = new Dictionary<string, object?>
                {
                    ["bank_id"] = account.ExternalId, ["bank_type"] = account.BankCode, ["label"] = account.Label,
                    ["account_number"] = account.AccountNumber, ["atas_nama"] = account.HolderName, ["meta"] = null,
                },
            },
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        var request = new HttpRequestMessage(HttpMethod.Post, IntegrationCommands.PathFor(integrationId)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Signature", MootaSignature.Compute(body, secret));
        request.Headers.TryAddWithoutValidation("User-Agent", "MootaDesk-Sandbox/1.0");
        request.Headers.TryAddWithoutValidation("X-MOOTA-WEBHOOK", "sandbox");

        int status;
        long? deliveryId = null;
        try
        {
            using var client = own.Create();
            using var response = await client.SendAsync(request, ct);
            status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(ct);
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.TryGetProperty("deliveryId", out var idProp) && idProp.TryGetInt64(out var id)) deliveryId = id;
            }
            catch (JsonException) { /* the status alone tells the story */ }
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Sandbox could not reach its own webhook endpoint");
            return new SimulationResult(false, 0, null, mutationId, "Sandbox.Error.Unreachable");
        }

        await using (var db = await factory.CreateDbContextAsync(CancellationToken.None))
        {
            db.Record(actor, "sandbox.simulate", "Account", account.Id, null,
                new { mutationId, amount = transfer.Amount, direction = transfer.Direction.ToString(), sender, status, deliveryId }, clock.UtcNow);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return new SimulationResult(status == 200, status, deliveryId, mutationId, status == 200 ? null : "Sandbox.Error.Refused");
    }

    /// <summary>
    /// Waits briefly for the inbox processor to handle a simulated delivery, so the person sees the outcome
    /// ("processed, 1 new") rather than "accepted"; after the timeout the delivery is simply still pending.
    /// </summary>
    public async Task<(DeliveryStatus Status, int New, int Duplicates, string? Error)> WaitForOutcomeAsync(long deliveryId, TimeSpan timeout, CancellationToken ct = default)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var inbox = await inboxFactory.CreateDbContextAsync(ct);
            var d = await inbox.WebhookDeliveries.AsNoTracking().Where(x => x.Id == deliveryId)
                .Select(x => new { x.Status, x.NewCount, x.DuplicateCount, x.Error }).FirstOrDefaultAsync(ct);
            if (d is null) return (DeliveryStatus.Rejected, 0, 0, null);
            if (d.Status != DeliveryStatus.Pending || DateTime.UtcNow >= until) return (d.Status, d.NewCount, d.DuplicateCount, d.Error);
            await Task.Delay(100, ct);
        }
    }

    /// <summary>
    /// The sandbox row a simulated webhook became, found by the Moota id the simulation sent (also when the bank's mutation
    /// attached to a provisional row from a simulated notification); null while the inbox has not processed it.
    /// </summary>
    public async Task<SimulatedMutation?> FindSimulatedAsync(string mootaMutationId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Mutations.AsNoTracking().Where(m => m.IsSandbox && m.MootaMutationId == mootaMutationId)
            .Select(m => new SimulatedMutation(m.Id, m.AccountId, m.BankDate, m.Amount)).FirstOrDefaultAsync(ct);
    }

    /// <summary>A sandbox row by its id (what a simulated notification became); null for a real row or none.</summary>
    public async Task<SimulatedMutation?> FindSimulatedAsync(long mutationId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Mutations.AsNoTracking().Where(m => m.IsSandbox && m.Id == mutationId)
            .Select(m => new SimulatedMutation(m.Id, m.AccountId, m.BankDate, m.Amount)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The sandbox's own webhook integration (flagged sandbox), made on first use with a random secret.</summary>
    private async Task<(int Id, string Secret)> EnsureIntegrationAsync(MootaDeskDbContext db, Actor actor, CancellationToken ct)
    {
        var existing = await db.Integrations.Where(i => i.IsSandbox && i.Name == IntegrationName).OrderBy(i => i.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            var changed = false;
            if (string.IsNullOrEmpty(existing.WebhookSecret)) { existing.WebhookSecret = IntegrationCommands.NewSecret(); changed = true; }
            // The sandbox must keep working even if someone deactivated it; it carries no real money.
            if (!existing.IsActive) { existing.IsActive = true; changed = true; }
            if (changed) await db.SaveChangesAsync(ct);
            return (existing.Id, existing.WebhookSecret!);
        }
        var now = clock.UtcNow;
        var integration = new Integration { Name = IntegrationName, IsSandbox = true, WebhookSecret = IntegrationCommands.NewSecret(), CreatedAt = now };
        db.Integrations.Add(integration);
        await db.SaveChangesAsync(ct);
        db.Record(actor, "integration.create", nameof(Integration), integration.Id, null, new { integration.Name, integration.IsSandbox }, now);
        await db.SaveChangesAsync(ct);
        return (integration.Id, integration.WebhookSecret);
    }

    private static string Digits(int count)
    {
        Span<char> chars = stackalloc char[count];
        for (var i = 0; i < count; i++) chars[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        return new string(chars);
    }
}
