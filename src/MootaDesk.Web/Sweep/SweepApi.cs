using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Sweep;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Sweep;

/// <summary>Automation: prepare a day's sweep, and read a day's five-line summary (docs/api.md).</summary>
public static class SweepApi
{
    public static IEndpointRouteBuilder MapSweepApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sweeps/{day}", PrepareAsync).RequirePermission(Actions.PrepareSweep, apiKey: true);
        app.MapGet("/api/summaries/{day}", SummaryAsync).RequirePermission(Actions.ReadSummary, apiKey: true);
        return app;
    }

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static async Task<IResult> PrepareAsync(string day, HttpContext http, PrepareSweepCommand prepare, CancellationToken ct)
    {
        if (!TryDay(day, out var d))
            return Results.BadRequest(new { error = "The day must be written yyyy-MM-dd, e.g. 2026-11-21." });
        try
        {
            var r = await prepare.PrepareAsync(d, SweepTrigger.Api, http.User.ToActor(http.Connection.RemoteIpAddress?.ToString()), ct: ct, viewer: http.User.ToViewer());
            var body = new { date = d.ToString("yyyy-MM-dd"), created = r.Created, signedOff = r.SignedOff, summary = $"/api/summaries/{d:yyyy-MM-dd}" };
            return r.Created ? Results.Created($"/api/summaries/{d:yyyy-MM-dd}", body) : Results.Ok(body);
        }
        catch (SweepRefusedException ex)
        {
            return Results.BadRequest(new { error = ex.Message, code = ex.Code });
        }
    }

    private static async Task<IResult> SummaryAsync(string day, HttpContext http, SweepQuery sweeps, SweepCommands commands, CancellationToken ct)
    {
        if (!TryDay(day, out var d))
            return Results.BadRequest(new { error = "The day must be written yyyy-MM-dd, e.g. 2026-11-21." });
        var s = await sweeps.SummaryAsync(d, ct);
        if (s is null)
            return Results.NotFound(new { error = $"No sweep was prepared for {d:yyyy-MM-dd}." });
        var lines = s.Summary.Lines;
        // Which shop and which day first, as the owner receives it; the five lines stay five in "lines".
        var text = await commands.OwnerMessageAsync(s.Day, s.Summary, ct);
        var accept = http.Request.Headers.Accept.ToString();
        if (accept.Contains("text/plain", StringComparison.OrdinalIgnoreCase) && !accept.Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers["X-Sweep-Signed-Off"] = s.SignedOffAt is null ? "false" : "true";
            if (s.SignedOffAt is DateTime at)
            {
                http.Response.Headers["X-Sweep-Signed-Off-By"] = Uri.EscapeDataString(s.SignedOffBy ?? "");
                http.Response.Headers["X-Sweep-Signed-Off-At"] = at.ToString("O", CultureInfo.InvariantCulture);
            }
            return Results.Text(text + "\n", "text/plain; charset=utf-8");
        }
        return Results.Ok(new
        {
            date = d.ToString("yyyy-MM-dd"),
            heading = text[..text.IndexOf('\n')],
            lines,
            text,
            signedOff = s.SignedOffAt is not null,
            signedOffBy = s.SignedOffBy,
            signedOffAt = s.SignedOffAt,
            windowStart = s.WindowStartUtc,
            windowEnd = s.WindowEndUtc,
            preparedAt = s.PreparedAt,
        });
    }
}
