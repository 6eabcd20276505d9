using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.BankAccounts.Statements;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Shared;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Mutations.Ingest;

/// <summary>
/// The whole kind of "one payment, one row" beyond the case files: every channel (webhook, pull, statement, sandbox) in
/// every order, equal transfers told apart by count, and the values that make a repeat a conflict.
/// </summary>
public class IdentityRuleTests
{
    private static readonly Viewer Finance = Viewer.ForRoles("fina", Roles.Finance);
    private static readonly Actor Fina = new("fina");

    private sealed class Kit(TestDatabase test, int accountId)
    {
        public TestDatabase Test { get; } = test;
        public int AccountId { get; } = accountId;
        public MutationIngestor Ingestor { get; } = new(test, test.Clock, [], NullLogger<MutationIngestor>.Instance);
        public StatementImporter Importer => new(Test, Ingestor, Test.Clock);

        /// <summary>A Moota mutation as the webhook (or, with <paramref name="source"/> Api, the pull) hands it to the ingestor.</summary>
        public IncomingMutation Moota(string id, string jakarta, decimal amount, Direction direction = Direction.Credit, decimal? balance = null,
            MutationSource source = MutationSource.Webhook, bool sandbox = false, int? accountId = null)
        {
            var local = DateTime.ParseExact(jakarta, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            return new IncomingMutation
            {
                Source = source, SourceId = id, AccountId = accountId ?? AccountId, TransactionTimeUtc = Test.Clock.ToUtc(local), HasTimeOfDay = true,
                BankDate = DateOnly.FromDateTime(local), Description = "TRSF E-BANKING CR " + id, Amount = amount, Direction = direction,
                BalanceAfter = balance, IsSandbox = sandbox,
            };
        }

        public async Task<ImportAnalysis> PreviewAsync(string csv)
        {
            var loaded = await Importer.LoadAsync(AccountId, Encoding.UTF8.GetBytes(csv), "mutasi.csv");
            return await Importer.AnalyzeAsync(loaded, loaded.Mapping);
        }

        public async Task<ImportOutcome> ImportAsync(string csv) => await Importer.CommitAsync(await PreviewAsync(csv), false, Finance, Fina);
    }

    private static async Task<Kit> KitAsync(TestDatabase test, bool sandbox = false)
    {
        test.Time.SetJakarta(2026, 11, 30, 12, 0);
        await using var db = test.CreateDbContext();
        var account = new Account { BankCode = "bca", AccountNumber = "0144050123", Label = "BCA Toko", ExternalId = "bnkSIG001", IsSandbox = sandbox, CreatedAt = test.Clock.UtcNow };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return new Kit(test, account.Id);
    }

    private const string Header = "Tanggal;Keterangan;Debet;Kredit;Saldo\n";

    [Fact]
    public async Task Pull_then_webhook_of_one_mutation_is_one_row_that_lists_both_channels()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await KitAsync(test);

        var pulled = await kit.Ingestor.IngestAsync([kit.Moota("m-1", "2026-11-30 09:15:00", 150_123m, source: MutationSource.Api)], Actor.System);
        var pushed = await kit.Ingestor.IngestAsync([kit.Moota("m-1", "2026-11-30 09:15:00", 150_123m) with { WebhookDeliveryId = 7 }], Actor.System);

        (pulled.New, pushed.New, pushed.Duplicates, pushed.Conflicts).ShouldBe((1, 0, 1, 0));
        await using var db = test.CreateDbContext();
        var row = await db.Mutations.Include(m => m.Sightings).SingleAsync();
        (row.Source, row.MootaMutationId).ShouldBe((MutationSource.Api, "m-1"));
        row.Sightings.Select(s => (s.Channel, s.WebhookDeliveryId)).ShouldBe([(MutationSource.Webhook, (long?)7)]);
    }

    [Fact]
    public async Task A_resend_on_the_same_channel_records_no_extra_channel()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await KitAsync(test);
        await kit.Ingestor.IngestAsync([kit.Moota("m-1", "2026-11-30 09:15:00", 150_123m)], Actor.System);
        var again = await kit.Ingestor.IngestAsync([kit.Moota("m-1", "2026-11-30 09:15:00", 150_123m)], Actor.System);

        (again.New, again.Duplicates).ShouldBe((0, 1));
        await using var db = test.CreateDbContext();
        (await db.MutationSightings.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData(MutationSource.Webhook)]
    [InlineData(MutationSource.Api)]
    public async Task A_moota_mutation_for_a_transaction_first_imported_from_a_statement_attaches_to_that_row(MutationSource channel)
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await KitAsync(test);
        (await kit.ImportAsync(Header + "30/11/2026;TRSF E-BANKING CR DEWI;;200.037,00;2.975.160,00\n")).New.ShouldBe(1);

        var result = await kit.Ingestor.IngestAsync([kit.Moota("dbl-1", "2026-11-30 05:26:30", 200_037m, balance: 2_975_160m, source: channel)], Actor.System);

        (result.New, result.Duplicates, result.Attached).ShouldBe((0, 1, 1));
        await using var db = test.CreateDbContext();
        var row = await db.Mutations.Include(m => m.Sightings).SingleAsync();
        (row.Source, row.MootaMutationId, row.Amount).ShouldBe((MutationSource.Import, "dbl-1", 200_037m));
        row.Sightings.Select(s => (s.Channel, s.ExternalRef)).ShouldBe([(channel, "dbl-1")]);
        (await db.AuditEvents.CountAsync(a => a.Action == "mutation.attach" && a.EntityId == row.Id.ToString())).ShouldBe(1);

        // Once attached, the row is that Moota mutation for every channel.
        var other = channel == MutationSource.Webhook ? MutationSource.Api : MutationSource.Webhook;
        (await kit.Ingestor.IngestAsync([kit.Moota("dbl-1", "2026-11-30 05:26:30", 200_037m, source: other)], Actor.System)).New.ShouldBe(0);
        (await db.Mutations.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_moota_mutation_whose_balance_disagrees_with_the_statement_row_is_another_transaction()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await KitAsync(test);
        await kit.ImportAsync(Header + "30/11/2026;TRSF E-BANKING CR DEWI;;200.037,00;2.975.160,00\n");

        var result = await kit.Ingestor.IngestAsync([kit.Moota("dbl-1", "2026-11-30 05:26:30", 200_037m, balance: 3_175_197m)], Actor.System);

        (result.New, result.Attached).ShouldBe((1, 0));
    }

    [Fact]
    public async Task Two_equal_transfers_in_the_file_and_one_stored_make_one_already_present_and_one_new()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await KitAsync(test);
        await kit.Ingestor.IngestAsync([kit.Moota("m-1", "2026-11-30 09:00:00", 50_000m)], Actor.System);
        const string file = Header + "30/11/2026;QRIS CR KOPI;;50.000,00;\n30/11/2026;QRIS CR KOPI;;50.000,00;\n";

        var preview = await kit.PreviewAsync(file);
        (preview.NewRows.Count, preview.AlreadyPresent).ShouldBe((1, 1));
        (await kit.ImportAsync(file)).New.ShouldBe(1);

        // Both are stored now; the same file again is all present, and Moota's second transfer attaches to the statement's.
        (await kit.PreviewAsync(file)).AlreadyPresent.ShouldBe(2);
        var second = await kit.Ingestor.IngestAsync([kit.Moota("m-2", "2026-11-30 09:05:00", 50_000m)], Actor.System);
        (second.New, second.Attached).ShouldBe((0, 1));
        var third = await kit.Ingestor.IngestAsync([kit.Moota("m-3", "2026-11-30 09:10:00", 50_000m)], Actor.System);
        third.New.ShouldBe(1);
        await using var db = test.CreateDbContext();
        (await db.Mutations.CountAsync()).ShouldBe(3);
        (await db.Mutations.Where(m => m.MootaMutationId != null).Select(m => m.MootaMutationId).ToListAsync()).ShouldBe(["m-1", "m-2", "m-3"], ignoreOrder: true);
    }

    [Fact]
    public async Task Statement_rows_match_only_the_same_bank_date_amount_direction_and_balance()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await KitAsync(test);
        await kit.Ingestor.IngestAsync([
            kit.Moota("in", "2026-11-30 09:00:00", 75_000m, balance: 1_075_000m),
            kit.Moota("out", "2026-11-30 10:00:00", 25_000m, Direction.Debit, balance: 1_050_000m),
        ], Actor.System);

        var preview = await kit.PreviewAsync(Header +
            "30/11/2026;SAME;;75.000,00;1.075.000,00\n" +      // already stored
            "29/11/2026;OTHER DAY;;75.000,00;1.075.000,00\n" + // another day
            "30/11/2026;OTHER DIRECTION;75.000,00;;1.075.000,00\n" +
            "30/11/2026;OTHER BALANCE;25.000,00;;999.000,00\n" +
            "30/11/2026;NO BALANCE;25.000,00;;\n");             // the debit, no balance in the file: still the same

        preview.Present.Select(p => p.Row.Description).ShouldBe(["SAME", "NO BALANCE"]);
        preview.NewRows.Select(r => r.Description).ShouldBe(["OTHER DAY", "OTHER DIRECTION", "OTHER BALANCE"]);
    }

    [Fact]
    public async Task Sandbox_practice_and_real_money_never_share_a_row_even_with_the_same_moota_id()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await KitAsync(test);
        int sandboxAccount;
        await using (var db = test.CreateDbContext())
        {
            var a = new Account { BankCode = "sandbox", AccountNumber = "8808000011", Label = "Latihan", IsSandbox = true, CreatedAt = test.Clock.UtcNow };
            db.Accounts.Add(a);
            await db.SaveChangesAsync();
            sandboxAccount = a.Id;
        }

        var real = await kit.Ingestor.IngestAsync([kit.Moota("same-id", "2026-11-30 09:00:00", 10_000m)], Actor.System);
        var practice = await kit.Ingestor.IngestAsync([kit.Moota("same-id", "2026-11-30 09:00:00", 10_000m, sandbox: true, accountId: sandboxAccount)], Actor.System);
        var practiceAgain = await kit.Ingestor.IngestAsync([kit.Moota("same-id", "2026-11-30 09:00:00", 10_000m, source: MutationSource.Api, sandbox: true, accountId: sandboxAccount)], Actor.System);

        (real.New, practice.New, practice.Conflicts, practiceAgain.New, practiceAgain.Duplicates).ShouldBe((1, 1, 0, 0, 1));
        await using var check = test.CreateDbContext();
        (await check.Mutations.Select(m => new { m.IsSandbox, m.AccountId }).ToListAsync()).Select(x => (x.IsSandbox, x.AccountId))
            .ShouldBe([(false, kit.AccountId), (true, sandboxAccount)], ignoreOrder: true);
        (await check.MutationConflicts.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_sandbox_credit_never_attaches_to_a_real_statement_row()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await KitAsync(test);
        await kit.ImportAsync(Header + "30/11/2026;TRSF;;10.000,00;\n");

        var practice = await kit.Ingestor.IngestAsync([kit.Moota("sbx-1", "2026-11-30 09:00:00", 10_000m, sandbox: true)], Actor.System);

        (practice.New, practice.Attached).ShouldBe((1, 0));
    }

    public static TheoryData<string, string, decimal, Direction, ConflictFields> Changes => new()
    {
        { "amount", "2026-11-30 09:15:00", 1_500_000m, Direction.Credit, ConflictFields.Amount },
        { "direction", "2026-11-30 09:15:00", 150_000m, Direction.Debit, ConflictFields.Direction },
        { "date", "2026-12-01 09:15:00", 150_000m, Direction.Credit, ConflictFields.Date },
        { "amount and date", "2026-12-01 09:15:00", 15_000m, Direction.Credit, ConflictFields.Amount | ConflictFields.Date },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_repeat_with_other_values_keeps_the_stored_row_and_records_what_differs(string what, string date, decimal amount, Direction direction, ConflictFields fields)
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await KitAsync(test);
        await kit.Ingestor.IngestAsync([kit.Moota("m-1", "2026-11-30 09:15:00", 150_000m)], Actor.System);

        var again = await kit.Ingestor.IngestAsync([kit.Moota("m-1", date, amount, direction, source: MutationSource.Api)], Actor.System);

        (again.New, again.Conflicts).ShouldBe((0, 1), what);
        await using var db = test.CreateDbContext();
        var row = await db.Mutations.SingleAsync();
        (row.Amount, row.Direction, row.BankDate).ShouldBe((150_000m, Direction.Credit, new DateOnly(2026, 11, 30)));
        var conflict = await db.MutationConflicts.SingleAsync();
        (conflict.Fields, conflict.Channel, conflict.IncomingAmount, conflict.IncomingDirection).ShouldBe((fields, MutationSource.Api, amount, direction));
    }

    [Fact]
    public async Task A_repeat_that_names_another_account_is_a_conflict_and_creates_no_account()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await KitAsync(test);
        var clock = new BusinessClock(test.Time);
        var first = Encoding.UTF8.GetBytes("[" + MootaBodies.Element("m-1", "2026-11-30 09:15:00", 150_000m) + "]");
        var moved = Encoding.UTF8.GetBytes("[" + MootaBodies.Element("m-1", "2026-11-30 09:15:00", 150_000m, bankId: "bnkOTHER", number: "9990001112") + "]");

        await kit.Ingestor.IngestAsync(MootaWebhookPayload.Read(first, new MootaReadContext(MutationSource.Webhook, test.Time.GetUtcNow().UtcDateTime)).Mutations, Actor.System);
        var again = await kit.Ingestor.IngestAsync(MootaWebhookPayload.Read(moved, new MootaReadContext(MutationSource.Webhook, test.Time.GetUtcNow().UtcDateTime)).Mutations, Actor.System);

        again.Conflicts.ShouldBe(1);
        await using var db = test.CreateDbContext();
        (await db.Accounts.CountAsync()).ShouldBe(1);
        var conflict = await db.MutationConflicts.SingleAsync();
        (conflict.Fields, conflict.IncomingAccountId, conflict.IncomingAccountText).ShouldBe((ConflictFields.Account, (int?)null, "bcaV3 9990001112"));
    }

    [Fact]
    public async Task Two_versions_of_one_id_in_the_same_batch_store_the_first_and_record_the_second_as_a_conflict()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await KitAsync(test);

        var result = await kit.Ingestor.IngestAsync([
            kit.Moota("m-1", "2026-11-30 09:15:00", 150_000m) with { WebhookDeliveryId = 1 },
            kit.Moota("m-1", "2026-11-30 09:15:00", 1_500_000m) with { WebhookDeliveryId = 2 },
        ], Actor.System);

        (result.New, result.Duplicates, result.Conflicts).ShouldBe((1, 1, 1));
        await using var db = test.CreateDbContext();
        var row = await db.Mutations.SingleAsync();
        row.Amount.ShouldBe(150_000m);
        var conflict = await db.MutationConflicts.SingleAsync();
        (conflict.MutationId, conflict.WebhookDeliveryId, conflict.IncomingAmount).ShouldBe((row.Id, (long?)2, 1_500_000m));
    }

    [Fact]
    public async Task The_bank_date_of_a_moota_mutation_is_the_day_moota_wrote_whatever_the_business_zone()
    {
        await using var test = await TestDatabase.CreateAsync();
        var kit = await KitAsync(test);
        var witaClock = new BusinessClock(test.Time, "Asia/Makassar");
        var body = Encoding.UTF8.GetBytes("[" + MootaBodies.Element("late", "2026-11-30 23:40:00", 80_000m) + "]");

        var incoming = MootaWebhookPayload.Read(body, new MootaReadContext(MutationSource.Webhook, test.Time.GetUtcNow().UtcDateTime)).Mutations;
        await new MutationIngestor(test, witaClock, [], NullLogger<MutationIngestor>.Instance).IngestAsync(incoming, Actor.System);

        await using var db = test.CreateDbContext();
        (await db.Mutations.SingleAsync()).BankDate.ShouldBe(new DateOnly(2026, 11, 30));
        // And a statement of that day finds it.
        (await kit.PreviewAsync(Header + "30/11/2026;TRSF;;80.000,00;\n")).AlreadyPresent.ShouldBe(1);
    }
}
