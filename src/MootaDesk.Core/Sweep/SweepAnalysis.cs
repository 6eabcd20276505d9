using MootaDesk.Core.Integrations;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Sweep;

/// <summary>Step 1's line for one account.</summary>
public sealed record AccountDayFigures(int AccountId, string Label, bool IsSandbox, int Count, decimal MoneyIn, decimal MoneyOut,
    decimal? OpeningBalance, decimal? ClosingBalance, decimal? ReportedBalance, DateTime? ReportedAt)
{
    /// <summary>Null when either side is unknown.</summary>
    public decimal? Difference => ClosingBalance is decimal c && ReportedBalance is decimal r ? r - c : null;
}

/// <param name="Mutations">The swept bank day's own transactions stored before the cut-off (<see cref="SweepWindow.EndUtc"/>).</param>
/// <summary>Step 1's figures kept on the sweep row (<see cref="DailySweep.AccountFigures"/>) as JSON.</summary>
public static class AccountFiguresJson
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new();

    public static string Write(IReadOnlyList<AccountDayFigures> figures) => System.Text.Json.JsonSerializer.Serialize(figures, Options);

    public static IReadOnlyList<AccountDayFigures> Read(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<List<AccountDayFigures>>(json, Options) ?? [];
}

public sealed record SweepInput(
    SweepWindow Window,
    DateTime NowUtc,
    IReadOnlyList<SweepMutation> Mutations,
    IReadOnlyList<SweepAccount> Accounts,
    IReadOnlyList<SweepDelivery> Deliveries,
    IReadOnlyList<SweepOrder> Orders,
    /// <summary>Refund references that point at a credit outside the window (so the refund is linked).</summary>
    IReadOnlySet<string> ReferencesWithCredit,
    IReadOnlyDictionary<(int AccountId, Direction Direction), decimal[]> History,
    DateTime? LastSuccessfulSyncUtc,
    PendingOrdersFigure PendingOrders,
    decimal ImportantDebitThreshold,
    AnomalyThresholds Thresholds)
{
    /// <summary>Moota conflicts still waiting for Ops' decision when the sweep is prepared.</summary>
    public IReadOnlyList<SweepConflict> Conflicts { get; init; } = [];

    /// <summary>
    /// Real credits of earlier bank days read since the last sweep: listed apart and named in the notes line,
    /// never part of the day's income (<see cref="Mutations"/> holds only the day's own transactions).
    /// </summary>
    public IReadOnlyList<SweepMutation> EarlierDayCredits { get; init; } = [];

    /// <summary>The store held only the demo shop, so the demo shop was swept.</summary>
    public bool IsDemo { get; init; }
    /// Credits read from phone notifications that the bank has not confirmed within <see cref="AnomalyThresholds.UnconfirmedNotification"/>.
    /// They are never in <see cref="Mutations"/>: a provisional row is not money confirmed and stays out of every total.
    public IReadOnlyList<SweepUnconfirmed> Unconfirmed { get; init; } = [];
}

public sealed record SweepResult(IReadOnlyList<SweepFinding> Findings, IReadOnlyList<AccountDayFigures> Accounts, OwnerSummary Summary,
    decimal Income, int IncomeCount, IReadOnlySet<long> OwnTransfers);

/// <summary>Everything a sweep computes from loaded data: the checklist, step 1's figures and the draft summary. Pure.</summary>
public static class SweepAnalysis
{
    public static readonly SweepItemKind[] Step3Kinds = [SweepItemKind.Refund, SweepItemKind.Supplier, SweepItemKind.UntaggedDebit, SweepItemKind.RefundWithoutOriginal];

    public static readonly SweepItemKind[] AnomalyKinds =
    [
        SweepItemKind.WebhookRejected, SweepItemKind.WebhookFailed, SweepItemKind.DuplicateMutation, SweepItemKind.SilentAccount,
        SweepItemKind.BalanceBreak, SweepItemKind.LateRead, SweepItemKind.UnusualAmount, SweepItemKind.OrderPaidTwice, SweepItemKind.CreditWithoutOrder,
        SweepItemKind.MootaConflict, SweepItemKind.EarlierDayCredit, SweepItemKind.UnconfirmedNotification,
    ];

    public static int StepOf(SweepItemKind kind) => kind switch
    {
        SweepItemKind.CreditWithoutReference => 2,
        SweepItemKind.Refund or SweepItemKind.Supplier or SweepItemKind.UntaggedDebit or SweepItemKind.RefundWithoutOriginal => 3,
        _ => 4,
    };

    public static SweepResult Analyse(SweepInput input, BusinessClock clock, SweepCalendar calendar)
    {
        var real = input.Mutations.Where(m => !m.IsSandbox).ToList();
        var ownTransfers = OwnTransferDetector.Detect(real, input.Accounts, input.Thresholds.OwnTransferSpan);
        var findings = new List<SweepFinding>();

        // Step 2: real credits nobody has placed yet.
        foreach (var m in real)
        {
            if (m.IsCredit && !m.HasNote && string.IsNullOrWhiteSpace(m.OrderReference) && m.Status != ReconciliationStatus.Matched && !ownTransfers.Contains(m.Id))
                findings.Add(new SweepFinding(SweepItemKind.CreditWithoutReference, Describe(m), m.Id, m.AccountId, m.Amount));
        }

        // Step 3: refunds, supplier payments, untagged debits, refunds with no original credit.
        var creditRefs = real.Where(m => m.IsCredit && !string.IsNullOrWhiteSpace(m.OrderReference)).Select(m => Ref(m.OrderReference!)).ToHashSet();
        var matchedOrderRefs = input.Orders.Where(o => o.MatchedMutationId is not null).Select(o => Ref(o.Reference)).ToHashSet();
        foreach (var m in real)
        {
            if (m.Tags.HasFlag(SweepTags.Refund))
            {
                findings.Add(new SweepFinding(SweepItemKind.Refund, Describe(m), m.Id, m.AccountId, m.Amount));
                var linked = m.OrderReference is { } r && !string.IsNullOrWhiteSpace(r)
                             && (creditRefs.Contains(Ref(r)) || matchedOrderRefs.Contains(Ref(r)) || input.ReferencesWithCredit.Contains(Ref(r)));
                if (!m.IsCredit && !linked)
                    findings.Add(new SweepFinding(SweepItemKind.RefundWithoutOriginal, "Refund tanpa kredit asal yang tertaut: " + Describe(m), m.Id, m.AccountId, m.Amount));
            }
            if (m.Tags.HasFlag(SweepTags.Supplier))
                findings.Add(new SweepFinding(SweepItemKind.Supplier, Describe(m), m.Id, m.AccountId, m.Amount));
            if (!m.IsCredit && !m.IsTagged && !ownTransfers.Contains(m.Id))
                findings.Add(new SweepFinding(SweepItemKind.UntaggedDebit, Describe(m), m.Id, m.AccountId, m.Amount));
        }

        // Step 4: anomalies.
        findings.AddRange(AnomalyDetectors.RejectedOrFailedDeliveries(input.Deliveries));
        findings.AddRange(AnomalyDetectors.Duplicates(real));
        findings.AddRange(AnomalyDetectors.SilentAccounts(input.Accounts, input.LastSuccessfulSyncUtc, input.NowUtc, input.Thresholds, clock, calendar));
        findings.AddRange(AnomalyDetectors.BalanceBreaks(real, input.Accounts));
        findings.AddRange(AnomalyDetectors.LateReads(real, input.Thresholds.LateRead));
        findings.AddRange(AnomalyDetectors.UnusualAmounts(real, input.History, input.Thresholds));
        findings.AddRange(AnomalyDetectors.OrdersPaidTwice(real, input.Orders));
        findings.AddRange(AnomalyDetectors.MootaConflicts(input.Conflicts));
        findings.AddRange(AnomalyDetectors.UnconfirmedNotifications(input.Unconfirmed, input.NowUtc));
        // A credit already handed to CS in step 2 is not listed a second time as an anomaly.
        var inStep2 = findings.Where(f => f.Kind == SweepItemKind.CreditWithoutReference).Select(f => f.MutationId!.Value).ToHashSet();
        findings.AddRange(AnomalyDetectors.CreditsWithoutOrder(real, input.Orders, ownTransfers).Where(f => !inStep2.Contains(f.MutationId!.Value)));
        findings.AddRange(input.EarlierDayCredits.Where(m => !m.IsSandbox).Select(m => new SweepFinding(SweepItemKind.EarlierDayCredit,
            $"Kredit tanggal {BusinessClock.FormatDay(m.BankDate, IdCulture)} baru terbaca {clock.FormatDateTime(m.ReadTime, IdCulture)}: {Describe(m)}",
            m.Id, m.AccountId, m.Amount)));

        var figures = AccountFigures(input.Mutations, input.Accounts);

        var incomeRows = real.Where(m => m.IsCredit && !ownTransfers.Contains(m.Id)).ToList();
        var income = incomeRows.Sum(m => m.Amount);
        var important = real.Where(m => !m.IsCredit && !ownTransfers.Contains(m.Id)
                                        && (m.Amount >= input.ImportantDebitThreshold || m.Tags.HasFlag(SweepTags.Important)))
            .Select(m => new ImportantOutflow(AnomalyDetectors.Trim(NameOf(m), 40), m.Amount)).ToList();
        var refunds = real.Where(m => !m.IsCredit && m.Tags.HasFlag(SweepTags.Refund)).ToList();
        var summary = OwnerSummaryBuilder.Build(new OwnerSummaryInput(income, incomeRows.Count, important, input.PendingOrders,
            refunds.Count, refunds.Sum(m => m.Amount), UnresolvedNotes(findings)), clock);

        return new SweepResult(findings, figures, summary, income, incomeRows.Count, ownTransfers);
    }

    private static readonly System.Globalization.CultureInfo IdCulture = System.Globalization.CultureInfo.GetCultureInfo("id-ID");

    /// <summary>
    /// "2 webhook ditolak; 1 saldo tidak cocok": one phrase per kind of unresolved anomaly, for the notes line.
    /// Late reads of earlier days also say their total, so the owner sees the money that is not in line 1.
    /// </summary>
    public static IReadOnlyList<string> UnresolvedNotes(IEnumerable<SweepFinding> findings) =>
        findings.Where(f => StepOf(f.Kind) == 4).GroupBy(f => f.Kind).OrderBy(g => g.Key)
            .Select(g => g.Key == SweepItemKind.EarlierDayCredit
                ? $"{g.Count()} {KindPhrase(g.Key)} ({Money.Format(g.Sum(f => f.Amount ?? 0))}, tidak dihitung di pemasukan hari ini)"
                : $"{g.Count()} {KindPhrase(g.Key)}").ToList();

    public static string KindPhrase(SweepItemKind kind) => kind switch
    {
        SweepItemKind.WebhookRejected => "webhook ditolak",
        SweepItemKind.WebhookFailed => "webhook gagal diproses",
        SweepItemKind.DuplicateMutation => "mutasi kemungkinan ganda",
        SweepItemKind.SilentAccount => "rekening sepi terlalu lama",
        SweepItemKind.BalanceBreak => "saldo tidak cocok",
        SweepItemKind.LateRead => "kredit terlambat terbaca",
        SweepItemKind.UnusualAmount => "nominal di luar kebiasaan",
        SweepItemKind.OrderPaidTwice => "pesanan dibayar dua kali",
        SweepItemKind.CreditWithoutOrder => "kredit tanpa pesanan",
        SweepItemKind.MootaConflict => "konflik data Moota belum diputuskan",
        SweepItemKind.EarlierDayCredit => "kredit tanggal sebelumnya baru terbaca",
        SweepItemKind.UnconfirmedNotification => "notifikasi HP belum dikonfirmasi mutasi bank",
        _ => kind.ToString(),
    };

    /// <summary>
    /// Step 1: per account, the day's count, money in and out, closing balance (last printed on a line of the day,
    /// else opening plus the day's net) and the bank-reported balance at the end of the day to compare with.
    /// </summary>
    public static IReadOnlyList<AccountDayFigures> AccountFigures(IReadOnlyList<SweepMutation> dayMutations, IReadOnlyList<SweepAccount> accounts)
    {
        var byAccount = dayMutations.GroupBy(m => m.AccountId).ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<AccountDayFigures>();
        foreach (var a in accounts.OrderBy(a => a.IsSandbox).ThenBy(a => a.Label, StringComparer.CurrentCulture))
        {
            byAccount.TryGetValue(a.Id, out var rows);
            rows ??= [];
            if (rows.Count == 0 && !a.IsActive) continue;
            var moneyIn = rows.Where(m => m.IsCredit).Sum(m => m.Amount);
            var moneyOut = rows.Where(m => !m.IsCredit).Sum(m => m.Amount);
            // Closing balance: the last balance the bank printed on a line, else opening plus the day's net.
            var lastWithBalance = rows.Where(m => m.BalanceAfter is not null).OrderBy(m => m.TransactionTime).ThenBy(m => m.Id).LastOrDefault();
            decimal? closing = lastWithBalance?.BalanceAfter ?? (a.OpeningBalance is decimal o ? o + moneyIn - moneyOut : null);
            // A report older than the day's last line does not hold that line yet: nothing to compare.
            var reported = a.LastKnownBalanceAt is DateTime at && (rows.Count == 0 || at >= rows.Max(m => m.TransactionTime)) ? a.LastKnownBalance : null;
            result.Add(new AccountDayFigures(a.Id, a.Label, a.IsSandbox, rows.Count, moneyIn, moneyOut, a.OpeningBalance, closing, reported,
                reported is null ? null : a.LastKnownBalanceAt));
        }
        return result;
    }

    private static string Ref(string reference) => reference.Trim().ToUpperInvariant();

    private static string NameOf(SweepMutation m) => string.IsNullOrWhiteSpace(m.Counterparty) ? m.Description : m.Counterparty!;

    private static string Describe(SweepMutation m) => $"{Money.Format(m.Amount)} {AnomalyDetectors.Trim(NameOf(m), 120)}";
}
