using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Sweep;

/// <summary>What a day's sweep counts: the day's transactions by bank date (docs/decisions/023-sweep-counts-the-bank-day.md).</summary>
public class SweepBankDayTests
{
    private static readonly DateOnly Friday = new(2026, 11, 20);
    private static readonly DateOnly Saturday = new(2026, 11, 21);
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static async Task<long> AddAsync(TestDatabase test, int accountId, string id, DateOnly bankDay, int hour, DateTime readUtc, decimal amount,
        Direction direction, decimal? balance = null, string cp = "ANI")
    {
        await using var db = test.CreateDbContext();
        var m = new Mutation
        {
            AccountId = accountId, SourceId = id, Source = MutationSource.Webhook, BankDate = bankDay,
            TransactionTime = test.Clock.ToUtc(bankDay.ToDateTime(new TimeOnly(hour, 0))), ReadTime = readUtc, Amount = amount, Direction = direction,
            BalanceAfter = balance, Description = "TRSF " + cp, Counterparty = cp,
        };
        db.Mutations.Add(m);
        await db.SaveChangesAsync();
        return m.Id;
    }

    [Fact]
    public async Task A_credit_of_yesterday_read_this_morning_is_listed_apart_named_in_the_notes_and_not_added_to_todays_income()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 16, 30));
        var f = new SweepFixture(test);
        var shop = await f.SeedShopAsync(Saturday);
        // Friday 20:00's transfer, read Saturday 08:00 (after Friday's sweep).
        var late = await AddAsync(test, shop.Bca, "late", Friday, 20, test.Clock.ToUtc(Saturday.ToDateTime(new TimeOnly(8, 0))), 300_000m, Direction.Credit);

        var sweep = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));
        var view = (await f.Query.LoadAsync(Saturday))!;

        view.Header.Summary.Income.ShouldBe("Pemasukan: Rp 400.000 (2 transaksi)");
        view.Header.Summary.Notes.ShouldContain("1 kredit tanggal sebelumnya baru terbaca (Rp 300.000, tidak dihitung di pemasukan hari ini)");
        var (items, _) = await f.Query.ItemsAsync(sweep.SweepId, [SweepItemKind.EarlierDayCredit], false, 0, 50);
        items.Single().MutationId.ShouldBe(late);
        items.Single().Detail.ShouldStartWith("Kredit tanggal");
        // Not a credit of the day to place, not in step 1's money in.
        var (step2, _) = await f.Query.ItemsAsync(sweep.SweepId, [SweepItemKind.CreditWithoutReference], false, 0, 50);
        step2.ShouldNotContain(r => r.MutationId == late);
        view.Accounts.Single(a => a.AccountId == shop.Bca).MoneyIn.ShouldBe(400_000m);
        await using var db = test.CreateDbContext();
        (await db.Sweeps.SingleAsync()).Income.ShouldBe(400_000m);
    }

    [Fact]
    public async Task A_past_day_prepared_later_counts_its_own_transactions_read_late_and_compares_with_the_balance_at_its_end()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 16, 30));
        var f = new SweepFixture(test);
        var shop = await f.SeedShopAsync(Saturday);
        test.Time.SetJakarta(2026, 11, 23, 10, 0);
        // Saturday 15:00's credit, read only on Monday morning; then Monday's own credit and the bank's balance after it.
        await AddAsync(test, shop.Bca, "sat-late", Saturday, 15, test.Clock.UtcNow.AddHours(-1), 100_000m, Direction.Credit, 450_000m);
        await AddAsync(test, shop.Bca, "mon", Monday, 9, test.Clock.UtcNow.AddMinutes(-50), 100_000m, Direction.Credit, 550_000m);
        await using (var db = test.CreateDbContext())
        {
            var bca = await db.Accounts.SingleAsync(a => a.Id == shop.Bca);
            (bca.LastKnownBalance, bca.LastKnownBalanceAt) = (550_000m, test.Clock.UtcNow.AddMinutes(-30));
            await db.SaveChangesAsync();
        }

        var sweep = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));
        var view = (await f.Query.LoadAsync(Saturday))!;

        view.Header.Summary.Income.ShouldBe("Pemasukan: Rp 500.000 (3 transaksi)");
        var figures = view.Accounts.Single(a => a.AccountId == shop.Bca);
        (figures.Count, figures.MoneyIn, figures.ClosingBalance, figures.ReportedBalance, figures.Difference)
            .ShouldBe((5, 500_000m, (decimal?)450_000m, (decimal?)450_000m, (decimal?)0m));
        var (breaks, _) = await f.Query.ItemsAsync(sweep.SweepId, [SweepItemKind.BalanceBreak], false, 0, 50);
        breaks.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_signed_off_sweep_stays_as_signed_when_accounts_and_balances_change_later()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 16, 30));
        var f = new SweepFixture(test);
        var shop = await f.SeedShopAsync(Saturday);
        var sweep = await f.Prepare.PrepareAsync(Saturday, SweepTrigger.Manual, SweepFixture.ActorOf(SweepFixture.Finance));
        var signed = (await f.Query.LoadAsync(Saturday))!;
        await f.Commands.SignOffAsync(sweep.SweepId, signed.Header.Summary, SweepFixture.Finance, SweepFixture.ActorOf(SweepFixture.Finance));

        test.Time.Advance(TimeSpan.FromHours(1));
        await AddAsync(test, shop.Bca, "sat-after", Saturday, 16, test.Clock.UtcNow, 75_000m, Direction.Credit, 425_000m);
        await using (var db = test.CreateDbContext())
        {
            db.Accounts.Add(new Account { BankCode = "bri", AccountNumber = "333", HolderName = "PT Toko Maju", Label = "BRI baru", CreatedAt = test.Clock.UtcNow });
            var bca = await db.Accounts.SingleAsync(a => a.Id == shop.Bca);
            (bca.LastKnownBalance, bca.LastKnownBalanceAt) = (425_000m, test.Clock.UtcNow);
            await db.SaveChangesAsync();
        }

        var later = (await f.Query.LoadAsync(Saturday))!;
        later.Accounts.ShouldBe(signed.Accounts);
        later.Accounts.ShouldNotContain(a => a.Label == "BRI baru");
    }
}
