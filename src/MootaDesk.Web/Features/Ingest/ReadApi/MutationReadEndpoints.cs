using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Features.Ingest.ReadApi;

public static class MutationReadEndpoints
{
    public static IEndpointRouteBuilder MapMutationReadApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/mutations", async (HttpContext http, MutationReadQuery query, string? from, string? to, string? account,
                string? direction, string? page, string? pageSize, string? includeSandbox) =>
            {
                var filter = MutationReadFilter.TryParse(from, to, account, direction, page, pageSize, includeSandbox, out var error);
                if (filter is null) return Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);
                return Results.Json(await query.LoadAsync(filter, http.User.ToViewer(), http.RequestAborted));
            })
            .RequirePermission(Actions.ReadCredits, apiKey: true)
            .WithName("ReadMutations");
        return app;
    }
}
