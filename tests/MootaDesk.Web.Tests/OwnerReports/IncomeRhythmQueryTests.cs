using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.OwnerReports.IncomeRhythm;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;
using MootaDesk.Web.Tests.Sweep;

namespace MootaDesk.Web.Tests.OwnerReports;

/// <summary>
/// The income rhythm's SQL side against figures computed by hand for November 2026 (WIB): money in, the 168 cells, the
/// payday windows, the busiest stretches, customers who come back and refunds; sandbox, provisional (phone) credits and own
/// transfers stay out.
/// </summary>
public class IncomeRhythmQueryTests
{
    private static readonly Viewer Owner = Viewer.ForRoles("owner", Roles.Owner);
    private static readonly Viewer Finance = Viewer.ForRoles("fina", Roles.Finance);

    /// <summary>
    /// Money in (5 payments, Rp 210.000): Fri 20 Nov 19.10 BUDI 100.000 and 19.40 SITI 50.000 (booster); Sat 21 Nov 09.05 ANI 30.000
    /// (other); Mon 2 Nov day only, no name, 20.000 (payday); Mon 30 Nov 23.59 BUDI 10.000 (payday). Out: a sandbox credit, a
    /// provisional credit, an own transfer (debit A → credit B 500.000 within minutes), and 31 Oct. Lookback: BUDI paid 15 Oct.
    /// Refund: a 40.000 debit tagged Refund on 21 Nov.
    /// </summary>
    private static async Task SeedAsync(TestDatabase test)
    {
        test.Time.SetJakarta(2026, 12, 1, 9, 0);
        await using var db = test.CreateDbContext();
        var now = test.Clock.UtcNow;
        var a = new Account { BankCode = "bca", AccountNumber = "111", HolderName = "PT TOKO MAJU", CreatedAt = now };
        var b = new Account { BankCode = "mandiri", AccountNumber = "222", HolderName = "PT TOKO MAJU", CreatedAt = now };
        var sandbox = new Account { BankCode = "sandbox", AccountNumber = "999", IsSandbox = true, CreatedAt = now };
        var refund = new Tag { Name = "Refund", NormalizedName = TagName.Normalize("Refund"), CreatedAt = now };
        db.AddRange(a, b, sandbox, refund);
        await db.SaveChangesAsync();
        var n = 0;
        Mutation M(Account acc, int month, int day, int hour, int minute, decimal amount, string? who, Direction direction = Direction.Credit, bool dayOnly = false) => new()
        {
            AccountId = acc.Id, Source = MutationSource.Manual, SourceId = "m" + ++n, Description = who ?? "TRANSFER", Counterparty = who, Amount = amount,
            Direction = direction, TransactionTime = TestTime.Jakarta(2026, month, day, hour, minute).UtcDateTime, HasTimeOfDay = !dayOnly,
            BankDate = new DateOnly(2026, month, day), ReadTime = now, IsSandbox = acc.IsSandbox,
        };
        var refundDebit = M(a, 11, 21, 14, 0, 40_000m, "ANI", Direction.Debit);
        var provisional = M(a, 11, 20, 19, 20, 77_777m, "DARI HP");
        provisional.IsProvisional = true;
        db.Mutations.AddRange(
            M(a, 11, 20, 19, 10, 100_000m, "BUDI SANTOSO"),
            M(b, 11, 20, 19, 40, 50_000m, "SITI"),
            M(a, 11, 21, 9, 5, 30_000m, "ANI"),
            M(a, 11, 2, 0, 0, 20_000m, null, dayOnly: true),
            M(a, 11, 30, 23, 59, 10_000m, "BPK BUDI SANTOSO"),
            M(sandbox, 11, 20, 19, 15, 999_999m, "SANDBOX"),
            provisional,
            M(a, 11, 10, 10, 0, 500_000m, null, Direction.Debit),
            M(b, 11, 10, 10, 5, 500_000m, "PT TOKO MAJU"),
            M(a, 10, 31, 23, 30, 5_000m, null),
            M(a, 10, 15, 12, 0, 25_000m, "BUDI SANTOSO"),
            refundDebit);
        await db.SaveChangesAsync();
        db.MutationTags.Add(new MutationTag { MutationId = refundDebit.Id, TagId = refund.Id, TaggedBy = "fina", TaggedAt = now });
        await db.SaveChangesAsync();
    }

    private static BusinessSettings Settings(TestDatabase test) => new(test, Microsoft.Extensions.Options.Options.Create(new MootaDeskOptions()), test.Time);

    private static IncomeRhythmQuery Query(TestDatabase test, BusinessSettings? settings = null) =>
        new(test, test.Clock, settings ?? Settings(test), new StaticOptions<SweepOptions>(new SweepOptions()));

    [Fact]
    public async Task November_figures_match_the_hand_computed_ones()
    {
        await using var test = await TestDatabase.CreateAsync();
        await SeedAsync(test);

        var (report, refusal) = await Query(test).LoadAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Owner, realOnly: true);

        refusal.ShouldBeNull();
        var r = report!;
        (r.MoneyIn.Amount, r.MoneyIn.Count).ShouldBe((210_000m, 5));
        r.Cells.Count.ShouldBe(168);
        r.Cells.Where(c => c.Count > 0).Select(c => (c.Weekday, c.Hour, c.Amount, c.Count))
            .ShouldBe([(1, 23, 10_000m, 1), (5, 19, 150_000m, 2), (6, 9, 30_000m, 1)]);
        r.TimeUnknown.Single(u => u.Count > 0).ShouldBe(new TimeUnknownDay(1, 20_000m, 1));
        (r.Windows.Payday.Amount, r.Windows.Payday.Count).ShouldBe((30_000m, 2));
        (r.Windows.Booster.Amount, r.Windows.Booster.Count, r.Windows.Booster.Average).ShouldBe((150_000m, 2, (decimal?)75_000m));
        (r.Windows.Other.Amount, r.Windows.Other.Count).ShouldBe((30_000m, 1));
        r.Busiest.Select(b => (b.Weekday, b.FromHour, b.ToHour, b.SharePercent)).ShouldBe([(5, 19, 20, 71.4m), (6, 9, 10, 14.3m), (1, 23, 24, 4.8m)]);
        var c = r.Customers;
        (c.Payers, c.ReturningPayers, c.ReturningPayersPercent).ShouldBe((3, 1, (decimal?)33.3m));
        (c.Identified.Amount, c.Returning.Amount, c.ReturningAmountPercent, c.Unidentified.Amount).ShouldBe((190_000m, 110_000m, (decimal?)57.9m, 20_000m));
        (c.Refunds.Amount, c.RefundPercent).ShouldBe((40_000m, (decimal?)19.0m));
    }

    [Fact]
    public async Task Finance_reads_it_only_while_the_owner_allows_and_a_backwards_period_is_refused()
    {
        await using var test = await TestDatabase.CreateAsync();
        await SeedAsync(test);
        var settings = Settings(test);
        var query = Query(test, settings);

        (await query.LoadAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Finance, true)).Refusal!.Key.ShouldBe("IncomeRhythm.NotAllowed");
        await settings.SetAsync(IncomeRhythmQuery.FinanceAllowedKey, "true", new Actor("owner"));
        (await query.LoadAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Finance, true)).Report!.MoneyIn.Amount.ShouldBe(210_000m);
        (await query.LoadAsync(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 1), Owner, true)).Refusal!.Key.ShouldBe("IncomeRhythm.Period");
        (await query.LoadAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Viewer.ForRoles("cece", Roles.CS), true)).Refusal!.Key.ShouldBe("IncomeRhythm.NotAllowed");
    }

    [Fact]
    public async Task The_excel_export_writes_a_workbook()
    {
        await using var test = await TestDatabase.CreateAsync();
        await SeedAsync(test);
        var (report, _) = await Query(test).LoadAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Owner, realOnly: true);
        using var ms = new MemoryStream();

        await new IncomeRhythmExport().WriteAsync(ms, report!);

        ms.ToArray()[..2].ShouldBe("PK"u8.ToArray());
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(ms.ToArray()));
        zip.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ShouldBe(3);
    }

    [Fact]
    public async Task The_api_answers_cells_and_windows_as_the_issue_shapes_them_for_a_summary_key()
    {
        await using var factory = new MootaDeskFactory().WithApiKey(0, "owner-tool", "owner-summary-key-0123456789", "summary", "Owner")
            .WithApiKey(1, "cs-tool", "cs-summary-key-0123456789ab", "summary", "CS");
        var client = factory.CreateClient();
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync())
        {
            var acc = new Account { BankCode = "bca", AccountNumber = "111", CreatedAt = DateTime.UtcNow };
            db.Accounts.Add(acc);
            await db.SaveChangesAsync();
            db.Mutations.Add(new Mutation
            {
                AccountId = acc.Id, Source = MutationSource.Manual, SourceId = "x1", Description = "BUDI", Counterparty = "BUDI", Amount = 150_000.50m,
                Direction = Direction.Credit, TransactionTime = TestTime.Jakarta(2026, 11, 20, 19, 10).UtcDateTime, BankDate = new DateOnly(2026, 11, 20), ReadTime = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/income-rhythm?from=2026-11-01&to=2026-11-30");
        request.Headers.Add("X-Api-Key", "owner-summary-key-0123456789");
        var response = await client.SendAsync(request);
        var cs = new HttpRequestMessage(HttpMethod.Get, "/api/reports/income-rhythm?from=2026-11-01&to=2026-11-30");
        cs.Headers.Add("X-Api-Key", "cs-summary-key-0123456789ab");
        var bad = new HttpRequestMessage(HttpMethod.Get, "/api/reports/income-rhythm?from=2026-11&to=2026-11-30");
        bad.Headers.Add("X-Api-Key", "owner-summary-key-0123456789");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var cells = json.GetProperty("cells").EnumerateArray().ToList();
        cells.Count.ShouldBe(168);
        var busy = cells.Single(c => c.GetProperty("count").GetInt32() > 0);
        (busy.GetProperty("weekday").GetInt32(), busy.GetProperty("hour").GetInt32(), busy.GetProperty("amount").GetString()).ShouldBe((5, 19, "150000.5"));
        var booster = json.GetProperty("windows").GetProperty("booster");
        (booster.GetProperty("amount").GetString(), booster.GetProperty("count").GetInt32(), booster.GetProperty("average").GetString()).ShouldBe(("150000.5", 1, "150001"));
        json.GetProperty("windows").GetProperty("payday").GetProperty("count").GetInt32().ShouldBe(0);
        (await client.SendAsync(cs)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.SendAsync(bad)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
