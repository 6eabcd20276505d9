using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;
using static MootaDesk.Web.Tests.Mutations.MutationsTestData;

namespace MootaDesk.Web.Tests.Mutations;

public class MutationSearchTests
{
    private static async Task<long[]> IdsAsync(TestDatabase test, MutationFilter filter, Viewer? viewer = null)
    {
        var rows = await new MutationQueries(test, test.Clock).PageAsync(filter, viewer ?? Finance, 0, 500);
        return rows.Select(r => r.Id).Order().ToArray();
    }

    [Fact]
    public async Task Today_starts_and_ends_at_midnight_WIB_not_UTC()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 10));
        var a = await AccountAsync(test);
        var lastSecondYesterday = await MutationAsync(test, a, Wib(2026, 11, 20, 23, 59, 59), 1_000m);
        var midnight = await MutationAsync(test, a, Wib(2026, 11, 21, 0, 0, 0), 2_000m);
        var lastSecondToday = await MutationAsync(test, a, Wib(2026, 11, 21, 23, 59, 59), 3_000m);
        var tomorrow = await MutationAsync(test, a, Wib(2026, 11, 22, 0, 0, 0), 4_000m);

        (await IdsAsync(test, new MutationFilter { Preset = DatePreset.Today })).ShouldBe([midnight, lastSecondToday]);
        (await IdsAsync(test, new MutationFilter { Preset = DatePreset.Yesterday })).ShouldBe([lastSecondYesterday]);
        (await IdsAsync(test, new MutationFilter { From = new DateOnly(2026, 11, 22), To = new DateOnly(2026, 11, 22) })).ShouldBe([tomorrow]);
    }

    [Fact]
    public async Task Tags_any_all_and_none_mean_what_they_say()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var dp = await TagAsync(test, "DP");
        var cod = await TagAsync(test, "COD");
        var both = await MutationAsync(test, a, test.Clock.UtcNow, 1m, tags: [dp.Id, cod.Id]);
        var onlyDp = await MutationAsync(test, a, test.Clock.UtcNow, 2m, tags: [dp.Id]);
        var onlyCod = await MutationAsync(test, a, test.Clock.UtcNow, 3m, tags: [cod.Id]);
        var none = await MutationAsync(test, a, test.Clock.UtcNow, 4m);

        (await IdsAsync(test, new MutationFilter { TagsAny = [dp.Id, cod.Id] })).ShouldBe([both, onlyDp, onlyCod]);
        (await IdsAsync(test, new MutationFilter { TagsAll = [dp.Id, cod.Id] })).ShouldBe([both]);
        (await IdsAsync(test, new MutationFilter { TagsNone = [dp.Id] })).ShouldBe([onlyCod, none]);
        (await IdsAsync(test, new MutationFilter { UntaggedOnly = true })).ShouldBe([none]);
        (await IdsAsync(test, new MutationFilter { TagsAny = [cod.Id], TagsNone = [dp.Id] })).ShouldBe([onlyCod]);
    }

    [Fact]
    public async Task Tag_filters_answer_the_same_from_the_tag_links_as_from_the_time_index()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var dp = await TagAsync(test, "DP");
        var cod = await TagAsync(test, "COD");
        var rare = await TagAsync(test, "Langka");
        var unused = await TagAsync(test, "Kosong");
        var t = test.Clock.UtcNow;
        var all3 = await MutationAsync(test, a, t, 1m, tags: [dp.Id, cod.Id, rare.Id]);
        var dpCod = await MutationAsync(test, a, t.AddMinutes(-1), 2m, tags: [dp.Id, cod.Id]);
        var dpCodDebit = await MutationAsync(test, a, t.AddMinutes(-2), 3m, Direction.Debit, tags: [dp.Id, cod.Id]);
        for (var i = 0; i < 5; i++) await MutationAsync(test, a, t.AddMinutes(-3 - i), 10m + i, tags: [dp.Id]);
        var onlyCod = await MutationAsync(test, a, t.AddMinutes(-9), 4m, tags: [cod.Id]);

        async Task<long[]> Both(MutationFilter filter, Viewer viewer)
        {
            await using var db = test.CreateDbContext();
            var fromLinks = (await (await MutationSearch.ApplyAsync(db, filter, viewer, test.Clock, 1_000_000)).Select(m => m.Id).ToListAsync()).Order().ToArray();
            var byTime = (await (await MutationSearch.ApplyAsync(db, filter, viewer, test.Clock, 0)).Select(m => m.Id).ToListAsync()).Order().ToArray();
            fromLinks.ShouldBe(byTime);
            return fromLinks;
        }

        (await Both(new MutationFilter { TagsAll = [dp.Id, cod.Id] }, Finance)).ShouldBe([all3, dpCod, dpCodDebit]);
        (await Both(new MutationFilter { TagsAll = [dp.Id, cod.Id] }, Cs)).ShouldBe([all3, dpCod]);
        (await Both(new MutationFilter { TagsAll = [cod.Id, rare.Id, dp.Id] }, Finance)).ShouldBe([all3]);
        (await Both(new MutationFilter { TagsAll = [dp.Id, unused.Id] }, Finance)).ShouldBeEmpty();
        (await Both(new MutationFilter { TagsAll = [cod.Id] }, Finance)).ShouldBe([all3, dpCod, dpCodDebit, onlyCod]);
        (await Both(new MutationFilter { TagsAny = [rare.Id, unused.Id] }, Finance)).ShouldBe([all3]);
        (await Both(new MutationFilter { TagsAny = [cod.Id], TagsAll = [dp.Id], TagsNone = [rare.Id] }, Finance)).ShouldBe([dpCod, dpCodDebit]);
        (await Both(new MutationFilter { TagsAll = [dp.Id, cod.Id], Text = "trsf" }, Finance)).ShouldBe([all3, dpCod, dpCodDebit]);

        var queries = new MutationQueries(test, test.Clock);
        (await queries.CountAsync(new MutationFilter { TagsAll = [dp.Id, cod.Id] }, Finance)).ShouldBe(new CappedCount(3, false));
        (await queries.PageAsync(new MutationFilter { TagsAll = [dp.Id, cod.Id] }, Finance, 0, 2)).Select(r => r.Id).ShouldBe([all3, dpCod]);
    }

    [Fact]
    public async Task Text_filters_answer_the_same_from_the_text_index_as_from_scanning()
    {
        // Either way of reading must give the same rows: the candidate ids of the text index (FTS5 on SQLite, the pg_trgm
        // GIN indexes on PostgreSQL) when they fit under the limit, the time index with the filter checked row by row otherwise.
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var t = test.Clock.UtcNow;
        var inDescription = await MutationAsync(test, a, t, 150_000m, description: "BI-FAST CR BIF TRANSFER DR 014 BUDI SANTOSO");
        var inCounterparty = await MutationAsync(test, a, t.AddMinutes(-1), 90_000m, description: "QRIS CR 123456", counterparty: "Rina Lestari");
        var debit = await MutationAsync(test, a, t.AddMinutes(-2), 75_000m, Direction.Debit, "TRSF E-BANKING DB PT SUMBER SANTOSO");
        var wildcard = await MutationAsync(test, a, t.AddMinutes(-3), 10_000m, description: "DISKON 100% AKHIR_TAHUN");
        var noted = await MutationAsync(test, a, t.AddMinutes(-4), 50_000m);
        var edited = await MutationAsync(test, a, t.AddMinutes(-5), 60_000m);
        var commands = new TagMutationsCommand(test, test.Clock);
        await commands.AddNoteAsync([noted], "Pelunasan invoice Bu Ratna", Finance, FinanceActor);
        var old = await commands.AddNoteAsync([edited], "Titipan Pak Joko", Finance, FinanceActor);
        await commands.EditNoteAsync(old.NoteIds[0], "Titipan Pak Bambang", Finance, FinanceActor);

        async Task<long[]> Both(string text, Viewer viewer)
        {
            await using var db = test.CreateDbContext();
            var filter = new MutationFilter { Text = text };
            var fromIndex = (await (await MutationSearch.ApplyAsync(db, filter, viewer, test.Clock, 1_000_000)).Select(m => m.Id).ToListAsync()).Order().ToArray();
            var byScan = (await (await MutationSearch.ApplyAsync(db, filter, viewer, test.Clock, 0)).Select(m => m.Id).ToListAsync()).Order().ToArray();
            fromIndex.ShouldBe(byScan);
            return fromIndex;
        }

        (await Both("budi", Finance)).ShouldBe([inDescription]);
        (await Both("santoso", Finance)).ShouldBe([inDescription, debit]);
        (await Both("santoso", Cs)).ShouldBe([inDescription]);
        (await Both("RINA lestari", Finance)).ShouldBe([inCounterparty]);
        (await Both("lestari rina", Finance)).ShouldBe([inCounterparty]);
        (await Both("bu ratna", Finance)).ShouldBe([noted]);
        (await Both("bambang", Finance)).ShouldBe([edited]);
        (await Both("joko", Finance)).ShouldBeEmpty();
        (await Both("100%", Finance)).ShouldBe([wildcard]);
        (await Both("diskon_100", Finance)).ShouldBeEmpty(); // "_" is a character here, not LIKE's any-one-character
        (await Both("zzqx", Finance)).ShouldBeEmpty();
        (await new MutationQueries(test, test.Clock).CountAsync(new MutationFilter { Text = "santoso" }, Finance)).ShouldBe(new CappedCount(2, false));
    }

    [Fact]
    public async Task Each_simple_filter_narrows_on_its_own_field()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a1 = await AccountAsync(test, "1111");
        var a2 = await AccountAsync(test, "2222");
        var now = test.Clock.UtcNow;
        var credit = await MutationAsync(test, a1, now, 150_000m, description: "BI-FAST CR BUDI SANTOSO", counterparty: "BUDI SANTOSO", orderReference: "INV-1");
        var debit = await MutationAsync(test, a2, now, 7_500_000m, Direction.Debit, "TRSF KE PT SUMBER", counterparty: "PT SUMBER", status: ReconciliationStatus.NeedsAttention, source: MutationSource.Import);
        var noted = await MutationAsync(test, a1, now, 50_000m, note: "Refund untuk Siti", source: MutationSource.Api);
        var sandbox = await MutationAsync(test, a1, now, 10_000m, sandbox: true);

        (await IdsAsync(test, new MutationFilter { AccountIds = [a2.Id] })).ShouldBe([debit]);
        (await IdsAsync(test, new MutationFilter { Direction = Direction.Credit })).ShouldBe([credit, noted]);
        (await IdsAsync(test, new MutationFilter { AmountExact = 150_000m })).ShouldBe([credit]);
        (await IdsAsync(test, new MutationFilter { AmountMin = 50_000m, AmountMax = 150_000m })).ShouldBe([credit, noted]);
        (await IdsAsync(test, new MutationFilter { Text = "budi" })).ShouldBe([credit]);
        (await IdsAsync(test, new MutationFilter { Text = "pt sumber" })).ShouldBe([debit]);
        (await IdsAsync(test, new MutationFilter { Text = "SITI" })).ShouldBe([noted]);
        (await IdsAsync(test, new MutationFilter { Text = "100%" })).ShouldBeEmpty();
        (await IdsAsync(test, new MutationFilter { WithoutNote = true })).ShouldBe([credit, debit]);
        (await IdsAsync(test, new MutationFilter { WithoutOrderReference = true })).ShouldBe([debit, noted]);
        (await IdsAsync(test, new MutationFilter { Statuses = [ReconciliationStatus.NeedsAttention] })).ShouldBe([debit]);
        (await IdsAsync(test, new MutationFilter { Sources = [MutationSource.Api, MutationSource.Import] })).ShouldBe([debit, noted]);
        (await IdsAsync(test, new MutationFilter { Sandbox = SandboxFilter.Only })).ShouldBe([sandbox]);
        (await IdsAsync(test, new MutationFilter { Sandbox = SandboxFilter.Include })).Length.ShouldBe(4);
        (await IdsAsync(test, MutationFilter.Empty)).ShouldNotContain(sandbox);
    }

    [Fact]
    public async Task Combined_filters_all_apply_together()
    {
        await using var test = await TestDatabase.CreateAsync(TestTime.Jakarta(2026, 11, 21, 12));
        var a = await AccountAsync(test);
        var tag = await TagAsync(test, "Supplier");
        var hit = await MutationAsync(test, a, Wib(2026, 11, 21, 9), 6_000_000m, Direction.Debit, "TRSF KE PT SUMBER", tags: [tag.Id]);
        await MutationAsync(test, a, Wib(2026, 11, 20, 9), 6_000_000m, Direction.Debit, "TRSF KE PT SUMBER", tags: [tag.Id]); // yesterday
        await MutationAsync(test, a, Wib(2026, 11, 21, 9), 4_000_000m, Direction.Debit, "TRSF KE PT SUMBER", tags: [tag.Id]); // too small
        await MutationAsync(test, a, Wib(2026, 11, 21, 9), 6_000_000m, Direction.Credit, "TRSF DARI PT SUMBER", tags: [tag.Id]); // credit
        await MutationAsync(test, a, Wib(2026, 11, 21, 9), 6_000_000m, Direction.Debit, "TRSF KE PT SUMBER"); // untagged

        var filter = MutationFilter.Parse("tgl=hari-ini&arah=debit&min=5000000&tag=" + tag.Id + "&q=sumber");
        (await IdsAsync(test, filter)).ShouldBe([hit]);
    }

    [Fact]
    public async Task Sorting_by_amount_and_time_both_ways()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var t = test.Clock.UtcNow;
        var small = await MutationAsync(test, a, t.AddMinutes(-1), 1_000m);
        var big = await MutationAsync(test, a, t.AddMinutes(-2), 9_000m);
        var queries = new MutationQueries(test, test.Clock);
        (await queries.PageAsync(new MutationFilter(), Finance, 0, 10)).Select(r => r.Id).ShouldBe([small, big]);
        (await queries.PageAsync(new MutationFilter { Sort = MutationSort.TimeAsc }, Finance, 0, 10)).Select(r => r.Id).ShouldBe([big, small]);
        (await queries.PageAsync(new MutationFilter { Sort = MutationSort.AmountAsc }, Finance, 0, 10)).Select(r => r.Id).ShouldBe([small, big]);
        (await queries.PageAsync(new MutationFilter { Sort = MutationSort.AmountDesc }, Finance, 0, 10)).Select(r => r.Id).ShouldBe([big, small]);

        var smallDebit = await MutationAsync(test, a, t.AddMinutes(-3), 500m, Direction.Debit);
        var bigDebit = await MutationAsync(test, a, t.AddMinutes(-4), 50_000m, Direction.Debit);
        (await queries.PageAsync(new MutationFilter { Direction = Direction.Debit, Sort = MutationSort.AmountAsc }, Finance, 0, 10)).Select(r => r.Id).ShouldBe([smallDebit, bigDebit]);
        (await queries.PageAsync(new MutationFilter { Direction = Direction.Credit, Sort = MutationSort.AmountDesc }, Finance, 0, 10)).Select(r => r.Id).ShouldBe([big, small]);
        (await queries.CountAsync(new MutationFilter { Direction = Direction.Debit, Sort = MutationSort.AmountAsc }, Finance)).Value.ShouldBe(2);
    }

    [Fact]
    public async Task CS_never_gets_a_debit_or_a_balance_even_when_the_url_asks_for_them()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        var credit = await MutationAsync(test, a, test.Clock.UtcNow, 150_000m);
        var debit = await MutationAsync(test, a, test.Clock.UtcNow, 7_000_000m, Direction.Debit);
        var queries = new MutationQueries(test, test.Clock);

        var crafted = MutationFilter.Parse("arah=debit&min=1000000");
        (await queries.PageAsync(crafted, Cs, 0, 50)).ShouldBeEmpty();
        foreach (var sort in new[] { MutationSort.AmountDesc, MutationSort.AmountAsc })
        {
            (await queries.PageAsync(crafted with { Sort = sort }, Cs, 0, 50)).ShouldBeEmpty();
            (await queries.CountAsync(crafted with { Sort = sort }, Cs)).Value.ShouldBe(0);
            (await queries.PageAsync(new MutationFilter { Sort = sort }, Cs, 0, 50)).Select(r => r.Id).ShouldBe([credit]);
        }
        (await queries.CountAsync(crafted, Cs)).Value.ShouldBe(0);
        (await queries.IdsAsync(crafted, Cs)).ShouldBeEmpty();
        (await queries.DetailAsync(debit, Cs)).ShouldBeNull();

        var rows = await queries.PageAsync(MutationFilter.Empty, Cs, 0, 50);
        rows.Select(r => r.Id).ShouldBe([credit]);
        rows.ShouldAllBe(r => r.BalanceAfter == null);
        var detail = await queries.DetailAsync(credit, Cs);
        detail!.Row.BalanceAfter.ShouldBeNull();
        // The source panel is for Ops and Owner; for CS it never leaves the database (balance included).
        detail.RawSourcePretty.ShouldBeNull();
        detail.ShowsRawSource.ShouldBeFalse();

        (await queries.PageAsync(MutationFilter.Empty, Finance, 0, 50)).ShouldContain(r => r.Id == debit && r.BalanceAfter == 10_000_000m);
    }

    [Fact]
    public async Task The_count_stops_at_the_cap_and_says_so()
    {
        await using var test = await TestDatabase.CreateAsync();
        var a = await AccountAsync(test);
        for (var i = 0; i < 5; i++) await MutationAsync(test, a, test.Clock.UtcNow.AddMinutes(-i), 1_000m + i);
        await using var db = test.CreateDbContext();
        var capped = await MutationSearch.CountAsync(db, MutationFilter.Empty, Finance, test.Clock, cap: 3);
        capped.ShouldBe(new CappedCount(3, true));
        (await MutationSearch.CountAsync(db, MutationFilter.Empty, Finance, test.Clock, cap: 10)).ShouldBe(new CappedCount(5, false));
    }
}
