using System.Globalization;
using MootaDesk.Core.Shared;

namespace MootaDesk.Web.Platform.Components;

/// <summary>Labels for MudBlazor charts of money over days, written once for Beranda and the owner's reports.</summary>
public static class ChartLabels
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>The value axis in millions from Rp 1 jt ("Rp 12,5 jt"), in rupiah below ("Rp 750.000"); Indonesian grouping either way.</summary>
    public static string Money(decimal value) =>
        value >= 1_000_000 ? $"Rp {(value / 1_000_000).ToString("0.#", Indonesian)} jt" : MootaDesk.Core.Shared.Money.Format(value);

    /// <summary>
    /// One label every <paramref name="every"/> days counted back from the last day ("30 Nov", "25 Nov", …) and "" between, so
    /// thirty bars keep labels that never run into each other even at half the width of a 1366-pixel screen.
    /// </summary>
    public static string[] SparseDays(IReadOnlyList<DateOnly> days, int every, CultureInfo culture) =>
        days.Select((d, i) => (days.Count - 1 - i) % every == 0 ? d.ToString("d MMM", culture) : "").ToArray();
}
