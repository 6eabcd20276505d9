namespace MootaDesk.Core.OwnerReports.IncomeRhythm;

/// <summary>Money of one local day and hour of the business zone. <see cref="Hour"/> is 0–23, or null when the bank gave
/// only the day (those rows are never put at hour 0).</summary>
public readonly record struct IncomeBucket(DateOnly Day, int? Hour, decimal Amount, int Count);

/// <summary>
/// Money of one UTC hour as a database groups it without knowing the business zone (by the first 13 characters of the
/// stored ISO time, "2026-11-20 12"): <see cref="UtcHourStart"/> is that hour's start; <see cref="HasTimeOfDay"/> false
/// keeps day-only mutations apart.
/// </summary>
public readonly record struct UtcHourTotal(DateTime UtcHourStart, bool HasTimeOfDay, decimal Amount, int Count);

/// <summary>What identifies who paid, as stored (normalised later by <see cref="PayerIdentity"/>).</summary>
public sealed record PayerFields(string? CounterpartyName, string? CounterpartyAccount, string? OrderCustomerPhone, string? OrderCustomerName);

/// <summary>
/// One payer's money in on one local day: <see cref="Amount"/> and <see cref="Count"/> over all their credits that day,
/// <see cref="OrderAmount"/> and <see cref="Orders"/> over those of them that matched an order.
/// </summary>
public sealed record PayerDay(DateOnly Day, PayerFields Payer, decimal Amount, int Count, decimal OrderAmount = 0, int Orders = 0);

/// <summary>
/// Everything the income rhythm computes from, already in local days: small enough to be grouped by the database
/// (a year is at most 366 × 25 buckets), and built from single rows by <see cref="FromEntries"/> for tests and small
/// stores. A loader passes what lies in [<see cref="IncomeRhythmPeriod.LookbackFrom"/>, <see cref="IncomeRhythmPeriod.To"/>]:
/// rows before the period only serve "paid before" and the first month's change.
/// </summary>
/// <param name="Credits">Money in, real credits only.</param>
/// <param name="Payers">Money in per payer and day, the same credits as <paramref name="Credits"/>.</param>
/// <param name="Refunds">Refunds paid out, by day (<see cref="IncomeBucket.Hour"/> is not used).</param>
public sealed record IncomeRhythmFacts(IReadOnlyList<IncomeBucket> Credits, IReadOnlyList<PayerDay> Payers, IReadOnlyList<IncomeBucket> Refunds)
{
    /// <summary>
    /// Turns UTC-hour totals into local day-and-hour buckets of <paramref name="zone"/>. Exact for any zone whose offset is
    /// whole hours at those instants (WIB, WITA, WIT, and daylight-saving zones too: an hour never straddles two local hours).
    /// </summary>
    /// <exception cref="ArgumentException">A start is not on the hour, or the zone's offset there is not whole hours (group by minute then).</exception>
    public static IReadOnlyList<IncomeBucket> BucketsFromUtcHours(IEnumerable<UtcHourTotal> hours, TimeZoneInfo zone)
    {
        var buckets = new Dictionary<(DateOnly, int?), (decimal Amount, int Count)>();
        foreach (var h in hours)
        {
            var utc = DateTime.SpecifyKind(h.UtcHourStart, DateTimeKind.Utc);
            if (utc.Minute != 0 || utc.Second != 0 || utc.Millisecond != 0 || utc.Microsecond != 0)
                throw new ArgumentException($"{utc:yyyy-MM-dd HH:mm:ss.fff} is not the start of an hour.", nameof(hours));
            var offset = zone.GetUtcOffset(utc);
            if (offset.Minutes != 0 || offset.Seconds != 0)
                throw new ArgumentException($"{zone.Id} is UTC+{offset} at {utc:yyyy-MM-dd HH}h: an hour of UTC is not an hour of local time.", nameof(hours));
            var local = utc + offset;
            var key = (DateOnly.FromDateTime(local), h.HasTimeOfDay ? local.Hour : (int?)null);
            var b = buckets.GetValueOrDefault(key);
            buckets[key] = (b.Amount + h.Amount, b.Count + h.Count);
        }
        return buckets.Select(kv => new IncomeBucket(kv.Key.Item1, kv.Key.Item2, kv.Value.Amount, kv.Value.Count)).ToList();
    }

    /// <summary>Groups single mutations by local day (and hour, and payer) of <paramref name="zone"/>.</summary>
    /// <exception cref="ArgumentException">An amount is not positive, or a time is a machine-local <see cref="DateTime"/>.</exception>
    public static IncomeRhythmFacts FromEntries(IEnumerable<IncomeRhythmEntry> entries, TimeZoneInfo zone)
    {
        var credits = new Dictionary<(DateOnly, int?), (decimal Amount, int Count)>();
        var refunds = new Dictionary<DateOnly, (decimal Amount, int Count)>();
        var payers = new Dictionary<(DateOnly, PayerFields), PayerDay>();
        foreach (var e in entries)
        {
            if (e.Amount <= 0) throw new ArgumentException($"Amounts are positive (the direction says which way money went); got {e.Amount}.", nameof(entries));
            if (e.TransactionTimeUtc.Kind == DateTimeKind.Local) throw new ArgumentException("Transaction times must be UTC.", nameof(entries));
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(e.TransactionTimeUtc, DateTimeKind.Utc), zone);
            var day = DateOnly.FromDateTime(local);
            if (e.IsRefund)
            {
                var r = refunds.GetValueOrDefault(day);
                refunds[day] = (r.Amount + e.Amount, r.Count + 1);
                continue;
            }
            var key = (day, e.HasTimeOfDay ? local.Hour : (int?)null);
            var c = credits.GetValueOrDefault(key);
            credits[key] = (c.Amount + e.Amount, c.Count + 1);

            var payer = new PayerFields(e.CounterpartyName, e.CounterpartyAccount, e.OrderCustomerPhone, e.OrderCustomerName);
            var p = payers.GetValueOrDefault((day, payer)) ?? new PayerDay(day, payer, 0, 0);
            payers[(day, payer)] = p with
            {
                Amount = p.Amount + e.Amount, Count = p.Count + 1,
                OrderAmount = p.OrderAmount + (e.OrderAmount ?? 0), Orders = p.Orders + (e.OrderAmount is null ? 0 : 1),
            };
        }
        return new IncomeRhythmFacts(
            credits.Select(kv => new IncomeBucket(kv.Key.Item1, kv.Key.Item2, kv.Value.Amount, kv.Value.Count)).ToList(),
            payers.Values.ToList(),
            refunds.Select(kv => new IncomeBucket(kv.Key, null, kv.Value.Amount, kv.Value.Count)).ToList());
    }
}
