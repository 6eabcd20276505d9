using System.Globalization;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Sweep;

public sealed record ImportantOutflow(string Name, decimal Amount);


public sealed record OwnerSummaryInput(
    decimal Income,
    int IncomeCount,
    IReadOnlyList<ImportantOutflow> ImportantOutflows,
    PendingOrdersFigure PendingOrders,
    int RefundCount,
    decimal RefundTotal,
    IReadOnlyList<string> UnresolvedNotes);

/// <summary>The five lines the owner reads, always five, one fact each, in Indonesian (sent by WhatsApp).</summary>
public sealed record OwnerSummary(string Income, string Outflows, string PendingOrders, string Refunds, string Notes)
{
    /// <summary>Longest stored line, in characters (the notes line may be longer: <see cref="NotesMaxLength"/>).</summary>
    public const int LineMaxLength = 1000;
    public const int NotesMaxLength = 2000;

    public static readonly OwnerSummary Empty = new("", "", "", "", "");

    public IReadOnlyList<string> Lines => [Income, Outflows, PendingOrders, Refunds, Notes];

    public string ToText() => string.Join('\n', Lines);

    /// <summary>
    /// "Ringkasan Toko Maju, Sabtu 21 November 2026": the line a message to the owner starts with, so a forwarded or
    /// late-read summary says which shop and which day it covers. Not one of the five lines (those stay five).
    /// </summary>
    public static string Heading(string business, DateOnly day) =>
        $"Ringkasan {business.Trim()}, {day.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"))}";

    /// <summary>The message the owner reads (WhatsApp, e-mail, API text): <see cref="Heading"/>, then the five lines.</summary>
    public string ToMessage(string business, DateOnly day) => Heading(business, day) + "\n" + ToText();

    /// <summary>An edited line stays one line: line breaks inside it would break "exactly five lines".</summary>
    public static string OneLine(string? text) =>
        string.Join(' ', (text ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim();

    public OwnerSummary Normalized() => new(OneLine(Income), OneLine(Outflows), OneLine(PendingOrders), OneLine(Refunds), OneLine(Notes));

    /// <summary>Each line on one line and cut to what its column holds (<see cref="LineMaxLength"/>, <see cref="NotesMaxLength"/>).</summary>
    public OwnerSummary ForStorage() => new(OneLine(Income, LineMaxLength), OneLine(Outflows, LineMaxLength), OneLine(PendingOrders, LineMaxLength),
        OneLine(Refunds, LineMaxLength), OneLine(Notes, NotesMaxLength));

    /// <summary><see cref="OneLine(string?)"/>, cut to at most <paramref name="max"/> characters.</summary>
    public static string OneLine(string? text, int max)
    {
        var t = OneLine(text);
        return t.Length > max ? t[..max] : t;
    }
}

public static class OwnerSummaryBuilder
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public static OwnerSummary Build(OwnerSummaryInput input, BusinessClock clock)
    {
        var income = $"Pemasukan: {Money.Format(input.Income)} ({input.IncomeCount.ToString("N0", Id)} transaksi)";

        var top = input.ImportantOutflows.OrderByDescending(o => o.Amount).ThenBy(o => o.Name, StringComparer.Ordinal).Take(3).ToList();
        var outflows = top.Count == 0
            ? "Pengeluaran penting: tidak ada"
            : "Pengeluaran penting: " + string.Join("; ", top.Select(o => $"{o.Name} {Money.Format(o.Amount)}"))
              + (input.ImportantOutflows.Count > 3 ? $" (+{input.ImportantOutflows.Count - 3} lainnya)" : "");

        var p = input.PendingOrders;
        var pending = p.Count == 0
            ? "Pesanan menunggu bayar: tidak ada"
            : $"Pesanan menunggu bayar: {p.Count.ToString("N0", Id)} ({Money.Format(p.Total)})"
              + (p.OldestCreatedAtUtc is DateTime oldest ? $", tertua sejak {clock.FormatDateTime(oldest, Id)}" : "");

        var refunds = input.RefundCount == 0
            ? "Refund: tidak ada"
            : $"Refund: {input.RefundCount.ToString("N0", Id)} ({Money.Format(input.RefundTotal)})";

        var notes = input.UnresolvedNotes.Count == 0
            ? "Catatan: tidak ada catatan khusus"
            : "Catatan: " + string.Join("; ", input.UnresolvedNotes);

        return new OwnerSummary(income, outflows, pending, refunds, notes).Normalized();
    }
}
