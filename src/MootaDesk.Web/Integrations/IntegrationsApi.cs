using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Integrations;

/// <summary>
/// Integrations over HTTP: the Moota webhook receiver (signed, no sign-in) and POST /api/moota/sync, a pull now for deploy
/// scripts, monitors and tests (docs/api.md): an API key with the `integrations` scope and the role Owner or Ops. Without
/// `?integration=ID` every active integration that has a token is pulled, one after another. The answer says per integration
/// what was new, already stored and in conflict; any failure is a ProblemDetails that still carries every integration's result.
/// </summary>
public static class IntegrationsApi
{
    /// <summary>The HTTP side's own services: the receiver and the sandbox's way back to this app's address.</summary>
    public static IServiceCollection AddIntegrationsApi(this IServiceCollection services)
    {
        services.AddSingleton<WebhookReceiver>();
        services.TryAddSingleton(OwnEndpointAddress.Client);
        return services;
    }

    public static IEndpointRouteBuilder MapIntegrationsApi(this IEndpointRouteBuilder app)
    {
        // Anonymous on purpose: the HMAC signature is the authentication, and Moota sends no cookie or antiforgery token.
        app.MapPost("/api/webhooks/moota", (HttpContext http, WebhookReceiver receiver) => receiver.ReceiveAsync(http, null))
            .Public("Moota webhook: the HMAC signature and the IP allow-list are the authentication").DisableAntiforgery().WithName("MootaWebhook");
        app.MapPost("/api/webhooks/moota/{integrationId:int}", (HttpContext http, int integrationId, WebhookReceiver receiver) => receiver.ReceiveAsync(http, integrationId))
            .Public("Moota webhook: the HMAC signature and the IP allow-list are the authentication").DisableAntiforgery().WithName("MootaWebhookForIntegration");
        app.MapPost("/api/moota/sync", SyncAsync).RequirePermission(Actions.RunMootaSync, apiKey: true).DisableAntiforgery();
        app.MapNotificationsApi();
        return app;
    }

    /// <summary>One integration's part of the answer. Counts are mutations; <c>status</c> is succeeded, failed, running or not-configured.</summary>
    public sealed record IntegrationResult(int Id, string Name, string Status, int Banks, int Fetched, int New, int AlreadyStored, int Conflicts, string? Error);

    private static async Task<IResult> SyncAsync(HttpContext http, [FromQuery] int? integration, IServiceProvider services, MootaIntegrationSettings settings,
        IStringLocalizer<IntegrationsText> text, CancellationToken ct)
    {
        var all = await settings.ListAsync(ct);
        var targets = integration is int id ? all.Where(i => i.Id == id).ToList() : all.Where(i => i.IsActive && i.MaskedToken is not null).ToList();
        if (integration is int unknown && targets.Count == 0)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no integration {unknown}.");
        if (targets.Count == 0)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No Moota API integration has a token.",
                detail: "Set MootaDesk:Moota:Api:Token, or save a token in Integrasi → Moota API.");

        var results = new List<IntegrationResult>();
        foreach (var target in targets)
        {
            await using var scope = services.CreateAsyncScope();
            var r = await scope.ServiceProvider.GetRequiredService<MootaSync>().SyncAsync(target.Id, SyncTrigger.Api, ct);
            var status = r.Status switch
            {
                SyncStatus.Succeeded => "succeeded", SyncStatus.AlreadyRunning => "running", SyncStatus.NotConfigured => "not-configured", _ => "failed",
            };
            results.Add(new IntegrationResult(target.Id, target.Name, status, r.BanksFound, r.Fetched, r.New, r.Duplicates, r.Conflicts,
                r.Error is { } refusal ? text.Say(refusal) : null));
        }

        var totals = new Dictionary<string, object?>
        {
            ["new"] = results.Sum(r => r.New), ["alreadyStored"] = results.Sum(r => r.AlreadyStored), ["conflicts"] = results.Sum(r => r.Conflicts),
            ["integrations"] = results,
        };
        if (results.All(r => r.Status == "succeeded")) return Results.Ok(totals);
        if (results.FirstOrDefault(r => r.Status == "failed") is { } failed)
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: $"The Moota sync of \"{failed.Name}\" did not succeed.",
                detail: failed.Error, extensions: totals);
        if (results.FirstOrDefault(r => r.Status == "not-configured") is { } bare)
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: $"The integration \"{bare.Name}\" has no Moota API token.",
                extensions: totals);
        return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "A sync of this integration is already running; try again when it is done.",
            extensions: totals);
    }
}
