using MootaDesk.Core.Mutations;
using MootaDesk.Core.Orders;

namespace MootaDesk.Core.BankAccounts.Statements;

/// <summary>
/// Direction safety and the file's own arithmetic. When rows carry balances, they are walked in time order
/// (the file's order, or its reverse for a newest-first export): where the balance moves by exactly a row's
/// amount, the direction of that move is the row's true direction, and a row stating the other one is a
/// <see cref="DirectionContradiction"/>. A move by some other amount is a gap (a row missing, or same-day rows
/// listed in another order): reported, not blocking. The money in and out, and the balances, are then compared
/// with what the file's summary states.
/// </summary>
public static class StatementChecks
{
    public sealed record Result(StatementOrder Order, IReadOnlyList<DirectionContradiction> Contradictions, IReadOnlyList<int> Gaps, IReadOnlyList<FooterMismatch> FooterMismatches);

    public static Result Run(IReadOnlyList<StatementRow> rows, StatementFacts facts, MoneyTotal moneyIn, MoneyTotal moneyOut)
    {
        var order = DetectOrder(rows);
        var timeline = order == StatementOrder.NewestFirst ? rows.Reverse().ToList() : rows;
        var contradictions = new List<DirectionContradiction>();
        var gaps = new List<int>();
        var mismatches = new List<FooterMismatch>();

        decimal? previous = facts.OpeningBalance;
        var first = true;
        foreach (var row in timeline)
        {
            if (row.Balance is not decimal balance) { previous = null; first = false; continue; }
            if (previous is decimal before)
            {
                var delta = balance - before;
                if (Math.Abs(delta) == row.Amount)
                {
                    var actual = delta > 0 ? Direction.Credit : Direction.Debit;
                    if (actual != row.Direction)
                        contradictions.Add(new DirectionContradiction(row.Line, row.LocalTime, row.HasTimeOfDay, row.Amount, row.Direction, before, balance));
                }
                else if (first)
                    mismatches.Add(new FooterMismatch(FooterItem.OpeningBalance, before, balance - Signed(row)));
                else
                    gaps.Add(row.Line);
            }
            previous = balance;
            first = false;
        }

        if (facts.ClosingBalance is decimal closing)
        {
            decimal? computed = timeline.Count > 0 && timeline[^1].Balance is decimal last ? last
                : facts.OpeningBalance is decimal opening ? opening + moneyIn.Amount - moneyOut.Amount : null;
            if (computed is decimal c && c != closing) mismatches.Add(new FooterMismatch(FooterItem.ClosingBalance, closing, c));
        }
        Compare(facts.Credits, moneyIn, FooterItem.MoneyIn, FooterItem.CountIn, mismatches);
        Compare(facts.Debits, moneyOut, FooterItem.MoneyOut, FooterItem.CountOut, mismatches);

        contradictions.Sort((a, b) => a.Line.CompareTo(b.Line));
        gaps.Sort();
        return new Result(order, contradictions, gaps, mismatches);
    }

    private static void Compare(StatedTotal? stated, MoneyTotal computed, FooterItem amountItem, FooterItem countItem, List<FooterMismatch> mismatches)
    {
        if (stated is null) return;
        if (stated.Amount != computed.Amount) mismatches.Add(new FooterMismatch(amountItem, stated.Amount, computed.Amount));
        if (stated.Count is int count && count != computed.Count) mismatches.Add(new FooterMismatch(countItem, count, computed.Count));
    }

    private static decimal Signed(StatementRow row) => row.Direction == Direction.Credit ? row.Amount : -row.Amount;

    /// <summary>
    /// Oldest-first or newest-first, by which reading makes the balances follow the amounts more often; by the
    /// dates when the balances cannot tell (no balances, or equally good both ways).
    /// </summary>
    public static StatementOrder DetectOrder(IReadOnlyList<StatementRow> rows)
    {
        if (rows.Count < 2) return StatementOrder.Unknown;
        int forward = 0, backward = 0, later = 0, earlier = 0;
        for (var i = 1; i < rows.Count; i++)
        {
            var (a, b) = (rows[i - 1], rows[i]);
            if (a.Balance is decimal ab && b.Balance is decimal bb)
            {
                if (Math.Abs(bb - ab) == b.Amount) forward++;
                if (Math.Abs(ab - bb) == a.Amount) backward++;
            }
            if (b.LocalTime > a.LocalTime) later++;
            else if (b.LocalTime < a.LocalTime) earlier++;
        }
        if (forward != backward) return forward > backward ? StatementOrder.OldestFirst : StatementOrder.NewestFirst;
        if (later != earlier) return later > earlier ? StatementOrder.OldestFirst : StatementOrder.NewestFirst;
        return StatementOrder.OldestFirst;
    }
}
