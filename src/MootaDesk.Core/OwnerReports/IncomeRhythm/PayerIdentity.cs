using System.Globalization;
using System.Text;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.OwnerReports.IncomeRhythm;

/// <summary>
/// Who paid, as one number per payer, from what banks and orders tell.
/// <para>
/// <b>Precedence.</b> A matched order's WhatsApp number and the sender's account number are <i>strong</i>: each names one
/// customer, and a payment that carries both ties them together (so a customer seen once by phone and once by account
/// is one payer). A name is <i>weak</i> (banks cut names short, and two customers can share one): the sender's name as the
/// bank wrote it, else the order's customer name. A payment with a strong key is its strong payer. A payment with only a
/// name joins the strong payer that name was seen with, when there is exactly one; a name seen with two different strong
/// payers is ambiguous and stays its own payer rather than be guessed. A payment with neither is unidentified.
/// </para>
/// <para>
/// <b>Normalisation.</b> Names: accents dropped, upper case, words holding a digit dropped (references, amounts,
/// "2111/FTSCY/WS95031"), punctuation to spaces, apostrophes removed, bank words at the start dropped
/// ("TRSF E-BANKING CR", "BI-FAST CR BIF TRANSFER DR", "TRANSFER DARI", "QRIS CR … NMID"), then honorifics at the start
/// ("BPK", "BAPAK", "IBU", "SDR", "SDRI", "TN", "NY", "MR", "KAK", "MBAK", "HJ" …), spaces collapsed; fewer than three
/// letters is no name. Company forms ("PT", "CV") stay: PT ABC and CV ABC are different payers. Phones: digits only,
/// "08…" and "8…" become "628…" (<see cref="WhatsAppNumber"/>, the form orders store); fewer than ten digits is no
/// phone. Accounts: digits only, at least six, and a masked number ("****1234") is no account.
/// </para>
/// </summary>
public static class PayerIdentity
{
    /// <summary>"BPK. Budi  Santoso" → "BUDI SANTOSO"; null when nothing name-like is left.</summary>
    public static string? NormalizeName(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var words = new List<string>();
        foreach (var part in raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Any(char.IsDigit)) continue;
            words.AddRange(Letters(part).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        var start = 0;
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var phrase in BankPhrases)
            {
                if (!StartsWith(words, start, phrase)) continue;
                start += phrase.Length;
                stripped = true;
                break;
            }
        }
        while (start < words.Count && Honorifics.Contains(words[start])) start++;
        var name = string.Join(' ', words.Skip(start));
        return name.Count(char.IsLetter) >= 3 ? name : null;
    }

    /// <summary>"+62 812-3456-7890", "0812 3456 7890" and "812-3456-7890" → "6281234567890" (the wa.me form orders already
    /// store); null when too short or too long for a phone.</summary>
    public static string? NormalizePhone(string? raw) => WhatsAppNumber.Normalize(raw);

    /// <summary>"123-456-7890" → "1234567890"; null when shorter than six digits or masked.</summary>
    public static string? NormalizeAccount(string? raw)
    {
        if (raw is null || raw.Contains('*') || raw.Contains('x', StringComparison.OrdinalIgnoreCase)) return null;
        var digits = Digits(raw);
        return digits.Length >= 6 ? digits : null;
    }

    /// <summary>
    /// One payer number per item of <paramref name="payers"/>, in order: equal numbers are the same payer, null is
    /// unidentified. Numbers run from 0 without gaps and mean nothing outside one call.
    /// </summary>
    public static IReadOnlyList<int?> Resolve(IReadOnlyList<PayerFields> payers)
    {
        // A year holds hundreds of thousands of payer-days but far fewer distinct payers: normalise each tuple once.
        var tupleOf = new Dictionary<PayerFields, int>();
        var tuples = new List<PayerFields>();
        var indexes = new int[payers.Count];
        for (var i = 0; i < payers.Count; i++)
        {
            if (!tupleOf.TryGetValue(payers[i], out var t))
            {
                tupleOf[payers[i]] = t = tuples.Count;
                tuples.Add(payers[i]);
            }
            indexes[i] = t;
        }

        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? Name(string? raw)
        {
            if (raw is null) return null;
            if (!names.TryGetValue(raw, out var name)) names[raw] = name = NormalizeName(raw);
            return name;
        }
        var normalized = tuples.Select(p => (
            Phone: NormalizePhone(p.OrderCustomerPhone) is { } phone ? "phone:" + phone : null,
            Account: NormalizeAccount(p.CounterpartyAccount) is { } account ? "account:" + account : null,
            Name: Name(p.CounterpartyName) ?? Name(p.OrderCustomerName))).ToList();

        var strong = new DisjointSets();
        foreach (var (phone, account, _) in normalized)
        {
            if (phone is not null) strong.Add(phone);
            if (account is not null) strong.Add(account);
            if (phone is not null && account is not null) strong.Union(phone, account);
        }

        var strongByName = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (phone, account, name) in normalized)
        {
            if (name is null || (phone ?? account) is not { } key) continue;
            if (!strongByName.TryGetValue(name, out var roots)) strongByName[name] = roots = [];
            roots.Add(strong.Find(key));
        }

        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var payerOfTuple = normalized.Select(n =>
        {
            var key = (n.Phone ?? n.Account) is { } strongKey ? strong.Find(strongKey)
                : n.Name is null ? null
                : strongByName.TryGetValue(n.Name, out var roots) && roots.Count == 1 ? roots.First()
                : "name:" + n.Name;
            if (key is null) return (int?)null;
            if (!numbers.TryGetValue(key, out var number)) numbers[key] = number = numbers.Count;
            return number;
        }).ToList();
        return indexes.Select(t => payerOfTuple[t]).ToList();
    }

    private static string Letters(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019' or '`') continue;
            sb.Append(char.IsLetter(c) ? char.ToUpperInvariant(c) : ' ');
        }
        return sb.ToString();
    }

    private static string Digits(string raw) => string.Concat(raw.Where(char.IsAsciiDigit));

    private static bool StartsWith(List<string> words, int start, string[] phrase)
    {
        if (words.Count - start < phrase.Length) return false;
        for (var i = 0; i < phrase.Length; i++)
            if (words[start + i] != phrase[i]) return false;
        return true;
    }

    // Longest first, so "BI FAST CR BIF TRANSFER DR" goes before "BI FAST CR". Words only: numbers are already gone.
    private static readonly string[][] BankPhrases =
    [
        .. new[]
        {
            "TRSF E BANKING CR", "TRSF E BANKING DB", "TRSF EBANKING CR", "TRSF EBANKING DB", "BI FAST CR BIF TRANSFER DR",
            "BI FAST CR", "BIF TRANSFER DR", "SWITCHING CR", "MCM INHOUSETRF", "CS CS", "TRANSFER DARI", "TRF DARI", "KR OTOMATIS",
            "QRIS CR", "NMID", "TRANSFER", "TRSF", "TRF", "DARI", "CR", "KR",
        }.Select(p => p.Split(' ')).OrderByDescending(p => p.Length),
    ];

    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "BPK", "BAPAK", "BP", "IBU", "SDR", "SDRI", "SAUDARA", "SAUDARI", "TN", "TUAN", "NY", "NYONYA", "NN", "NONA",
        "MR", "MRS", "MS", "MISS", "KAK", "MBAK", "HJ",
    };

    /// <summary>Union–find over string keys (path halving).</summary>
    private sealed class DisjointSets
    {
        private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);

        public void Add(string key) => _parent.TryAdd(key, key);

        public string Find(string key)
        {
            while (_parent[key] != key)
            {
                _parent[key] = _parent[_parent[key]];
                key = _parent[key];
            }
            return key;
        }

        public void Union(string a, string b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb) _parent[rb] = ra;
        }
    }
}
