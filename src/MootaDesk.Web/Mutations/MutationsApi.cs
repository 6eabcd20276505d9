using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Mutations;

/// <summary>Mutations over HTTP: the page's prepared downloads, the current filter as a file, and the read API for other tools.</summary>
public static class MutationsApi
{
    public static IEndpointRouteBuilder MapMutationsApi(this IEndpointRouteBuilder app)
    {
        // A file prepared by the page (with progress), fetched once by the person who made it.
        app.MapGet("/mutasi/unduh/{token}", (string token, HttpContext http, MutationExportService exports) =>
        {
            var file = exports.Take(token, http.User.ToViewer());
            if (file is null) return Results.NotFound();
            http.Response.OnCompleted(() => { exports.TryDelete(file.Path); return Task.CompletedTask; });
            return Results.File(file.Path, file.ContentType, file.FileName);
        }).RequirePermission(Actions.ExportMutations);

        // The current filter straight to a file (a shared link, a bookmark, a script with a session).
        app.MapGet("/mutasi/ekspor", async (HttpContext http, [FromQuery] string? format, MutationExportService exports, CancellationToken ct) =>
        {
            var f = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Csv : ExportFormat.Excel;
            var filter = MutationFilter.Parse(http.Request.QueryString.Value);
            var viewer = http.User.ToViewer();
            http.Response.ContentType = MutationExportService.ContentType(f);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{exports.FileName(f)}\"";
            // ClosedXML writes with synchronous calls; buffer to memory-backed temp stream first for Excel.
            if (f == ExportFormat.Excel)
            {
                var path = Path.GetTempFileName();
                try
                {
                    await using (var file = File.Create(path))
                        await exports.WriteAsync(file, filter, f, viewer, http.User.ToActor(http.Connection.RemoteIpAddress?.ToString()), ct: ct);
                    await using var read = File.OpenRead(path);
                    await read.CopyToAsync(http.Response.Body, ct);
                }
                finally { File.Delete(path); }
            }
            else
                await exports.WriteAsync(http.Response.Body, filter, f, viewer, http.User.ToActor(http.Connection.RemoteIpAddress?.ToString()), ct: ct);
        }).RequirePermission(Actions.ExportMutations);

        // The read API for other tools (X-Api-Key with scope read): the page's filter and search, the CS rule inside it.
        app.MapGet("/api/mutations", async (HttpContext http, MutationReadQuery query, IStringLocalizer<MutationsText> text, [AsParameters] MutationReadParameters parameters) =>
            {
                var request = MutationReadRequest.Parse(parameters);
                if (request.Refusal is { } bad) return ApiProblem.Refused(http, StatusCodes.Status400BadRequest, bad, text);
                var page = await query.LoadAsync(request.Value!, http.User.ToViewer(), http.RequestAborted);
                return page.Refusal is { } refused ? ApiProblem.Refused(http, StatusCodes.Status400BadRequest, refused, text) : Results.Json(page.Value);
            })
            .RequirePermission(Actions.ReadCredits, apiKey: true)
            .WithName("ReadMutations")
            .Produces<MutationReadPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }
}
