using System.Globalization;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Shared;
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

    private static IResult BadDay(HttpContext http, string day, IStringLocalizer<SweepText> text) =>
        ApiProblem.Refused(http, StatusCodes.Status400BadRequest, Refusal.Of("Api.BadDay", day).About("day"), text);

    private static async Task<IResult> PrepareAsync(string day, HttpContext http, PrepareSweepCommand prepare, IStringLocalizer<SweepText> text, CancellationToken ct)
    {
        if (!TryDay(day, out var d)) return BadDay(http, day, text);
        try
        {
            var r = await prepare.PrepareAsync(d, SweepTrigger.Api, http.User.ToActor(http.Connection.RemoteIpAddress?.ToString()), ct: ct, viewer: http.User.ToViewer());
            var body = new { date = d.ToString("yyyy-MM-dd"), created = r.Created, signedOff = r.SignedOff, summary = $"/api/summaries/{d:yyyy-MM-dd}" };
            return r.Created ? Results.Created($"/api/summaries/{d:yyyy-MM-dd}", body) : Results.Ok(body);
        }
        catch (SweepRefusedException ex)
        {
            return ApiProblem.Refused(http, ex.Code == "forbidden" ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest, Refusal.Of("Refused." + ex.Code), text);
        }
    }

    private static async Task<IResult> SummaryAsync(string day, HttpContext http, SweepQuery sweeps, SweepCommands commands, IStringLocalizer<SweepText> words,
        CancellationToken ct)
    {
        if (!TryDay(day, out var d)) return BadDay(http, day, words);
        var s = await sweeps.SummaryAsync(d, ct);
        if (s is null)
            return ApiProblem.Refused(http, StatusCodes.Status404NotFound, Refusal.Of("Api.NoSweep", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), words);
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
