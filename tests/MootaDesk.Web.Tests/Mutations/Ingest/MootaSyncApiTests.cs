using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Mutations.Ingest;

/// <summary>Automation paths: the Moota API integration from configuration, and POST /api/moota/sync for scripts and monitors.</summary>
public class MootaSyncApiTests
{
    private static async Task<JsonDocument> JsonAsync(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_token_in_configuration_becomes_the_default_integration_without_storing_the_token()
    {
        await using var app = new IdentityApp();
        _ = app.CreateClient();

        await using var db = await app.DbAsync();
        var row = await db.Integrations.AsNoTracking().SingleAsync();
        (row.IsDefault, row.IsActive, row.SyncIntervalMinutes, row.ApiToken).ShouldBe((true, true, 30, (string?)null));
        (await db.AuditEvents.SingleAsync(a => a.Action == "integration.provision")).Actor.ShouldBe("configuration");
        var settings = app.Services.GetRequiredService<MootaIntegrationSettings>();
        (await settings.ListAsync()).Single().MaskedToken.ShouldBe("••••cdef");
        var change = await settings.SaveAsync(Viewer.ForRoles("ops", Roles.Ops), new Actor("ops"), row.Id, new PullSettingsInput { Name = "x", NewToken = "another-token-0123456789" });
        change.ShouldBe(PullSettingsProblem.SetByConfiguration);

        // The scheduler pulls it like any integration with a token.
        var scheduler = app.Services.GetServices<IHostedService>().OfType<MootaSyncScheduler>().Single();
        await scheduler.RunDueAsync(CancellationToken.None);
        (await db.MootaSyncRuns.SingleAsync()).Succeeded.ShouldBeTrue();
        app.Moota.Requests.ShouldContain(r => r.StartsWith("/api/v2/bank"));
    }

    [Fact]
    public async Task Sync_answers_new_already_stored_and_conflicts_and_a_second_run_finds_nothing_new()
    {
        await using var app = new IdentityApp();
        app.Time.SetJakarta(2026, 11, 30, 6, 0);

        using var first = await JsonAsync(await app.SyncAsync());
        using var second = await JsonAsync(await app.SyncAsync());

        (first.RootElement.GetProperty("new").GetInt32(), first.RootElement.GetProperty("alreadyStored").GetInt32()).ShouldBe((3, 0));
        (second.RootElement.GetProperty("new").GetInt32(), second.RootElement.GetProperty("alreadyStored").GetInt32(), second.RootElement.GetProperty("conflicts").GetInt32())
            .ShouldBe((0, 3, 0));
        var integration = second.RootElement.GetProperty("integrations")[0];
        (integration.GetProperty("name").GetString(), integration.GetProperty("banks").GetInt32()).ShouldBe(("Moota (default)", 2));
    }

    [Fact]
    public async Task A_key_needs_the_integrations_scope_and_the_role_Owner_or_Ops()
    {
        await using var app = new IdentityApp();
        app.Settings["MootaDesk:Api:Keys:2:Name"] = "reader";
        app.Settings["MootaDesk:Api:Keys:2:Key"] = "reader-key-0123456789";
        app.Settings["MootaDesk:Api:Keys:2:Scopes"] = "read";
        app.Settings["MootaDesk:Api:Keys:2:Role"] = "Owner";

        (await app.SyncAsync(key: null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.SyncAsync(key: "reader-key-0123456789")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var finance = await app.SyncAsync(key: IdentityApp.FinanceKey);
        finance.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        finance.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = await JsonAsync(finance);
        problem.RootElement.GetProperty("title").GetString().ShouldBe("This API key's role or scopes do not allow this action.");
        app.Moota.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_token_Moota_refuses_is_a_problem_with_the_reason_and_every_integrations_result()
    {
        await using var app = new IdentityApp();
        app.Moota.AlwaysAnswer = HttpStatusCode.Unauthorized;

        var response = await app.SyncAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = await JsonAsync(response);
        problem.RootElement.GetProperty("detail").GetString()!.ShouldContain("Token API Moota ditolak (401)");
        problem.RootElement.GetProperty("integrations")[0].GetProperty("status").GetString().ShouldBe("failed");
    }

    [Fact]
    public async Task Without_any_integration_token_or_for_an_unknown_integration_the_answer_says_so()
    {
        await using var app = new MootaDeskFactory();
        app.Settings["MootaDesk:Api:Keys:0:Name"] = "ops";
        app.Settings["MootaDesk:Api:Keys:0:Key"] = IdentityApp.OpsKey;
        app.Settings["MootaDesk:Api:Keys:0:Scopes"] = "integrations";
        app.Settings["MootaDesk:Api:Keys:0:Role"] = "Ops";
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", IdentityApp.OpsKey);

        var none = await client.PostAsync("/api/moota/sync", null);
        var unknown = await client.PostAsync("/api/moota/sync?integration=999", null);

        none.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var problem = await JsonAsync(none))
            problem.RootElement.GetProperty("detail").GetString()!.ShouldContain("MootaDesk:Moota:Api:Token");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContext().Integrations.CountAsync()).ShouldBe(0);
    }
}
