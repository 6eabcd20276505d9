using System.Globalization;
using System.Text;

namespace MootaDesk.Core.Proof;

/// <summary>
/// "Is this the customer's name?" for bank descriptions, where names arrive cut short, in capitals, with
/// typos and with bank words around them ("TRSF E-BANKING CR 2111/FTSCY/WS95031 150123.00 BUDI SANTOSO").
/// Each word the CS agent typed is matched to the closest word of the record: exact, a prefix, or within a
/// small edit distance. The score ranks results; zero means no match.
/// </summary>
public static class SenderNameMatcher
{
    public static IReadOnlyList<string> Tokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>0 when some typed word has no close word in the record; otherwise higher is closer (at most 1).</summary>
    public static double Score(string query, params string?[] fields) => Score(Tokens(query), fields.SelectMany(Tokens).Distinct().ToList());

    public static double Score(IReadOnlyList<string> queryTokens, IReadOnlyList<string> recordTokens)
    {
        var words = queryTokens.Where(t => t.Length >= 2 || queryTokens.Count == 1).ToList();
        if (words.Count == 0 || recordTokens.Count == 0) return 0;
        double total = 0;
        foreach (var q in words)
        {
            double best = 0;
            foreach (var r in recordTokens)
            {
                best = Math.Max(best, WordScore(q, r));
                if (best >= 1) break;
            }
            if (best == 0) return 0;
            total += best;
        }
        return total / words.Count;
    }

    private static double WordScore(string typed, string word)
    {
        if (typed == word) return 1;
        // A cut-off name in the bank record ("SANTOS" for "Santoso"), or a short form typed ("budi" for "budiman").
        if (typed.Length >= 3 && word.Length >= 3 && (word.StartsWith(typed, StringComparison.Ordinal) || typed.StartsWith(word, StringComparison.Ordinal)))
            return 0.9 * Math.Min(typed.Length, word.Length) / Math.Max(typed.Length, word.Length) + 0.05;
        var allowed = typed.Length <= 3 ? 0 : typed.Length <= 5 ? 1 : typed.Length <= 9 ? 2 : 3;
        if (allowed == 0 || Math.Abs(typed.Length - word.Length) > allowed) return 0;
        var d = Distance(typed, word, allowed);
        return d <= allowed ? 0.85 - 0.15 * d : 0;
    }

    /// <summary>Damerau (optimal string alignment) distance, stopping early once it exceeds <paramref name="max"/>.</summary>
    public static int Distance(string a, string b, int max = int.MaxValue)
    {
        var prev2 = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max) return rowMin;
            (prev2, prev, cur) = (prev, cur, prev2);
        }
        return prev[b.Length];
    }
}
