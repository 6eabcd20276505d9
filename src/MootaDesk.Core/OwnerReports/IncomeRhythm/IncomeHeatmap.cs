namespace MootaDesk.Core.OwnerReports.IncomeRhythm;

/// <summary>
/// Money in by weekday and hour of the business zone, and the busiest stretches named in words.
/// <para>
/// <b>Busiest stretches.</b> The cell with the most money (ties: more payments, then earlier weekday and hour) is a peak;
/// its stretch grows hour by hour on both sides, within the same weekday, while the next hour brings at least half of
/// the peak's money and is not in an earlier stretch. The next peak is the busiest cell not yet used; three stretches
/// at most, listed by their money (a later peak's stretch can outgrow an earlier one's). A stretch never crosses
/// midnight: Friday 23.00 and Saturday 00.00 are different days to a shop. Shares are of all money in of the period,
/// the time-unknown row included, so the sentence "14% dari pemasukan" stays true of the whole income.
/// </para>
/// </summary>
public static class IncomeHeatmap
{
    /// <summary>How many stretches are named.</summary>
    public const int BusiestCount = 3;

    /// <summary>A neighbour joins a peak's stretch when it brings at least this share of the peak's money.</summary>
    public const decimal NeighbourShare = 0.5m;

    /// <summary>The 168 cells (Monday 0:00 first) and the seven time-unknown rows of the buckets in <paramref name="period"/>.</summary>
    public static (IReadOnlyList<HeatmapCell> Cells, IReadOnlyList<TimeUnknownDay> TimeUnknown) Build(IEnumerable<IncomeBucket> buckets, IncomeRhythmPeriod period)
    {
        var amounts = new decimal[7, 24];
        var counts = new int[7, 24];
        var unknownAmounts = new decimal[7];
        var unknownCounts = new int[7];
        foreach (var b in buckets)
        {
            if (!period.Contains(b.Day)) continue;
            var w = RhythmMath.Weekday(b.Day) - 1;
            if (b.Hour is int h)
            {
                if (h is < 0 or > 23) throw new ArgumentException($"An hour is 0–23; got {h}.", nameof(buckets));
                amounts[w, h] += b.Amount;
                counts[w, h] += b.Count;
            }
            else
            {
                unknownAmounts[w] += b.Amount;
                unknownCounts[w] += b.Count;
            }
        }
        var cells = new List<HeatmapCell>(7 * 24);
        for (var w = 0; w < 7; w++)
            for (var h = 0; h < 24; h++)
                cells.Add(new HeatmapCell(w + 1, h, amounts[w, h], counts[w, h]));
        var unknown = Enumerable.Range(0, 7).Select(w => new TimeUnknownDay(w + 1, unknownAmounts[w], unknownCounts[w])).ToList();
        return (cells, unknown);
    }

    /// <summary>Up to <see cref="BusiestCount"/> busiest stretches of <paramref name="cells"/>, most money first (ties: the earlier
    /// peak); none when <paramref name="moneyIn"/> is zero.</summary>
    public static IReadOnlyList<BusyHours> Busiest(IReadOnlyList<HeatmapCell> cells, decimal moneyIn)
    {
        if (moneyIn <= 0) return [];
        var grid = cells.ToDictionary(c => (c.Weekday, c.Hour));
        var used = new HashSet<(int, int)>();
        var peaks = cells.Where(c => c.Amount > 0)
            .OrderByDescending(c => c.Amount).ThenByDescending(c => c.Count).ThenBy(c => c.Weekday).ThenBy(c => c.Hour);
        var result = new List<BusyHours>();
        foreach (var peak in peaks)
        {
            if (result.Count == BusiestCount) break;
            if (used.Contains((peak.Weekday, peak.Hour))) continue;
            var threshold = peak.Amount * NeighbourShare;
            // The threshold is the peak's, so each side grows on its own: the stretch is the unbroken run of joinable hours around the peak.
            int from = peak.Hour, to = peak.Hour; // inclusive while growing
            while (Joinable(from - 1)) from--;
            while (Joinable(to + 1)) to++;
            var stretch = Enumerable.Range(from, to - from + 1).Select(h => grid[(peak.Weekday, h)]).ToList();
            foreach (var c in stretch) used.Add((c.Weekday, c.Hour));
            var amount = stretch.Sum(c => c.Amount);
            result.Add(new BusyHours(peak.Weekday, from, to + 1, amount, stretch.Sum(c => c.Count), RhythmMath.Percent(amount, moneyIn)!.Value));

            bool Joinable(int hour) =>
                hour is >= 0 and <= 23 && !used.Contains((peak.Weekday, hour)) && grid[(peak.Weekday, hour)].Amount is var a && a > 0 && a >= threshold;
        }
        // A stable sort: equal stretches stay in peak order.
        return result.OrderByDescending(b => b.Amount).ToList();
    }
}
