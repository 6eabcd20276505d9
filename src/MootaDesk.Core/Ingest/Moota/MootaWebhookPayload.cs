using System.Globalization;
using System.Text.Json;
using MootaDesk.Core.Domain;
using MootaDesk.Core.Formatting;

namespace MootaDesk.Core.Ingest.Moota;

/// <summary>A payload that cannot be turned into mutations; the message says which element and why, in plain words.</summary>
public sealed class MootaPayloadException(string message) : Exception(message);

/// <summary>
/// Reads Moota's mutation objects leniently: amounts and balances as numbers or strings, `bank` may be null,
/// `meta` any JSON, unknown fields ignored, dates in the business time zone ("00:00:00" = only the day is real).
/// Strict only where a wrong guess would store wrong money: id, amount, direction, date.
/// </summary>
public static class MootaWebhookPayload
{
    /// <summary>Bank code used when Moota sends `bank: null` and so does not say which bank the account is at.</summary>
    public const string UnknownBankCode = "unknown";

    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];

    /// <summary>True when the bytes are one well-formed JSON array (the only shape Moota sends).</summary>
    public static bool IsJsonArray(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return false;
            reader.Skip();
            while (reader.Read()) { }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Every element of a webhook body, as mutations ready for the ingestor.</summary>
    public static IReadOnlyList<IncomingMutation> Parse(ReadOnlyMemory<byte> body, TimeZoneInfo zone, MutationSource source,
        long? deliveryId = null, bool isSandbox = false)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new MootaPayloadException($"The body is not valid JSON: {ex.Message}");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw new MootaPayloadException("The body is not a JSON array of mutations.");
            var list = new List<IncomingMutation>(doc.RootElement.GetArrayLength());
            var index = 0;
            foreach (var element in doc.RootElement.EnumerateArray())
            {
                list.Add(ParseOne(element, zone, source, deliveryId, isSandbox, index));
                index++;
            }
            return list;
        }
    }

    public static IncomingMutation ParseOne(JsonElement e, TimeZoneInfo zone, MutationSource source, long? deliveryId, bool isSandbox, int index = 0)
    {
        string Where() => $"Mutation #{index + 1}";
        if (e.ValueKind != JsonValueKind.Object) throw new MootaPayloadException($"{Where()} is not an object.");

        var id = Text(e, "mutation_id") ?? Text(e, "token");
        if (string.IsNullOrWhiteSpace(id)) throw new MootaPayloadException($"{Where()} has no mutation_id.");
        var at = $"{Where()} ({id})";

        var amount = Number(e, "amount") ?? throw new MootaPayloadException($"{at}: amount is missing or not a number.");
        if (amount <= 0) throw new MootaPayloadException($"{at}: amount must be positive, got {amount.ToString(CultureInfo.InvariantCulture)}.");
        if (decimal.Round(amount, 2) != amount) throw new MootaPayloadException($"{at}: amount has more than two decimals.");

        var direction = (Text(e, "type") ?? "").Trim().ToUpperInvariant() switch
        {
            "CR" or "CREDIT" or "C" => Direction.Credit,
            "DB" or "DEBIT" or "D" or "DR" => Direction.Debit,
            var other => throw new MootaPayloadException($"{at}: type must be CR or DB, got \"{other}\"."),
        };

        var dateText = Text(e, "date") ?? throw new MootaPayloadException($"{at}: date is missing.");
        var (utc, hasTime) = ParseDate(dateText, zone) ?? throw new MootaPayloadException($"{at}: date \"{dateText}\" is not YYYY-MM-DD HH:mm:ss.");

        var bank = e.TryGetProperty("bank", out var b) && b.ValueKind == JsonValueKind.Object ? b : (JsonElement?)null;
        var bankId = Text(e, "bank_id") ?? (bank is { } bk ? Text(bk, "bank_id") : null);
        var accountNumber = Text(e, "account_number") ?? (bank is { } bk2 ? Text(bk2, "account_number") : null);
        if (string.IsNullOrWhiteSpace(accountNumber) && string.IsNullOrWhiteSpace(bankId))
            throw new MootaPayloadException($"{at}: neither bank_id nor account_number says which account it belongs to.");

        var account = new IncomingAccount(
            ExternalId: string.IsNullOrWhiteSpace(bankId) ? null : bankId.Trim(),
            BankCode: bank is { } b1 && Text(b1, "bank_type") is { Length: > 0 } code ? code.Trim() : UnknownBankCode,
            AccountNumber: (accountNumber ?? bankId!).Trim(),
            HolderName: bank is { } b2 ? Text(b2, "atas_nama")?.Trim() : null,
            Label: bank is { } b3 ? Text(b3, "label")?.Trim() : null,
            Balance: bank is { } b4 ? Number(b4, "balance") : null,
            IsSandbox: isSandbox);

        var balance = Number(e, "balance");
        var tags = new List<string>();
        if (e.TryGetProperty("taggings", out var taggings) && taggings.ValueKind == JsonValueKind.Array)
            foreach (var t in taggings.EnumerateArray())
                if (t.ValueKind == JsonValueKind.Object && Text(t, "name") is { Length: > 0 } name) tags.Add(name);
                else if (t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } plain) tags.Add(plain);

        return new IncomingMutation
        {
            Source = source,
            SourceId = id.Trim(),
            Account = account,
            TransactionTimeUtc = utc,
            HasTimeOfDay = hasTime,
            BankDate = BankDateOf(dateText),
            Description = Text(e, "description")?.Trim() is { Length: > 0 } d ? d : "(tanpa keterangan)",
            Amount = amount,
            Direction = direction,
            // Moota sends 0 when it does not know the balance; 0 is never stored as a real balance.
            BalanceAfter = balance is > 0 ? balance : null,
            Note = Text(e, "note"),
            TagNames = tags,
            RawSource = e.GetRawText(),
            WebhookDeliveryId = deliveryId,
            IsSandbox = isSandbox,
        };
    }

    /// <summary>Moota's local "YYYY-MM-DD HH:mm:ss" to UTC; a time of exactly 00:00:00 means only the day is known.</summary>
    public static (DateTime Utc, bool HasTimeOfDay)? ParseDate(string text, TimeZoneInfo zone)
    {
        var s = text.Trim();
        if (DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
            return (utc, local.TimeOfDay != TimeSpan.Zero);
        }
        // An ISO time with an explicit offset ("2026-11-20T07:31:12.000000Z") says its own zone.
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset) && s.Contains('T'))
            return (withOffset.UtcDateTime, true);
        return null;
    }

    /// <summary>The day exactly as Moota wrote it ("2026-11-30 05:26:30" → 30 Nov): the bank's date, whatever zone the time is read in.</summary>
    public static DateOnly? BankDateOf(string text) =>
        DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? DateOnly.FromDateTime(local) : null;

    private static string? Text(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
    }

    /// <summary>A number given as a JSON number (webhooks) or a string (REST: "100123.00").</summary>
    private static decimal? Number(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        switch (v.ValueKind)
        {
            case JsonValueKind.Number:
                return v.TryGetDecimal(out var n) ? n : null;
            case JsonValueKind.String:
                var s = v.GetString();
                if (string.IsNullOrWhiteSpace(s)) return null;
                if (decimal.TryParse(s.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)) return parsed;
                return Money.TryParse(s, out var loose) ? loose : throw new MootaPayloadException($"\"{name}\" is not a number: \"{s}\".");
            default:
                return null;
        }
    }
}
