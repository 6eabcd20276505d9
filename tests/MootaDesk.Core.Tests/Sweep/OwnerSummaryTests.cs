using MootaDesk.Core.Mutations;
using MootaDesk.Core.Shared;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Core.Tests.Sweep;

public class OwnerSummaryTests
{
    private static readonly DateTime T0 = new(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc);
    private static readonly BusinessClock Clock = new(TestTime.Create());

    private static SweepMutation M(long id, int account, decimal amount, Direction d, int minutes = 0, string? cp = null, bool sandbox = false, SweepTags tags = SweepTags.None) =>
        new(id, account, T0.AddMinutes(minutes), true, T0.AddMinutes(minutes + 1), amount, d, null, "TRSF " + (cp ?? id.ToString()), cp, null,
            ReconciliationStatus.New, false, sandbox, tags);

    private static readonly SweepAccount[] Accounts =
    [
        new(1, "BCA", "PT Toko Maju", false, true, null, null, null, null),
        new(2, "Mandiri", "PT Toko Maju", false, true, null, null, null, null),
        new(3, "Sandbox", "", true, true, null, null, null, null),
    ];

    [Fact]
    public void Own_account_transfers_pair_a_debit_with_the_nearest_equal_credit_in_another_own_account()
    {
        var rows = new[]
        {
            M(1, 1, 1_000_000m, Direction.Debit, 0),
            M(2, 2, 1_000_000m, Direction.Credit, 5),     // pairs with 1
            M(3, 2, 1_000_000m, Direction.Credit, 200),   // too late: a customer paying the same amount
            M(4, 1, 500_000m, Direction.Credit, 1),       // same account as nothing; no debit of that amount
            M(5, 1, 250_000m, Direction.Credit, 10, cp: "PT. TOKO MAJU"), // from the owner's own holder name
            M(6, 3, 1_000_000m, Direction.Credit, 2, sandbox: true),
        };
        OwnTransferDetector.Detect(rows, Accounts, TimeSpan.FromHours(2)).OrderBy(x => x).ShouldBe([1L, 2L, 5L]);
    }

    [Fact]
    public void Income_excludes_sandbox_and_own_transfers_and_outflows_list_the_top_three_by_name()
    {
        var rows = new List<SweepMutation>
        {
            M(1, 1, 150_000m, Direction.Credit, 0, "BUDI"),
            M(2, 1, 250_000m, Direction.Credit, 1, "SITI"),
            M(3, 1, 1_000_000m, Direction.Debit, 2, "PT TOKO MAJU"),
            M(4, 2, 1_000_000m, Direction.Credit, 3, "PT TOKO MAJU"),
            M(5, 3, 9_999_000m, Direction.Credit, 4, "TEST", sandbox: true),
            M(6, 2, 7_000_000m, Direction.Debit, 5, "CV KAIN"),
            M(7, 2, 6_000_000m, Direction.Debit, 6, "GAJI"),
            M(8, 2, 5_000_000m, Direction.Debit, 7, "SEWA"),
            M(9, 2, 300_000m, Direction.Debit, 8, "LISTRIK", tags: SweepTags.Important),
            M(10, 1, 50_000m, Direction.Debit, 9, "BUDI", tags: SweepTags.Refund),
            M(11, 1, 20_000m, Direction.Debit, 10, "SITI", tags: SweepTags.Refund),
        };
        var input = new SweepInput(new SweepWindow(T0.AddHours(-2), T0.AddHours(8)), T0.AddHours(8), rows, Accounts, [], [], new HashSet<string>(),
            new Dictionary<(int, Direction), decimal[]>(), null, new PendingOrdersFigure(3, 450_000m, new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc)),
            5_000_000m, new AnomalyThresholds());

        var r = SweepAnalysis.Analyse(input, Clock, SweepCalendar.Default);

        r.Income.ShouldBe(400_000m);
        r.Summary.Lines.Count.ShouldBe(5);
        r.Summary.ToText().Split('\n').Length.ShouldBe(5);
        r.Summary.Income.ShouldBe("Pemasukan: Rp 400.000 (2 transaksi)");
        r.Summary.Outflows.ShouldBe("Pengeluaran penting: CV KAIN Rp 7.000.000; GAJI Rp 6.000.000; SEWA Rp 5.000.000 (+1 lainnya)");
        r.Summary.PendingOrders.ShouldBe("Pesanan menunggu bayar: 3 (Rp 450.000), tertua sejak 20 Nov 2026 10.00 WIB");
        r.Summary.Refunds.ShouldBe("Refund: 2 (Rp 70.000)");
        // Neither own-transfer leg is work for anyone: not a credit to place, not an untagged debit.
        r.Findings.ShouldNotContain(f => f.MutationId == 3 || f.MutationId == 4);
        r.Findings.Count(f => f.Kind == SweepItemKind.CreditWithoutReference).ShouldBe(2);
        r.Findings.Where(f => f.Kind == SweepItemKind.UntaggedDebit).Select(f => f.MutationId).ShouldBe([6L, 7L, 8L]);
        r.Findings.Count(f => f.Kind == SweepItemKind.RefundWithoutOriginal).ShouldBe(2);
    }

    [Fact]
    public void Notes_are_prefilled_with_unresolved_anomalies_and_edited_lines_stay_single_lines()
    {
        var notes = SweepAnalysis.UnresolvedNotes(
        [
            new SweepFinding(SweepItemKind.BalanceBreak, "x"),
            new SweepFinding(SweepItemKind.WebhookRejected, "x"),
            new SweepFinding(SweepItemKind.WebhookRejected, "y"),
            new SweepFinding(SweepItemKind.Refund, "not an anomaly"),
        ]);
        notes.ShouldBe(["2 webhook ditolak", "1 saldo tidak cocok"]);

        var s = OwnerSummaryBuilder.Build(new OwnerSummaryInput(0m, 0, [], new PendingOrdersFigure(0, 0m, null), 0, 0m, notes), Clock);
        s.ToText().ShouldBe(string.Join('\n',
            "Pemasukan: Rp 0 (0 transaksi)", "Pengeluaran penting: tidak ada", "Pesanan menunggu bayar: tidak ada", "Refund: tidak ada",
            "Catatan: 2 webhook ditolak; 1 saldo tidak cocok"));
        (s with { Notes = "a\r\n b\n\nc" }).Normalized().Notes.ShouldBe("a b c");
    }

    [Fact]
    public void Credits_of_earlier_days_read_late_are_listed_apart_and_named_in_the_notes_never_in_the_income()
    {
        var day = new[] { M(1, 1, 150_000m, Direction.Credit, 0, "BUDI") };
        var late = M(2, 1, 300_000m, Direction.Credit, -600, "ANI") with { BankDate = new DateOnly(2026, 11, 20) };
        var input = new SweepInput(new SweepWindow(T0.AddHours(-2), T0.AddHours(8)), T0.AddHours(8), day, Accounts, [], [], new HashSet<string>(),
            new Dictionary<(int, Direction), decimal[]>(), null, new PendingOrdersFigure(0, 0m, null), 5_000_000m, new AnomalyThresholds())
        { EarlierDayCredits = [late] };

        var r = SweepAnalysis.Analyse(input, Clock, SweepCalendar.Default);

        r.Income.ShouldBe(150_000m);
        r.Summary.Income.ShouldBe("Pemasukan: Rp 150.000 (1 transaksi)");
        r.Findings.Single(f => f.Kind == SweepItemKind.EarlierDayCredit).MutationId.ShouldBe(2);
        r.Findings.ShouldNotContain(f => f.MutationId == 2 && f.Kind == SweepItemKind.CreditWithoutReference);
        r.Summary.Notes.ShouldContain("1 kredit tanggal sebelumnya baru terbaca (Rp 300.000, tidak dihitung di pemasukan hari ini)");
        r.Accounts.Single(a => a.AccountId == 1).MoneyIn.ShouldBe(150_000m);
    }
}
