using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Tests.Infrastructure;
using static MootaDesk.Web.Tests.Integrations.Webhook.WebhookTestKit;

namespace MootaDesk.Web.Tests.Mutations;

public class ReadApiTests
{
    private static MootaDeskFactory FactoryWithKeys()
    {
        var factory = new MootaDeskFactory();
        factory.Settings["MootaDesk:Api:Keys:0:Name"] = "erp";
        factory.Settings["MootaDesk:Api:Keys:0:Key"] = "finance-key-0123456789";
        factory.Settings["MootaDesk:Api:Keys:0:Scopes"] = "read,summary";
        factory.Settings["MootaDesk:Api:Keys:0:Role"] = "Finance";
        factory.Settings["MootaDesk:Api:Keys:1:Name"] = "chatbot";
        factory.Settings["MootaDesk:Api:Keys:1:Key"] = "cs-key-0123456789";
        factory.Settings["MootaDesk:Api:Keys:1:Scopes"] = "read";
        factory.Settings["MootaDesk:Api:Keys:1:Role"] = "CS";
        factory.Settings["MootaDesk:Api:Keys:2:Name"] = "orders-only";
        factory.Settings["MootaDesk:Api:Keys:2:Key"] = "orders-key-0123456789";
        factory.Settings["MootaDesk:Api:Keys:2:Scopes"] = "orders";
        return factory;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task SeedAsync(MootaDeskFactory factory, HttpClient client)
    {
        foreach (var name in new[] { "01-single-credit", "02-batch-mixed" })
            (await client.SendAsync(FixtureRequest(name))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForInboxAsync(factory);
    }

    [Fact]
    public async Task Without_a_key_or_with_a_wrong_key_the_answer_is_401_and_without_the_scope_403()
    {
        await using var factory = FactoryWithKeys();
        var client = factory.CreateBareClient();
        (await GetAsync(client, "/api/mutations", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync(client, "/api/mutations", "not-a-key")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync(client, "/api/mutations", "orders-key-0123456789")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await GetAsync(client, "/api/mutations", "finance-key-0123456789")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Finance_sees_every_mutation_with_decimal_strings_and_WIB_offsets()
    {
        await using var factory = FactoryWithKeys();
        var client = factory.CreateBareClient();
        await SeedAsync(factory, client);

        var response = await GetAsync(client, "/api/mutations?from=2026-11-20&to=2026-11-20&pageSize=10", "finance-key-0123456789");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        root.GetProperty("total").GetInt32().ShouldBe(4);
        root.GetProperty("page").GetInt32().ShouldBe(1);
        root.GetProperty("pageSize").GetInt32().ShouldBe(10);
        var items = root.GetProperty("items").EnumerateArray().ToList();
        var supplier = items.Single(i => i.GetProperty("sourceId").GetString() == "cR7tYuIo2pQ");
        supplier.GetProperty("amount").GetString().ShouldBe("8250000.50");
        supplier.GetProperty("direction").GetString().ShouldBe("debit");
        supplier.GetProperty("balanceAfter").GetString().ShouldBe("39770500.00");
        supplier.GetProperty("transactionTime").GetString().ShouldBe("2026-11-20T15:20:03+07:00");
        supplier.GetProperty("source").GetString().ShouldBe("webhook");
        supplier.GetProperty("accountNumber").GetString().ShouldBe("1300012345678");
        supplier.GetProperty("bankCode").GetString().ShouldBe("mandiriMcmV2");
        supplier.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["Supplier"]);
        var credit = items.Single(i => i.GetProperty("sourceId").GetString() == "aolk4PekJxM");
        credit.GetProperty("amount").GetString().ShouldBe("150123.00");
        credit.GetProperty("readTime").GetString()!.ShouldEndWith("+07:00");

        using var debits = JsonDocument.Parse(await (await GetAsync(client, "/api/mutations?direction=debit&account=1300012345678", "finance-key-0123456789")).Content.ReadAsStringAsync());
        debits.RootElement.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_CS_key_gets_no_debits_and_no_balances()
    {
        await using var factory = FactoryWithKeys();
        var client = factory.CreateBareClient();
        await SeedAsync(factory, client);

        using var doc = JsonDocument.Parse(await (await GetAsync(client, "/api/mutations", "cs-key-0123456789")).Content.ReadAsStringAsync());
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
        doc.RootElement.GetProperty("total").GetInt32().ShouldBe(2);
        items.ShouldAllBe(i => i.GetProperty("direction").GetString() == "credit");
        items.ShouldAllBe(i => i.GetProperty("balanceAfter").ValueKind == JsonValueKind.Null);

        // Asking for debits explicitly does not get round the rule.
        using var debits = JsonDocument.Parse(await (await GetAsync(client, "/api/mutations?direction=debit", "cs-key-0123456789")).Content.ReadAsStringAsync());
        debits.RootElement.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("from=20-11-2026", "from")]
    [InlineData("to=kemarin", "to")]
    [InlineData("from=2026-11-21&to=2026-11-20", "sesudah")]
    [InlineData("direction=in", "direction")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    public async Task Bad_parameters_get_400_with_a_message(string query, string mentions)
    {
        await using var factory = FactoryWithKeys();
        var response = await GetAsync(factory.CreateBareClient(), "/api/mutations?" + query, "finance-key-0123456789");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(mentions);
    }

    [Fact]
    public async Task A_key_made_in_the_UI_works_until_revoked_and_only_its_hash_is_stored()
    {
        await using var factory = FactoryWithKeys();
        var client = factory.CreateBareClient();
        var commands = factory.Services.GetRequiredService<ApiKeyCommands>();
        var owner = new Actor("owner");
        var (created, error) = await commands.CreateAsync("Spreadsheet", ["read"], Roles.Finance, owner);
        error.ShouldBeNull();
        (await GetAsync(client, "/api/mutations", created!.Key)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var db = await DbAsync(factory))
        {
            var stored = db.ApiKeys.Single();
            stored.KeyHash.ShouldNotBe(created.Key);
            stored.KeyHash.ShouldNotContain(created.Key[10..]);
            db.AuditEvents.Count(a => a.Action == "apikey.create").ShouldBe(1);
            db.AuditEvents.Where(a => a.After != null).ToList().ShouldAllBe(a => !a.After!.Contains(created.Key));
        }

        (await commands.RevokeAsync(created.Row.Id, owner)).ShouldBeTrue();
        (await GetAsync(client, "/api/mutations", created.Key)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await commands.CreateAsync("", ["read"], Roles.Finance, owner)).ErrorKey.ShouldBe("ApiKeys.Error.Name");
        (await commands.CreateAsync("x", [], Roles.Finance, owner)).ErrorKey.ShouldBe("ApiKeys.Error.Scopes");
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, string query, string key)
    {
        var response = await GetAsync(client, "/api/mutations?" + query, key);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task The_read_API_takes_the_pages_filters_text_tags_status_amounts_accounts_and_sources()
    {
        await using var factory = FactoryWithKeys();
        var client = factory.CreateBareClient();
        await SeedAsync(factory, client);
        const string finance = "finance-key-0123456789";

        var text = await ReadAsync(client, "q=budi%20santoso", finance);
        text.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sourceId").GetString()).ShouldContain("aolk4PekJxM");
        text.GetProperty("items").EnumerateArray().ShouldAllBe(i =>
            (i.GetProperty("description").GetString() + " " + i.GetProperty("counterparty").GetString()).Contains("BUDI SANTOSO", StringComparison.OrdinalIgnoreCase));

        // Tag by name, any letter case, or by id; an unknown tag is refused rather than ignored.
        var tagged = await ReadAsync(client, "tag=supplier", finance);
        tagged.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sourceId").GetString()).ShouldBe(["cR7tYuIo2pQ"]);
        (await ReadAsync(client, "untagged=true", finance)).GetProperty("total").GetInt32().ShouldBe(3);

        var big = await ReadAsync(client, "amountMin=8000000&amountMax=8250000.50", finance);
        big.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("amount").GetString()).ShouldBe(["8250000.50"]);
        (await ReadAsync(client, "amount=150123.00", finance)).GetProperty("total").GetInt32().ShouldBe(1);
        (await ReadAsync(client, "status=new,matched&source=webhook", finance)).GetProperty("total").GetInt32().ShouldBe(4);
        (await ReadAsync(client, "source=import", finance)).GetProperty("total").GetInt32().ShouldBe(0);
        (await ReadAsync(client, "account=1300012345678,0000000000", finance)).GetProperty("total").GetInt32().ShouldBe(1);
        (await ReadAsync(client, "account=0000000000", finance)).GetProperty("total").GetInt32().ShouldBe(0);

        var all = await ReadAsync(client, "", finance);
        all.GetProperty("totalIsCapped").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_CS_key_filtering_for_large_amounts_or_the_supplier_tag_still_gets_no_debit()
    {
        await using var factory = FactoryWithKeys();
        var client = factory.CreateBareClient();
        await SeedAsync(factory, client);

        (await ReadAsync(client, "tag=Supplier", "cs-key-0123456789")).GetProperty("total").GetInt32().ShouldBe(0);
        (await ReadAsync(client, "amountMin=8000000", "cs-key-0123456789")).GetProperty("total").GetInt32().ShouldBe(0);
        (await ReadAsync(client, "q=supplier&direction=debit", "cs-key-0123456789")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("amountMin=10&amountMax=5", "amountMin")]
    [InlineData("amount=1.005", "amount")]
    [InlineData("status=lunas", "status")]
    [InlineData("source=bank", "source")]
    [InlineData("untagged=ya", "untagged")]
    [InlineData("page=201&pageSize=50", "page")]
    public async Task Bad_filter_values_are_refused_naming_the_parameter_not_ignored(string query, string field)
    {
        await using var factory = FactoryWithKeys();
        var response = await GetAsync(factory.CreateBareClient(), "/api/mutations?" + query, "finance-key-0123456789");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        doc.RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }
}
