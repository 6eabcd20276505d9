using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Integrations.Moota;

/// <summary>Where a Moota mutation object came from, and the present (for the "not in the future" rule).</summary>
public sealed record MootaReadContext(MutationSource Source, DateTime UtcNow, long? DeliveryId = null, bool IsSandbox = false);

/// <summary>One element read: either a mutation for the ingestor or the element kept with its reasons, never both.</summary>
public sealed record MootaElementReading(IncomingMutation? Mutation, MootaRejectedElement? Rejected);

/// <summary>
/// Reads one Moota mutation object, the same for webhook elements and API items (/work/shared/docs/moota-format.md).
/// Liberal in shape: amounts and balances as JSON numbers or REST strings ("100123.00"), <c>bank</c> null, unknown fields
/// ignored. Strict in value, because a wrong guess stores wrong money: a mutation needs its id, a positive amount that the
/// store can hold (below <see cref="Money.MaxAmount"/>, at most two decimals), CR or DB, a date from 2000 to a day past now
/// (Jakarta wall time, <see cref="MootaTime"/>), and an account. Strings allow only what Moota writes: digits with an
/// optional "." and one or two decimals, a leading "-" for a balance (overdraft) and never for an amount; "5000-",
/// "1.500.000", "12.000" or "1e5" are refused, not guessed at. Every problem of an element is collected, so Ops sees all of them at once.
/// </summary>
public static partial class MootaMutationReader
{
    /// <summary>Bank code used when Moota sends <c>bank: null</c> and so does not say which bank the account is at.</summary>
    public const string UnknownBankCode = "unknown";

    /// <summary>Reads the element at <paramref name="position"/> (1-based); <paramref name="found"/> are problems the body scan already saw in it.</summary>
    public static MootaElementReading Read(JsonElement e, int position, MootaReadContext context, IReadOnlyList<MootaProblem>? found = null)
    {
        var problems = new List<MootaProblem>(found ?? []);
        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Insert(0, new MootaProblem(MootaProblems.NotObject, e.ValueKind.ToString()));
            return new MootaElementReading(null, new MootaRejectedElement(position, null, problems));
        }

        var id = Text(e, "mutation_id") ?? Text(e, "token");
        id = string.IsNullOrWhiteSpace(id) ? null : id.Trim();
        if (id is null)
            problems.Add(Text(e, "id") is { Length: > 0 } oldId ? new MootaProblem(MootaProblems.OldShape, MootaProblem.Quote(oldId)) : new MootaProblem(MootaProblems.NoId));

        var amount = Amount(e, "amount", problems);

        var typeText = Text(e, "type");
        Direction? direction = (typeText ?? "").Trim().ToUpperInvariant() switch
        {
            "CR" or "CREDIT" or "C" => Direction.Credit,
            "DB" or "DEBIT" or "D" or "DR" => Direction.Debit,
            _ => null,
        };
        if (direction is null) problems.Add(new MootaProblem(MootaProblems.TypeInvalid, MootaProblem.Quote(typeText)));

        var dateText = Text(e, "date");
        MootaInstant? when = null;
        if (string.IsNullOrWhiteSpace(dateText)) problems.Add(new MootaProblem(MootaProblems.DateMissing));
        else if (MootaTime.Parse(dateText) is not { } read) problems.Add(new MootaProblem(MootaProblems.DateUnreadable, MootaProblem.Quote(dateText)));
        else if (!MootaTime.IsPlausible(read, context.UtcNow)) problems.Add(new MootaProblem(MootaProblems.DateOutOfRange, MootaProblem.Quote(dateText)));
        else when = read;

        var bank = e.TryGetProperty("bank", out var b) && b.ValueKind == JsonValueKind.Object ? b : (JsonElement?)null;
        var bankId = Text(e, "bank_id") ?? (bank is { } bk ? Text(bk, "bank_id") : null);
        var accountNumber = Text(e, "account_number") ?? (bank is { } bk2 ? Text(bk2, "account_number") : null);
        if (string.IsNullOrWhiteSpace(accountNumber) && string.IsNullOrWhiteSpace(bankId)) problems.Add(new MootaProblem(MootaProblems.NoAccount));

        var balanceProblems = new List<MootaProblem>();
        var balance = Balance(e, "balance", balanceProblems);
        problems.AddRange(balanceProblems);

        if (problems.Count > 0) return new MootaElementReading(null, new MootaRejectedElement(position, id, problems));

        var account = new IncomingAccount(
            ExternalId: string.IsNullOrWhiteSpace(bankId) ? null : bankId.Trim(),
            BankCode: bank is { } b1 && Text(b1, "bank_type") is { Length: > 0 } code ? code.Trim() : UnknownBankCode,
            AccountNumber: (string.IsNullOrWhiteSpace(accountNumber) ? bankId! : accountNumber).Trim(),
            HolderName: bank is { } b2 ? Text(b2, "atas_nama")?.Trim() : null,
            Label: bank is { } b3 ? Text(b3, "label")?.Trim() : null,
            // The account's balance is context, not a booked value: unreadable means unknown here, never a refusal.
            Balance: bank is { } b4 ? Balance(b4, "balance", []) : null,
            IsSandbox: context.IsSandbox);

        var tags = new List<string>();
        if (e.TryGetProperty("taggings", out var taggings) && taggings.ValueKind == JsonValueKind.Array)
            foreach (var t in taggings.EnumerateArray())
                if (t.ValueKind == JsonValueKind.Object && Text(t, "name") is { Length: > 0 } name) tags.Add(name);
                else if (t.ValueKind == JsonValueKind.String && JsonText.Read(t) is { Length: > 0 } plain) tags.Add(plain);

        var mutation = new IncomingMutation
        {
            Source = context.Source,
            SourceId = id!,
            Account = account,
            TransactionTimeUtc = when!.Value.Utc,
            HasTimeOfDay = when.Value.HasTimeOfDay,
            Description = Text(e, "description")?.Trim() is { Length: > 0 } d ? d : "(tanpa keterangan)",
            Amount = amount!.Value,
            Direction = direction!.Value,
            // Moota sends 0 when it does not know the balance; 0 is never stored as a real balance.
            BalanceAfter = balance is > 0 ? balance : null,
            Note = Text(e, "note"),
            TagNames = tags,
            RawSource = MootaSecrets.MutationRawSource(e),
            WebhookDeliveryId = context.DeliveryId,
            IsSandbox = context.IsSandbox,
        };
        return new MootaElementReading(mutation, null);
    }

    /// <summary>A field as text: strings (broken text repaired) and numbers (their JSON spelling); null for anything else.</summary>
    public static string? Text(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => JsonText.Read(v),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
    }

    /// <summary>A mutation's amount: present, a number Moota would write, positive, at most two decimals, below the store's limit.</summary>
    private static decimal? Amount(JsonElement e, string name, List<MootaProblem> problems)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null || (v.ValueKind == JsonValueKind.String && JsonText.Read(v).Trim().Length == 0))
        {
            problems.Add(new MootaProblem(MootaProblems.AmountMissing));
            return null;
        }
        var value = Number(v, allowSign: false, out var shown, out var tooLarge);
        if (tooLarge)
        {
            problems.Add(new MootaProblem(MootaProblems.AmountTooLarge, shown));
            return null;
        }
        if (value is not decimal amount)
        {
            problems.Add(new MootaProblem(MootaProblems.AmountNotNumber, shown));
            return null;
        }
        if (amount <= 0) problems.Add(new MootaProblem(MootaProblems.AmountNotPositive, shown));
        else if (decimal.Round(amount, 2) != amount) problems.Add(new MootaProblem(MootaProblems.AmountDecimals, shown));
        else return amount;
        return null;
    }

    /// <summary>A balance: absent, null or "" is unknown; otherwise a number Moota would write (a leading "-" allowed for an overdraft).</summary>
    private static decimal? Balance(JsonElement e, string name, List<MootaProblem> problems)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null || (v.ValueKind == JsonValueKind.String && JsonText.Read(v).Trim().Length == 0))
            return null;
        var value = Number(v, allowSign: true, out var shown, out var tooLarge);
        if (value is decimal balance && !tooLarge && decimal.Round(balance, 2) == balance) return balance;
        problems.Add(new MootaProblem(MootaProblems.BalanceNotNumber, shown));
        return null;
    }

    /// <summary>
    /// A JSON number (webhooks) or a string of digits with an optional "." and one or two decimals (REST: "100123.00"; so
    /// "12.000" is refused rather than read as twelve). <paramref name="tooLarge"/>
    /// when the value is a real number beyond what the store holds (including beyond <see cref="decimal"/>, e.g. 1e40).
    /// </summary>
    private static decimal? Number(JsonElement v, bool allowSign, out string shown, out bool tooLarge)
    {
        tooLarge = false;
        switch (v.ValueKind)
        {
            case JsonValueKind.Number:
                shown = MootaProblem.Quote(v.GetRawText());
                if (!v.TryGetDecimal(out var n))
                {
                    tooLarge = true; // a valid JSON number that does not fit a decimal
                    return null;
                }
                if (n < 0 && !allowSign) return n; // the caller says "not positive", which is what it is
                tooLarge = Math.Abs(n) >= Money.MaxAmount;
                return tooLarge ? null : n;
            case JsonValueKind.String:
                var s = JsonText.Read(v).Trim();
                shown = MootaProblem.Quote(s);
                if (!(allowSign ? SignedDecimal() : PlainDecimal()).IsMatch(s)) return null;
                if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    || Math.Abs(parsed) >= Money.MaxAmount)
                {
                    tooLarge = true;
                    return null;
                }
                return parsed;
            default:
                shown = MootaProblem.Quote(v.GetRawText());
                return null;
        }
    }

    [GeneratedRegex(@"^[0-9]+(\.[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainDecimal();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex SignedDecimal();
}
