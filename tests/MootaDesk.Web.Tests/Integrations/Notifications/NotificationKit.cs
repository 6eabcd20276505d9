using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.BankAccounts.Statements;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Integrations.Notifications;

/// <summary>
/// The phone-notification channel over a real test database: a BRI account, a phone registered for it, the inbox with order
/// matching behind the ingestor, and helpers to post notifications and deliver the bank's own mutation by each channel.
/// </summary>
public sealed class NotificationKit
{
    public static readonly Viewer Ops = Viewer.ForRoles("opi", Roles.Ops);
    public static readonly Actor OpsActor = new("opi");
    public const string AccountNumber = "790001009621533";

    private NotificationKit(TestDatabase test, int accountId, RegisteredDevice device)
    {
        Test = test;
        AccountId = accountId;
        Device = device;
        Ingestor = new MutationIngestor(test, test.Clock, [new OrderMatchingStep(test, test.Clock, NullLogger<OrderMatchingStep>.Instance)],
            NullLogger<MutationIngestor>.Instance);
        Inbox = new NotificationInbox(test, Ingestor, test.Clock, new NotificationInboxSignal(), NullLogger<NotificationInbox>.Instance);
    }

    public TestDatabase Test { get; }
    public int AccountId { get; }
    public RegisteredDevice Device { get; }
    public MutationIngestor Ingestor { get; }
    public NotificationInbox Inbox { get; }
    public NotificationDeviceCommands Devices => new(Test, Test.Clock);

    /// <summary>Now is 30 Nov 2026 12:00 WIB; one BRI account; "HP Kasir" reports for it.</summary>
    public static async Task<NotificationKit> CreateAsync(TestDatabase test)
    {
        test.Time.SetJakarta(2026, 11, 30, 12, 0);
        await using var db = test.CreateDbContext();
        var account = new Account { BankCode = "bri", AccountNumber = AccountNumber, Label = "BRI Toko", CreatedAt = test.Clock.UtcNow };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        var (device, error) = await new NotificationDeviceCommands(test, test.Clock).RegisterAsync("HP Kasir", [account.Id], Ops, OpsActor);
        error.ShouldBeNull();
        return new NotificationKit(test, account.Id, device!);
    }

    /// <summary>BRImo's "Dana masuk" text as SmsForwarder's default form post carries it (docs/notification-forwarders.md 1b).</summary>
    public static byte[] SmsForwarderBrimo(decimal rupiah, string jakartaTime)
    {
        var amount = rupiah.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
        var content = $"id.co.bri.brimo\nSobat BRI! Dana Rp{amount} masuk ke rekening {AccountNumber} pada {jakartaTime}\nBRImo\nUID：10234\n2026-11-30 12:00:00\nHP Kasir";
        var ms = DateTimeOffset.Parse("2026-11-30T05:00:00Z").ToUnixTimeMilliseconds();
        return Encoding.UTF8.GetBytes($"from=id.co.bri.brimo&content={Uri.EscapeDataString(content)}&timestamp={ms}");
    }

    public Task<NotificationReceipt> PostBrimoAsync(decimal rupiah, string jakartaTime = "30/11/2026 11:58:00") =>
        Inbox.ReceiveAsync(Device.Row.Id, SmsForwarderBrimo(rupiah, jakartaTime), "application/x-www-form-urlencoded");

    /// <summary>The bank's mutation as Moota's webhook or pull hands it over (time in Jakarta wall time).</summary>
    public IncomingMutation Moota(string id, string jakarta, decimal amount, MutationSource source = MutationSource.Webhook, bool dayOnly = false)
    {
        var local = DateTime.ParseExact(jakarta, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return new IncomingMutation
        {
            Source = source, SourceId = id, AccountId = AccountId, TransactionTimeUtc = Test.Clock.ToUtc(local), HasTimeOfDay = !dayOnly,
            BankDate = DateOnly.FromDateTime(local), Description = "NBMB BUDI SANTOSO TO TOKO", Amount = amount, Direction = Direction.Credit,
        };
    }

    /// <summary>A statement file for the account, committed (semicolon CSV, Indonesian numbers).</summary>
    public async Task<ImportOutcome> ImportAsync(string rows)
    {
        var importer = new StatementImporter(Test, Ingestor, Test.Clock);
        var loaded = await importer.LoadAsync(AccountId, Encoding.UTF8.GetBytes("Tanggal;Keterangan;Debet;Kredit;Saldo\n" + rows), "mutasi.csv");
        var analysis = await importer.AnalyzeAsync(loaded, loaded.Mapping);
        return await importer.CommitAsync(analysis, false, Viewer.ForRoles("fina", Roles.Finance), new Actor("fina"));
    }

    /// <summary>An open order of the account waiting for exactly <paramref name="payable"/>.</summary>
    public async Task<int> OrderAsync(decimal payable)
    {
        await using var db = Test.CreateDbContext();
        var now = Test.Clock.UtcNow;
        var order = new Order
        {
            Reference = "INV-" + payable, CustomerName = "Budi", Amount = payable - 123, UniqueCode = 123, PayableAmount = payable, AccountId = AccountId,
            CreatedAt = now.AddHours(-1), CreatedBy = "cece", ExpiresAt = now.AddHours(23),
        };
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    }

    public async Task<List<Mutation>> MutationsAsync()
    {
        await using var db = Test.CreateDbContext();
        return await db.Mutations.AsNoTracking().Include(m => m.Sightings).OrderBy(m => m.Id).ToListAsync();
    }
}
