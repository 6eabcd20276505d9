namespace MootaDesk.Core.OwnerReports.IncomeRhythm;

/// <summary>Customers who come back within 90 days, average order value and refunds (the rules are on <see cref="CustomerFigures"/>).</summary>
public static class ReturningCustomers
{
    /// <param name="payers">Money in per payer and day, from <see cref="IncomeRhythmPeriod.LookbackFrom"/> to the period's end.</param>
    /// <param name="refunds">Refunds paid out by day; those outside the period are ignored.</param>
    /// <param name="moneyIn">All money in of the period: the base of the refund share.</param>
    public static CustomerFigures Figures(IReadOnlyList<PayerDay> payers, IEnumerable<IncomeBucket> refunds, IncomeRhythmPeriod period, decimal moneyIn)
    {
        var keys = PayerIdentity.Resolve(payers.Select(p => p.Payer).ToList());
        var daysOf = new Dictionary<string, SortedSet<DateOnly>>(StringComparer.Ordinal);
        for (var i = 0; i < payers.Count; i++)
        {
            if (keys[i] is not { } key) continue;
            if (!daysOf.TryGetValue(key, out var days)) daysOf[key] = days = [];
            days.Add(payers[i].Day);
        }

        MoneyFigures identified = MoneyFigures.None, returning = MoneyFigures.None, unidentified = MoneyFigures.None, orders = MoneyFigures.None;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cameBack = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < payers.Count; i++)
        {
            var p = payers[i];
            if (!period.Contains(p.Day)) continue;
            orders = orders.Plus(p.OrderAmount, p.Orders);
            if (keys[i] is not { } key)
            {
                unidentified = unidentified.Plus(p.Amount, p.Count);
                continue;
            }
            identified = identified.Plus(p.Amount, p.Count);
            seen.Add(key);
            // The payer's latest earlier day; the same day again is the same visit, not a return.
            var earlier = daysOf[key].GetViewBetween(p.Day.AddDays(-IncomeRhythmPeriod.LookbackDays), p.Day.AddDays(-1));
            if (earlier.Count == 0) continue;
            returning = returning.Plus(p.Amount, p.Count);
            cameBack.Add(key);
        }

        var refunded = MoneyFigures.None;
        foreach (var r in refunds)
            if (period.Contains(r.Day)) refunded = refunded.Plus(r.Amount, r.Count);

        return new CustomerFigures(seen.Count, cameBack.Count, RhythmMath.Percent(cameBack.Count, seen.Count),
            identified, returning, RhythmMath.Percent(returning.Amount, identified.Amount), unidentified,
            orders, refunded, RhythmMath.Percent(refunded.Amount, moneyIn));
    }
}
