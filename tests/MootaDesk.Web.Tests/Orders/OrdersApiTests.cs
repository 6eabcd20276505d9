using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Orders;

public class OrdersApiTests : IAsyncLifetime
{
    private const string OrdersKey = "shop-key-with-orders-scope";
    private const string ReadKey = "report-key-with-read-scope";
    private const string OpsKey = "ops-key-with-orders-scope";
    private readonly MootaDeskFactory _app = new();

    public async Task InitializeAsync()
    {
        _app.Settings["MootaDesk:Api:Keys:0:Name"] = "storefront";
        _app.Settings["MootaDesk:Api:Keys:0:Key"] = OrdersKey;
        _app.Settings["MootaDesk:Api:Keys:0:Scopes"] = "orders";
        _app.Settings["MootaDesk:Api:Keys:0:Role"] = "Finance";
        _app.Settings["MootaDesk:Api:Keys:1:Name"] = "reports";
        _app.Settings["MootaDesk:Api:Keys:1:Key"] = ReadKey;
        _app.Settings["MootaDesk:Api:Keys:1:Scopes"] = "read";
        _app.Settings["MootaDesk:Api:Keys:2:Name"] = "ops-tool";
        _app.Settings["MootaDesk:Api:Keys:2:Key"] = OpsKey;
        _app.Settings["MootaDesk:Api:Keys:2:Scopes"] = "orders";
        _app.Settings["MootaDesk:Api:Keys:2:Role"] = "Ops";
        _app.CreateClient().Dispose();
        var factory = _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.Accounts.Add(new Account { BankCode = "bca", AccountNumber = "0123456789", HolderName = "PT Toko Maju", Label = "BCA Ops", CreatedAt = _app.Time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private HttpClient Client(string? key)
    {
        var client = _app.CreateBareClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static object ValidBody(string reference = "WEB-1001") => new
    {
        reference, customerName = "Budi Santoso", whatsApp = "0812-3456-7890", amount = "150000.00", accountNumber = "0123456789",
        expiresAt = "2026-11-22T17:00:00+07:00",
    };

    [Fact]
    public async Task Without_a_key_or_with_a_wrong_key_the_api_answers_401()
    {
        (await Client(null).PostAsJsonAsync("/api/orders", ValidBody())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Client("not-a-key").PostAsJsonAsync("/api/orders", ValidBody())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Client("not-a-key").GetAsync("/api/orders/WEB-1001")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_without_the_orders_scope_or_of_a_read_only_role_gets_403()
    {
        (await Client(ReadKey).PostAsJsonAsync("/api/orders", ValidBody())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Client(OpsKey).PostAsJsonAsync("/api/orders", ValidBody())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Creating_an_order_answers_201_with_the_payable_amount_and_an_indonesian_instruction()
    {
        var response = await Client(OrdersKey).PostAsJsonAsync("/api/orders", ValidBody());

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe("/api/orders/WEB-1001");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("reference").GetString().ShouldBe("WEB-1001");
        json.GetProperty("amount").GetString().ShouldBe("150000.00");
        var code = json.GetProperty("uniqueCode").GetInt32();
        code.ShouldBeInRange(1, 999);
        json.GetProperty("payableAmount").GetString().ShouldBe((150_000m + code).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        json.GetProperty("status").GetString().ShouldBe("pending");
        json.GetProperty("expiresAt").GetDateTime().ShouldBe(new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc));
        json.GetProperty("whatsApp").GetString().ShouldBe("6281234567890");
        var instruction = json.GetProperty("paymentInstruction").GetString()!;
        instruction.ShouldContain("Mohon transfer TEPAT Rp 150." + code.ToString("000"));
        instruction.ShouldContain("No. rekening: 0123456789");
        instruction.ShouldContain("Atas nama: PT Toko Maju");
        instruction.ShouldContain("22 Nov 2026 17.00 WIB");
    }

    [Fact]
    public async Task A_reference_used_before_answers_409()
    {
        (await Client(OrdersKey).PostAsJsonAsync("/api/orders", ValidBody("DUP-1"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await Client(OrdersKey).PostAsJsonAsync("/api/orders", ValidBody("DUP-1"));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("reference");
    }

    [Fact]
    public async Task Values_that_break_the_rules_answer_422_with_errors_per_field()
    {
        var response = await Client(OrdersKey).PostAsJsonAsync("/api/orders", new
        {
            reference = "", customerName = "Budi", whatsApp = "12345", amount = -5, accountNumber = "999", expiresAt = "2020-01-01T00:00:00Z",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.GetProperty("reference")[0].GetString().ShouldBe("Required.");
        errors.GetProperty("whatsApp")[0].GetString()!.ShouldContain("not valid");
        errors.GetProperty("amount")[0].GetString().ShouldBe("The amount must be more than 0.");
        errors.GetProperty("accountNumber")[0].GetString().ShouldBe("Account 999 is unknown.");
        errors.GetProperty("expiresAt")[0].GetString().ShouldBe("The expiry must be in the future.");
    }

    [Fact]
    public async Task Unreadable_json_or_wrong_types_answer_400_with_field_errors()
    {
        var client = Client(OrdersKey);
        var broken = await client.PostAsync("/api/orders", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var wrongTypes = await client.PostAsJsonAsync("/api/orders", new { reference = 12, customerName = "x", amount = "lots", accountNumber = "0123456789", expiresAt = "tomorrow" });
        wrongTypes.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await wrongTypes.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.TryGetProperty("reference", out _).ShouldBeTrue();
        errors.TryGetProperty("amount", out _).ShouldBeTrue();
        errors.TryGetProperty("expiresAt", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Reading_an_order_after_its_payment_arrived_shows_it_paid_with_the_matched_mutation()
    {
        var client = Client(OrdersKey);
        var created = JsonDocument.Parse(await (await client.PostAsJsonAsync("/api/orders", ValidBody("WEB-2002"))).Content.ReadAsStringAsync()).RootElement;
        var payable = decimal.Parse(created.GetProperty("payableAmount").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        (await client.GetFromJsonAsync<JsonElement>("/api/orders/WEB-2002")).GetProperty("status").GetString().ShouldBe("pending");

        _app.Time.Advance(TimeSpan.FromMinutes(12));
        int accountId;
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync())
            accountId = (await db.Accounts.SingleAsync()).Id;
        var ingest = await _app.Services.GetRequiredService<MutationIngestor>().IngestAsync([new IncomingMutation
        {
            Source = MutationSource.Webhook, SourceId = "moota-777", AccountId = accountId, TransactionTimeUtc = _app.Time.GetUtcNow().UtcDateTime,
            Description = "TRSF E-BANKING CR BUDI SANTOSO", Amount = payable, Direction = Direction.Credit,
        }], Actor.System);

        var order = await client.GetFromJsonAsync<JsonElement>("/api/orders/WEB-2002");
        order.GetProperty("status").GetString().ShouldBe("paid");
        order.GetProperty("matchedMutationId").GetInt64().ShouldBe(ingest.NewMutationIds[0]);
        (await client.GetAsync("/api/orders/NOPE")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
