using MootaDesk.Web.Tests.Integrations.Webhook;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;
using MootaDesk.Web.Tests.Mutations.Ingest;

namespace MootaDesk.Web.Tests.Integrations.Moota;

/// <summary>Issue 10 "What was seen" 9 and 10 through the pull: Moota's answers as the case files give them.</summary>
public class MootaPullSecretsTests
{
    private static readonly string[] SecretValues = ["FAKE-ACCESS-TOKEN-DO-NOT-SHOW", "FAKE-AUTH-TOKEN-DO-NOT-SHOW", "0000-FAKE"];

    /// <summary>GET /bank answers bank-p1.json; GET /mutation answers the case page for the OVO account and nothing for the others.</summary>
    private sealed class CaseFileMoota : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var body = uri.AbsolutePath.EndsWith("/bank", StringComparison.Ordinal) ? WebhookInboxTests.Case("webhook-then-pull/bank-p1.json")
                : uri.Query.Contains("bank=bnkOVO0001", StringComparison.Ordinal) ? WebhookInboxTests.Case("api-page-with-bank-credentials.json")
                : Encoding.UTF8.GetBytes("""{"current_page":1,"data":[],"next_page_url":null}""");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
        }
    }

    [Fact]
    public async Task Api_page_with_bank_credentials_stores_none_of_them_anywhere_shows_none_and_keeps_the_account_balance()
    {
        await using var test = await TestDatabase.CreateAsync();
        test.Time.SetJakarta(2026, 11, 30, 8, 0);
        int integrationId;
        await using (var db = test.CreateDbContext())
        {
            var integration = new Integration { Name = "Moota", ApiToken = "token-0123456789", CreatedAt = test.Clock.UtcNow };
            db.Integrations.Add(integration);
            await db.SaveChangesAsync();
            integrationId = integration.Id;
        }
        var client = new MootaApiClient(new HttpClient(new CaseFileMoota()) { BaseAddress = new Uri("https://moota.test/api/v2/") },
            Options.Create(new MootaPullOptions { RetryDelay = TimeSpan.Zero }), NullLogger<MootaApiClient>.Instance);
        var sync = new MootaSync(test, client, new MutationIngestor(test, test.Clock, [], NullLogger<MutationIngestor>.Instance), test.Clock,
            new MootaSyncLocks(), NullLogger<MootaSync>.Instance);

        var result = await sync.SyncAsync(integrationId, SyncTrigger.Manual);
        (result.Status, result.BanksFound, result.New).ShouldBe((SyncStatus.Succeeded, 2, 1));

        await using (var db = test.CreateDbContext())
        {
            var ovo = await db.Accounts.SingleAsync(a => a.ExternalId == "bnkOVO0001");
            // last_update in Moota's ISO form is read, so the bank list's balance is kept, at the instant Moota read it.
            (ovo.LastKnownBalance, ovo.LastKnownBalanceAt).ShouldBe((12_111m, new DateTime(2026, 11, 29, 23, 0, 0, DateTimeKind.Utc)));
            ovo.Label.ShouldBe("OVO Uji");
            var m = await db.Mutations.SingleAsync();
            (m.SourceId, m.Amount, m.Direction, m.HasTimeOfDay).ShouldBe(("pullOvo0001", 100_112m, Direction.Credit, false));
            m.TransactionTime.ShouldBe(new DateTime(2026, 11, 29, 17, 0, 0, DateTimeKind.Utc)); // 30 Nov, Jakarta's day
        }

        // Shown to no one: Owner and Ops see the source without the credentials; Finance and CS do not get the source at all.
        var queries = new MutationQueries(test, test.Clock);
        long id;
        await using (var db = test.CreateDbContext()) id = (await db.Mutations.SingleAsync()).Id;
        foreach (var role in new[] { Roles.Owner, Roles.Ops })
        {
            var detail = (await queries.DetailAsync(id, Viewer.ForRoles(role, role)))!;
            detail.ShowsRawSource.ShouldBeTrue();
            var raw = detail.RawSourcePretty.ShouldNotBeNull();
            raw.ShouldContain("pullOvo0001");
            foreach (var secret in SecretValues.Append("username").Append("\"otp\"").Append("meta")) raw.ShouldNotContain(secret);
        }
        foreach (var role in new[] { Roles.Finance, Roles.CS })
        {
            var detail = (await queries.DetailAsync(id, Viewer.ForRoles(role, role)))!;
            (detail.ShowsRawSource, detail.RawSourcePretty).ShouldBe((false, null));
        }

        // Stored nowhere: not in any byte of the database files (main, inbox, their WAL), whatever table or page.
        SqliteConnection.ClearAllPools();
        var files = Directory.GetFiles(Path.GetDirectoryName(test.Path)!);
        files.ShouldContain(f => f.EndsWith("test.db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
            foreach (var secret in SecretValues) text.ShouldNotContain(secret, Case.Sensitive, $"{secret} found in {Path.GetFileName(file)}");
            text.ShouldNotContain("\"username\"", Case.Sensitive, Path.GetFileName(file));
        }
    }
}
