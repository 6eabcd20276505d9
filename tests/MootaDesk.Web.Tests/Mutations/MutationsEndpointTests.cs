using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Mutations;

public class MutationsEndpointTests
{
    private const string Password = "kopi-susu-gula-aren";

    private static async Task SeedAsync(MootaDeskFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var now = app.Time.GetUtcNow().UtcDateTime;
        var account = new Account { BankCode = "bca", AccountNumber = "0123456789", Label = "BCA Ops", CreatedAt = now };
        db.Accounts.Add(account);
        db.Mutations.Add(new Mutation { Account = account, SourceId = "in", Description = "BI-FAST CR BUDI", Amount = 150_123m, Direction = Direction.Credit, BalanceAfter = 9_876_543m, TransactionTime = now, ReadTime = now });
        db.Mutations.Add(new Mutation { Account = account, SourceId = "out", Description = "TRSF KE SUPPLIER", Amount = 7_000_000m, Direction = Direction.Debit, BalanceAfter = 2_876_543m, TransactionTime = now, ReadTime = now });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_CS_user_exporting_a_crafted_debit_url_gets_no_debit_and_no_balance()
    {
        await using var app = new MootaDeskFactory();
        _ = app.Server;
        await app.CreateUserAsync("owner", Password, Roles.Owner);
        await app.CreateUserAsync("cs", Password, Roles.CS);
        await SeedAsync(app);
        var client = await app.SignInAsync("cs", Password);

        var csv = await client.GetAsync("/mutasi/ekspor?format=csv&arah=debit&min=1000000");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await csv.Content.ReadAsStringAsync();
        text.ShouldNotContain("SUPPLIER");
        text.ShouldNotContain("Saldo");

        var xlsx = await client.GetAsync("/mutasi/ekspor?format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var wb = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var ws = wb.Worksheet("Mutasi");
        ws.LastRowUsed()!.RowNumber().ShouldBe(2);
        ws.Cell(2, 5).GetString().ShouldBe("BI-FAST CR BUDI");
        ws.Row(1).CellsUsed().Select(c => c.GetString()).ShouldNotContain("Saldo");
    }

    [Fact]
    public async Task Export_endpoints_need_a_signed_in_user()
    {
        await using var app = new MootaDeskFactory();
        await app.CreateUserAsync("owner", Password, Roles.Owner);
        var anonymous = app.CreateBareClient();
        (await anonymous.GetAsync("/mutasi/ekspor?format=csv")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await anonymous.GetAsync("/mutasi/unduh/abc")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var owner = await app.SignInAsync("owner", Password);
        (await owner.GetAsync("/mutasi/unduh/not-a-token")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_read_API_applies_the_key_role_so_a_CS_key_sees_credits_only_without_balances()
    {
        await using var app = new MootaDeskFactory();
        app.Settings["MootaDesk:Api:Keys:0:Name"] = "cs-bot";
        app.Settings["MootaDesk:Api:Keys:0:Key"] = "cs-key-0123456789abcdef";
        app.Settings["MootaDesk:Api:Keys:0:Scopes"] = "read";
        app.Settings["MootaDesk:Api:Keys:0:Role"] = Roles.CS;
        app.Settings["MootaDesk:Api:Keys:1:Name"] = "fin-bot";
        app.Settings["MootaDesk:Api:Keys:1:Key"] = "fin-key-0123456789abcdef";
        app.Settings["MootaDesk:Api:Keys:1:Scopes"] = "read";
        app.Settings["MootaDesk:Api:Keys:1:Role"] = Roles.Finance;
        await app.CreateUserAsync("owner", Password, Roles.Owner);
        await SeedAsync(app);
        var client = app.CreateBareClient();

        async Task<JsonElement> GetAsync(string key, string query)
        {
            using var req = new HttpRequestMessage(HttpMethod.Get, "/api/mutations?" + query);
            req.Headers.Add("X-Api-Key", key);
            var res = await client.SendAsync(req);
            res.StatusCode.ShouldBe(HttpStatusCode.OK);
            return JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        // The read API (Ingest area) applies the same Viewer rule as this page.
        var cs = await GetAsync("cs-key-0123456789abcdef", "direction=debit");
        cs.GetProperty("total").GetInt32().ShouldBe(0);
        var csAll = await GetAsync("cs-key-0123456789abcdef", "");
        csAll.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("direction").GetString() == "credit" && i.GetProperty("balanceAfter").ValueKind == JsonValueKind.Null);

        var fin = await GetAsync("fin-key-0123456789abcdef", "direction=debit");
        fin.GetProperty("total").GetInt32().ShouldBe(1);
        fin.GetProperty("items")[0].GetProperty("balanceAfter").GetString().ShouldBe("2876543.00");

        (await client.GetAsync("/api/mutations")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
