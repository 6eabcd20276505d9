using MootaDesk.Core.Mutations;

namespace MootaDesk.Core.Sweep;

/// <summary>
/// Money moved between the business's own accounts is not income (and not an outflow). The rule, in order:
/// <list type="number">
/// <item>A debit in one own (non-sandbox) account and a credit of exactly the same amount in a different own
/// account, within <see cref="AnomalyThresholds.OwnTransferSpan"/> of each other, are a pair. Each debit
/// takes the nearest unpaired credit in time, so two equal transfers pair one-to-one.</item>
/// <item>A credit whose counterparty (once folded like tag names) is the holder name of one of the own accounts
/// came from the owner's own account, even at a bank MootaDesk does not read.</item>
/// </list>
/// </summary>
public static class OwnTransferDetector
{
    public static IReadOnlySet<long> Detect(IReadOnlyList<SweepMutation> mutations, IReadOnlyList<SweepAccount> accounts, TimeSpan span)
    {
        var own = accounts.Where(a => !a.IsSandbox).Select(a => a.Id).ToHashSet();
        var result = new HashSet<long>();
        var creditsByAmount = new Dictionary<decimal, List<SweepMutation>>();
        foreach (var m in mutations)
        {
            if (!m.IsCredit || m.IsSandbox || !own.Contains(m.AccountId)) continue;
            if (!creditsByAmount.TryGetValue(m.Amount, out var list)) creditsByAmount[m.Amount] = list = [];
            list.Add(m);
        }

        // Each amount's credits in time order, so a debit looks only at those within the span of it (a binary search), not at
        // every credit of the same amount: a year of a busy store has hundreds of thousands of both.
        foreach (var list in creditsByAmount.Values) list.Sort((a, b) => a.TransactionTime != b.TransactionTime ? a.TransactionTime.CompareTo(b.TransactionTime) : a.Id.CompareTo(b.Id));
        foreach (var debit in mutations.Where(m => !m.IsCredit && !m.IsSandbox && own.Contains(m.AccountId)).OrderBy(m => m.TransactionTime).ThenBy(m => m.Id))
        {
            if (!creditsByAmount.TryGetValue(debit.Amount, out var candidates)) continue;
            SweepMutation? best = null;
            var bestGap = TimeSpan.MaxValue;
            var from = debit.TransactionTime - span;
            int lo = 0, hi = candidates.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (candidates[mid].TransactionTime < from) lo = mid + 1; else hi = mid;
            }
            for (var i = lo; i < candidates.Count && candidates[i].TransactionTime <= debit.TransactionTime + span; i++)
            {
                var c = candidates[i];
                if (c.AccountId == debit.AccountId || result.Contains(c.Id)) continue;
                // The earlier of two credits equally near wins, as in time order before.
                var gap = (c.TransactionTime - debit.TransactionTime).Duration();
                if (gap < bestGap) { best = c; bestGap = gap; }
            }
            if (best is null) continue;
            result.Add(best.Id);
            result.Add(debit.Id);
        }

        var holders = accounts.Where(a => !a.IsSandbox).Select(a => TagName.Normalize(a.HolderName)).Where(h => h.Length >= 3).ToHashSet();
        if (holders.Count > 0)
        {
            foreach (var m in mutations)
            {
                if (m.IsCredit && !m.IsSandbox && own.Contains(m.AccountId) && m.Counterparty is { Length: > 0 } cp && holders.Contains(Fold(cp)))
                    result.Add(m.Id);
            }
        }
        return result;
    }

    /// <summary><see cref="TagName.Normalize"/> with an ASCII fast path: bank descriptions are ASCII, and this runs once per credit.</summary>
    private static string Fold(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (c > 127) return TagName.Normalize(text);
            if (char.IsAsciiLetterOrDigit(c)) buffer[n++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..n]);
    }
}
