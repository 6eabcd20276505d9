namespace MootaDesk.Core.OwnerReports.IncomeRhythm;

/// <summary>Customers who come back within 90 days, average order value and refunds (the rules are on <see cref="CustomerFigures"/>).</summary>
public static class ReturningCustomers
{
    /// <param name="payers">Money in per payer and day, from <see cref="IncomeRhythmPeriod.LookbackFrom"/> to the period's end.</param>
    /// <param name="refunds">Refunds paid out by day; those outside the period are ignored.</param>
    /// <param name="moneyIn">All money in of the period: the base of the refund share.</param>
    public static CustomerFigures Figures(IReadOnlyList<PayerDay> payers, IEnumerable<IncomeBucket> refunds, IncomeRhythmPeriod period, decimal moneyIn)
    {
        var payerOf = PayerIdentity.Resolve(payers.Select(p => p.Payer).ToList());
        var payerCount = payerOf.Max() + 1 ?? 0;
        var daysOf = new List<DateOnly>[payerCount];
        for (var i = 0; i < payers.Count; i++)
            if (payerOf[i] is int payer) (daysOf[payer] ??= []).Add(payers[i].Day);
        foreach (var days in daysOf) days.Sort();

        Sum identified = default, returning = default, unidentified = default, orders = default, refunded = default;
        var seen = new bool[payerCount];
        var cameBack = new bool[payerCount];
        for (var i = 0; i < payers.Count; i++)
        {
            var p = payers[i];
            if (!period.Contains(p.Day)) continue;
            orders.Add(p.OrderAmount, p.Orders);
            if (payerOf[i] is not int payer)
            {
                unidentified.Add(p.Amount, p.Count);
                continue;
            }
            identified.Add(p.Amount, p.Count);
            seen[payer] = true;
            if (!PaidWithinLookback(daysOf[payer], p.Day)) continue;
            returning.Add(p.Amount, p.Count);
            cameBack[payer] = true;
        }
        foreach (var r in refunds)
            if (period.Contains(r.Day)) refunded.Add(r.Amount, r.Count);

        int payersSeen = seen.Count(x => x), payersBack = cameBack.Count(x => x);
        return new CustomerFigures(payersSeen, payersBack, RhythmMath.Percent(payersBack, payersSeen),
            identified.Figures, returning.Figures, RhythmMath.Percent(returning.Amount, identified.Amount), unidentified.Figures,
            orders.Figures, refunded.Figures, RhythmMath.Percent(refunded.Amount, moneyIn));
    }

    /// <summary>Whether the payer's latest earlier day (sorted <paramref name="days"/>) is at most 90 days before <paramref name="day"/>;
    /// the same day again is the same visit, not a return.</summary>
    private static bool PaidWithinLookback(List<DateOnly> days, DateOnly day)
    {
        var at = days.BinarySearch(day);
        if (at < 0) at = ~at;
        // BinarySearch may land on any of several equal days: step back to the first of them.
        while (at > 0 && days[at - 1] == day) at--;
        return at > 0 && day.DayNumber - days[at - 1].DayNumber <= IncomeRhythmPeriod.LookbackDays;
    }

    private struct Sum
    {
        public decimal Amount;
        public int Count;

        public void Add(decimal amount, int count)
        {
            Amount += amount;
            Count += count;
        }

        public readonly MoneyFigures Figures => MoneyFigures.Of(Amount, Count);
    }
}
