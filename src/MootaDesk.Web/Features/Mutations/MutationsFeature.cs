using Microsoft.AspNetCore.Mvc;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Features.Mutations;

public static class MutationsFeature
{
    public static IServiceCollection AddMutationsFeature(this IServiceCollection services)
    {
        services.AddSingleton<MutationQueries>();
        services.AddSingleton<TagMutationsCommand>();
        services.AddSingleton<TagCatalog>();
        services.AddSingleton<SavedViewStore>();
        services.AddSingleton<AutoTagRuleRunner>();
        // Auto-tag rules run on every new mutation, whichever source brought it in.
        services.AddSingleton<IPostIngestStep>(sp => sp.GetRequiredService<AutoTagRuleRunner>());
        services.AddSingleton<AutoTagRuleStore>();
        services.AddSingleton<MutationExportService>();
        services.AddHostedService<SavedViewDefaultsStartup>();
        services.AddHostedService<TextIndexCatchUpService>();
        return services;
    }

    public static IEndpointRouteBuilder MapMutationsEndpoints(this IEndpointRouteBuilder app)
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

        return app;
    }
}
