using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Sweep;

/// <summary>
/// The anomaly finder of step 4. Each detector is a pure function over data the sweep has already loaded,
/// so each can be tested on crafted data and the whole finder runs in memory in one pass per detector.
/// Details are in Indonesian: they are stored once and read by the Indonesian-speaking team.
/// </summary>
public static class AnomalyDetectors
{
    /// <summary>Webhook deliveries refused (signature, IP), that failed or could not be read, or whose elements were only partly readable.</summary>
    public static IEnumerable<SweepFinding> RejectedOrFailedDeliveries(IEnumerable<SweepDelivery> deliveries)
    {
        foreach (var d in deliveries)
        {
            var refused = d.Status == DeliveryStatus.Rejected
                || d.Signature is SignatureVerdict.Invalid or SignatureVerdict.Missing or SignatureVerdict.IpRefused;
            if (refused)
                yield return new SweepFinding(SweepItemKind.WebhookRejected,
                    $"Webhook #{d.Id} ditolak ({d.Signature}{(d.SourceIp is null ? "" : ", dari " + d.SourceIp)})", WebhookDeliveryId: d.Id);
            else if (d.Status is DeliveryStatus.Failed or DeliveryStatus.Malformed or DeliveryStatus.Partial)
                yield return new SweepFinding(SweepItemKind.WebhookFailed,
                    $"Webhook #{d.Id} {(d.Status == DeliveryStatus.Partial ? "diproses sebagian" : "gagal diproses")} ({d.Status}){(string.IsNullOrEmpty(d.Error) ? "" : ": " + Trim(d.Error, 200))}", WebhookDeliveryId: d.Id);
        }
    }

    /// <summary>
    /// The same bank line stored twice under different source ids (a webhook and a statement import, say):
    /// same account, direction, amount, description and transaction time. The later-stored copy is reported.
    /// </summary>
    public static IEnumerable<SweepFinding> Duplicates(IEnumerable<SweepMutation> mutations)
    {
        // Keyed without the description so no string is built per row; descriptions are compared only on a clash.
        var seen = new Dictionary<(int, Direction, decimal, DateTime), List<SweepMutation>>();
        foreach (var m in mutations.OrderBy(m => m.ReadTime).ThenBy(m => m.Id))
        {
            var key = (m.AccountId, m.Direction, m.Amount, m.TransactionTime);
            if (!seen.TryGetValue(key, out var earlier))
            {
                seen[key] = [m];
                continue;
            }
            var first = earlier.FirstOrDefault(e => string.Equals(e.Description.Trim(), m.Description.Trim(), StringComparison.OrdinalIgnoreCase));
            if (first is null)
            {
                earlier.Add(m);
                continue;
            }
            yield return new SweepFinding(SweepItemKind.DuplicateMutation,
                $"Kemungkinan ganda dengan mutasi #{first.Id}: {Money.Format(m.Amount)} {Trim(m.Description, 80)}", m.Id, m.AccountId, m.Amount);
        }
    }

    /// <summary>
    /// Accounts with no stored mutation and no successful sync for at least N business hours before now.
    /// Only hours inside business hours on business days count, so a quiet night or Sunday is not an alarm.
    /// </summary>
    public static IEnumerable<SweepFinding> SilentAccounts(IEnumerable<SweepAccount> accounts, DateTime? lastSuccessfulSyncUtc, DateTime nowUtc,
        AnomalyThresholds thresholds, BusinessClock clock, SweepCalendar calendar)
    {
        foreach (var a in accounts)
        {
            if (a.IsSandbox || !a.IsActive) continue;
            var last = Max(a.LastReadTime, lastSuccessfulSyncUtc);
            // An account that never produced anything has no "usual" to be silent against.
            if (last is null) continue;
            var hours = BusinessHoursBetween(last.Value, nowUtc, thresholds, clock, calendar);
            if (hours >= thresholds.SilentHours)
                yield return new SweepFinding(SweepItemKind.SilentAccount,
                    $"{a.Label}: tidak ada mutasi atau sinkronisasi selama {hours:0.#} jam kerja (sejak {clock.FormatDateTime(last.Value, System.Globalization.CultureInfo.GetCultureInfo("id-ID"))})",
                    AccountId: a.Id);
        }
    }

    public static double BusinessHoursBetween(DateTime fromUtc, DateTime toUtc, AnomalyThresholds t, BusinessClock clock, SweepCalendar calendar)
    {
        if (toUtc <= fromUtc) return 0;
        var from = clock.ToLocal(fromUtc);
        var to = clock.ToLocal(toUtc);
        double total = 0;
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
        {
            if (!calendar.IsBusinessDay(day)) continue;
            var open = day.ToDateTime(t.BusinessHoursStart);
            var close = day.ToDateTime(t.BusinessHoursEnd);
            var s = from > open ? from : open;
            var e = to < close ? to : close;
            if (e > s) total += (e - s).TotalHours;
        }
        return total;
    }

    /// <summary>
    /// Running balance breaks: for each account, in bank order, previous balance + credit − debit must equal the
    /// balance the bank reported on the line; and the last line must agree with the account's reported balance
    /// when that report is newer. Lines without a reported balance carry the running figure forward.
    /// </summary>
    public static IEnumerable<SweepFinding> BalanceBreaks(IEnumerable<SweepMutation> mutations, IEnumerable<SweepAccount> accounts)
    {
        var byAccount = mutations.GroupBy(m => m.AccountId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.TransactionTime).ThenBy(m => m.Id).ToList());
        foreach (var a in accounts)
        {
            if (a.IsSandbox) continue;
            decimal? running = a.OpeningBalance;
            DateTime? lastTime = null;
            if (byAccount.TryGetValue(a.Id, out var rows))
            {
                foreach (var m in rows)
                {
                    var expected = running is decimal r ? r + (m.IsCredit ? m.Amount : -m.Amount) : (decimal?)null;
                    if (m.BalanceAfter is decimal reported)
                    {
                        if (expected is decimal exp && exp != reported)
                            yield return new SweepFinding(SweepItemKind.BalanceBreak,
                                $"{a.Label}: saldo bank {Money.Format(reported)} ≠ hitungan {Money.Format(exp)} (selisih {Money.Format(reported - exp)})",
                                m.Id, a.Id, reported - exp);
                        running = reported;
                    }
                    else running = expected;
                    lastTime = m.TransactionTime;
                }
            }
            if (running is decimal final && a.LastKnownBalance is decimal known && a.LastKnownBalanceAt is DateTime at
                && (lastTime is null || at >= lastTime) && final != known)
                yield return new SweepFinding(SweepItemKind.BalanceBreak,
                    $"{a.Label}: saldo dilaporkan bank {Money.Format(known)} ≠ saldo akhir mutasi {Money.Format(final)} (selisih {Money.Format(known - final)})",
                    AccountId: a.Id, Amount: known - final);
        }
    }

    /// <summary>Credits stored long after the bank says they happened; lines that carry only a date are skipped.</summary>
    public static IEnumerable<SweepFinding> LateReads(IEnumerable<SweepMutation> mutations, TimeSpan threshold)
    {
        foreach (var m in mutations)
        {
            if (!m.IsCredit || !m.HasTimeOfDay) continue;
            var lag = m.ReadTime - m.TransactionTime;
            if (lag >= threshold)
                yield return new SweepFinding(SweepItemKind.LateRead,
                    $"Dibaca {FormatLag(lag)} setelah transaksi: {Money.Format(m.Amount)} {Trim(m.Counterparty ?? m.Description, 80)}", m.Id, m.AccountId, m.Amount);
        }
    }

    /// <summary>
    /// Amounts far above the account's own history (same direction): at least <see cref="AnomalyThresholds.UnusualFactor"/>
    /// times the 95th percentile of earlier amounts, once there are enough of them to know what is usual.
    /// </summary>
    public static IEnumerable<SweepFinding> UnusualAmounts(IEnumerable<SweepMutation> mutations,
        IReadOnlyDictionary<(int AccountId, Direction Direction), decimal[]> history, AnomalyThresholds t)
    {
        var p95 = new Dictionary<(int, Direction), decimal>();
        foreach (var (key, amounts) in history)
        {
            if (amounts.Length < t.UnusualMinHistory) continue;
            var sorted = (decimal[])amounts.Clone();
            Array.Sort(sorted);
            p95[key] = sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];
        }
        foreach (var m in mutations)
        {
            if (m.IsSandbox || !p95.TryGetValue((m.AccountId, m.Direction), out var usual) || usual <= 0) continue;
            if (m.Amount >= usual * t.UnusualFactor)
                yield return new SweepFinding(SweepItemKind.UnusualAmount,
                    $"{(m.IsCredit ? "Masuk" : "Keluar")} {Money.Format(m.Amount)}, biasanya paling tinggi sekitar {Money.Format(usual)}: {Trim(m.Counterparty ?? m.Description, 80)}",
                    m.Id, m.AccountId, m.Amount);
        }
    }

    /// <summary>
    /// An order paid twice: two credits of the window carry the same order reference, or a credit carries the
    /// reference of an order already settled by a different mutation.
    /// </summary>
    public static IEnumerable<SweepFinding> OrdersPaidTwice(IEnumerable<SweepMutation> mutations, IEnumerable<SweepOrder> orders)
    {
        var byRef = orders.GroupBy(o => o.Reference.Trim().ToUpperInvariant()).ToDictionary(g => g.Key, g => g.First());
        foreach (var group in mutations.Where(m => m.IsCredit && !m.IsSandbox && !string.IsNullOrWhiteSpace(m.OrderReference))
                     .GroupBy(m => m.OrderReference!.Trim().ToUpperInvariant()))
        {
            byRef.TryGetValue(group.Key, out var order);
            var payers = group.Select(m => m.Id).ToHashSet();
            if (order?.MatchedMutationId is long matched) payers.Add(matched);
            if (payers.Count < 2) continue;
            foreach (var m in group.Where(m => m.Id != order?.MatchedMutationId))
                yield return new SweepFinding(SweepItemKind.OrderPaidTwice,
                    $"Pesanan {group.Key} dibayar lebih dari sekali ({payers.Count} mutasi): {Money.Format(m.Amount)}", m.Id, m.AccountId, m.Amount, OrderId: order?.Id);
        }
    }

    /// <summary>
    /// Real credits not matched to an order, carrying no order reference, and whose amount equals no order's
    /// payable amount on that account. Skipped entirely when the business has no orders in MootaDesk.
    /// Own-account transfers are not customer payments and are left out.
    /// </summary>
    public static IEnumerable<SweepFinding> CreditsWithoutOrder(IEnumerable<SweepMutation> mutations, IReadOnlyCollection<SweepOrder> orders, IReadOnlySet<long> ownTransfers)
    {
        if (orders.Count == 0) yield break;
        var payable = orders.Where(o => o.Status != OrderStatus.Cancelled).Select(o => (o.AccountId, o.PayableAmount)).ToHashSet();
        var references = orders.Select(o => o.Reference.Trim().ToUpperInvariant()).ToHashSet();
        var matched = orders.Where(o => o.MatchedMutationId is not null).Select(o => o.MatchedMutationId!.Value).ToHashSet();
        foreach (var m in mutations)
        {
            if (!m.IsCredit || m.IsSandbox || m.Status == ReconciliationStatus.Matched || matched.Contains(m.Id) || ownTransfers.Contains(m.Id)) continue;
            if (m.OrderReference is { } r && references.Contains(r.Trim().ToUpperInvariant())) continue;
            if (payable.Contains((m.AccountId, m.Amount))) continue;
            yield return new SweepFinding(SweepItemKind.CreditWithoutOrder,
                $"Tidak cocok dengan pesanan mana pun: {Money.Format(m.Amount)} {Trim(m.Counterparty ?? m.Description, 80)}", m.Id, m.AccountId, m.Amount);
        }
    }

    /// <summary>
    /// Moota sent a mutation_id MootaDesk stores with another amount, direction, account or date, and Ops has not decided
    /// yet which version is right: until then the money on that row may be wrong, so Finance sees it too.
    /// </summary>
    public static IEnumerable<SweepFinding> MootaConflicts(IEnumerable<SweepConflict> conflicts)
    {
        foreach (var c in conflicts)
        {
            var parts = new List<string>();
            if (c.Fields.HasFlag(ConflictFields.Amount)) parts.Add($"jumlah {Money.Format(c.StoredAmount)} → {Money.Format(c.IncomingAmount)}");
            if (c.Fields.HasFlag(ConflictFields.Direction)) parts.Add($"arah {Arah(c.StoredDirection)} → {Arah(c.IncomingDirection)}");
            if (c.Fields.HasFlag(ConflictFields.Account)) parts.Add($"rekening → {c.IncomingAccount}");
            if (c.Fields.HasFlag(ConflictFields.Date)) parts.Add($"tanggal {c.StoredBankDate:dd-MM-yyyy} → {c.IncomingBankDate:dd-MM-yyyy}");
            yield return new SweepFinding(SweepItemKind.MootaConflict,
                $"Moota mengirim versi lain mutasi {c.MootaMutationId} ({string.Join(", ", parts)}); belum diputuskan Ops", c.MutationId, c.AccountId, c.StoredAmount);
        }

        static string Arah(Direction d) => d == Direction.Credit ? "masuk" : "keluar";
    }

    /// <summary>
    /// A phone said money came in, and hours later no bank mutation (webhook, pull, import) has said so: either the reader is
    /// behind or the notification was not real money (a fake screenshot forwarded, a wrong account). Ops compares it with the
    /// webhook log, as the 16:30 routine asks.
    /// </summary>
    public static IEnumerable<SweepFinding> UnconfirmedNotifications(IEnumerable<SweepUnconfirmed> rows, DateTime nowUtc)
    {
        foreach (var u in rows)
            yield return new SweepFinding(SweepItemKind.UnconfirmedNotification,
                $"Terbaca di HP {FormatLag(nowUtc - u.ReadTime)} lalu, belum ada mutasi bank: {Money.Format(u.Amount)} {Trim(u.Description, 80)}",
                u.MutationId, u.AccountId, u.Amount);
    }

    private static DateTime? Max(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    private static string FormatLag(TimeSpan lag) =>
        lag.TotalHours >= 24 ? $"{lag.TotalDays:0.#} hari" : lag.TotalHours >= 1 ? $"{lag.TotalHours:0.#} jam" : $"{lag.TotalMinutes:0} menit";

    internal static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
