using System.Globalization;
using MootaDesk.Core.OwnerReports.IncomeRhythm;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.OwnerReports;

/// <summary>
/// The owner's reports over HTTP (docs/api.md): <c>GET /api/reports/income-rhythm?from=YYYY-MM-DD&amp;to=YYYY-MM-DD</c> for the
/// owner's own tools (API key, scope <c>summary</c>; role Owner, or Finance while the Owner allows it), real money only; and the
/// page's Excel download (signed-in, same rule, the page's demo rule).
/// </summary>
public static class OwnerReportsApi
{
    public static IEndpointRouteBuilder MapOwnerReportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/income-rhythm", IncomeRhythmAsync).RequirePermission(Actions.ReadIncomeRhythm, apiKey: true);
        app.MapGet("/laporan/ritme/ekspor", ExportAsync).RequirePermission(Actions.ReadIncomeRhythm, apiKey: false);
        return app;
    }

    /// <summary>The API's answer. Money as decimal strings (invariant, "1500000.50"); weekday 1–7 Monday first; hour 0–23 in the business zone.</summary>
    public sealed record IncomeRhythmAnswer(string From, string To, string TimeZone, Figures MoneyIn, IReadOnlyList<Cell> Cells, IReadOnlyList<UnknownHour> TimeUnknown,
        Windows Windows, IReadOnlyList<Busy> Busiest);

    public sealed record Cell(int Weekday, int Hour, string Amount, int Count);
    public sealed record UnknownHour(int Weekday, string Amount, int Count);
    public sealed record Figures(string Amount, int Count, string? Average);
    public sealed record Windows(Figures Payday, Figures Booster, Figures Other);
    public sealed record Busy(int Weekday, int FromHour, int ToHour, string Amount, int Count, string SharePercent);

    // The same amount reads the same from either store: PostgreSQL's numeric(18,2) carries a scale ("150000.50"), SQLite's
    // sen do not, so trailing zeros after the point are dropped ("150000.5", "150000").
    private static string Dec(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
    private static Figures Of(MoneyFigures f) => new(Dec(f.Amount), f.Count, f.Average is decimal a ? Dec(a) : null);

    private static async Task<IResult> IncomeRhythmAsync(string? from, string? to, HttpContext http, IncomeRhythmQuery query, CancellationToken ct)
    {
        if (!TryDay(from, out var f) || !TryDay(to, out var t))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "from and to are required, written yyyy-MM-dd (e.g. from=2026-10-25&to=2026-11-24).");
        var (report, refusal) = await query.LoadAsync(f, t, http.User.ToViewer(), realOnly: true, ct);
        if (refusal is not null) return Refuse(refusal);
        var r = report!;
        return Results.Ok(new IncomeRhythmAnswer(f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.TimeZoneId,
            Of(r.MoneyIn), r.Cells.Select(c => new Cell(c.Weekday, c.Hour, Dec(c.Amount), c.Count)).ToList(),
            r.TimeUnknown.Select(u => new UnknownHour(u.Weekday, Dec(u.Amount), u.Count)).ToList(),
            new Windows(Of(r.Windows.Payday), Of(r.Windows.Booster), Of(r.Windows.Other)),
            r.Busiest.Select(b => new Busy(b.Weekday, b.FromHour, b.ToHour, Dec(b.Amount), b.Count, Dec(b.SharePercent))).ToList()));
    }

    private static async Task<IResult> ExportAsync(string? dari, string? sampai, HttpContext http, IncomeRhythmQuery query, IncomeRhythmExport export, CancellationToken ct)
    {
        if (!TryDay(dari, out var f) || !TryDay(sampai, out var t))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "dari and sampai are required, written yyyy-MM-dd.");
        var (report, refusal) = await query.LoadAsync(f, t, http.User.ToViewer(), realOnly: false, ct);
        if (refusal is not null) return Refuse(refusal);
        using var buffer = new MemoryStream();
        await export.WriteAsync(buffer, report!, ct);
        return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", IncomeRhythmExport.FileName(report!));
    }

    private static IResult Refuse(IncomeRhythmRefusal refusal) => refusal.Key == "IncomeRhythm.NotAllowed"
        ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The income rhythm is for the Owner; Finance may read it only while the Owner allows it.")
        : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The period must run forwards and cover at most {IncomeRhythmQuery.MaxDays} days.");

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
