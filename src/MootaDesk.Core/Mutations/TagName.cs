using System.Globalization;
using System.Text;

namespace MootaDesk.Core.Mutations;

/// <summary>Rules for tag names, so the team never ends up with "Refund", "refund " and "Re-fund" side by side.</summary>
public static class TagName
{
    /// <summary>Folds case, spaces, punctuation and diacritics: "Supplier A", "supplier-a" and "SUPPLIER_A" are the same tag.</summary>
    public static string Normalize(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>The trimmed display form with inner runs of white space collapsed.</summary>
    public static string Clean(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Near duplicates are worth a warning, not a refusal: one edit apart ("Refund"/"Refun"), or one name
    /// contained in the other once folded, when both are at least four characters.
    /// </summary>
    public static bool IsNearDuplicate(string a, string b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        if (x.Length == 0 || y.Length == 0 || x == y) return false;
        if (Math.Min(x.Length, y.Length) >= 4 && (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal)))
            return true;
        return Math.Min(x.Length, y.Length) >= 3 && EditDistanceAtMostOne(x, y);
    }

    /// <summary>
    /// Whether two glossary meanings say the same thing, worth a warning so the team does not keep two tags for one idea:
    /// equal once case, punctuation and diacritics are folded, or (for meanings of three words or more) sharing at least
    /// three quarters of their words. Empty meanings repeat nothing.
    /// </summary>
    public static bool MeaningRepeats(string? a, string? b)
    {
        var x = MeaningWords(a);
        var y = MeaningWords(b);
        if (x.Count == 0 || y.Count == 0) return false;
        if (x.SetEquals(y)) return true;
        if (Math.Min(x.Count, y.Count) < 3) return false;
        var shared = x.Intersect(y).Count();
        return shared * 4 >= x.Union(y).Count() * 3;
    }

    private static HashSet<string> MeaningWords(string? meaning) =>
        (meaning ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Normalize).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        if (a.Length > b.Length) (a, b) = (b, a);
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length == b.Length) i++;
            j++;
        }
        return edits + (b.Length - j) + (a.Length - i) <= 1;
    }
}
