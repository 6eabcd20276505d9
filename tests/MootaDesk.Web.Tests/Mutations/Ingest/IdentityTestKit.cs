using MootaDesk.Web.Tests.Integrations.Webhook;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Integrations.Moota;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Proof;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Mutations.Ingest;

/// <summary>
/// Moota's API v2 answering with the webhook-then-pull case pages exactly as given: GET /bank is bank-p1.json, GET
/// /mutation for bnkSIG001 is mutation-bnkSIG001-p1.json then -p2.json, the OVO account has no mutations.
/// </summary>
public sealed class CaseFileMoota : HttpMessageHandler
{
    public const string BaseUrl = "https://moota.case/api/v2/";
    public const string Token = "case-token-0123456789abcdef";

    public List<string> Requests { get; } = [];

    /// <summary>When set, every call is answered with this status (e.g. 401 for a revoked token).</summary>
    public HttpStatusCode? AlwaysAnswer { get; set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        lock (Requests) Requests.Add(uri.PathAndQuery);
        if (AlwaysAnswer is { } status) return Task.FromResult(Json(status, """{"error":"Unauthenticated."}"""));
        if (request.Headers.Authorization?.ToString() != "Bearer " + Token) return Task.FromResult(Json(HttpStatusCode.Unauthorized, """{"error":"Unauthenticated."}"""));
        var query = HttpUtility.ParseQueryString(uri.Query);
        var page = query["page"] ?? "1";
        if (uri.AbsolutePath.EndsWith("/bank")) return Task.FromResult(Case("webhook-then-pull/bank-p1.json"));
        if (uri.AbsolutePath.EndsWith("/mutation") && query["bank"] == "bnkSIG001")
            return Task.FromResult(Case(page == "1" ? "webhook-then-pull/mutation-bnkSIG001-p1.json" : "webhook-then-pull/mutation-bnkSIG001-p2.json"));
        if (uri.AbsolutePath.EndsWith("/mutation"))
            return Task.FromResult(Json(HttpStatusCode.OK, """{"current_page":1,"data":[],"next_page_url":null,"last_page":1,"total":0}"""));
        return Task.FromResult(Json(HttpStatusCode.NotFound, """{"message":"Not Found"}"""));
    }

    private static HttpResponseMessage Case(string name) =>
        new(HttpStatusCode.OK) { Content = new ByteArrayContent(IngestCases.Bytes(name)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } } };

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

/// <summary>
/// The whole app with its Moota API integration provisioned from configuration (token and base URL), pulling from
/// <see cref="CaseFileMoota"/>, an Ops script key with the `integrations` scope, and unique code 37 for every order
/// (the case's order pays Rp 200.000 + 37). The background pull is off: tests pull when they say so.
/// </summary>
public sealed class IdentityApp : MootaDeskFactory
{
    public const string OpsKey = "ops-script-key-0123456789";
    public const string FinanceKey = "finance-script-key-0123456789";

    public CaseFileMoota Moota { get; } = new();

    public IdentityApp()
    {
        Settings["MootaDesk:Moota:Api:Token"] = CaseFileMoota.Token;
        Settings["MootaDesk:Moota:Api:BaseUrl"] = CaseFileMoota.BaseUrl;
        Settings["MootaDesk:Moota:Api:IntervalMinutes"] = "30";
        Settings["MootaDesk:Moota:Pull:Enabled"] = "false";
        Settings["MootaDesk:Moota:Pull:RetryDelay"] = "00:00:00";
        Settings["MootaDesk:Moota:Pull:MaxRetries"] = "1";
        Settings["MootaDesk:Api:Keys:0:Name"] = "ops-script";
        Settings["MootaDesk:Api:Keys:0:Key"] = OpsKey;
        Settings["MootaDesk:Api:Keys:0:Scopes"] = "integrations";
        Settings["MootaDesk:Api:Keys:0:Role"] = "Ops";
        Settings["MootaDesk:Api:Keys:1:Name"] = "finance-script";
        Settings["MootaDesk:Api:Keys:1:Key"] = FinanceKey;
        Settings["MootaDesk:Api:Keys:1:Scopes"] = "integrations,read";
        Settings["MootaDesk:Api:Keys:1:Role"] = "Finance";
        Settings["MootaDesk:Orders:UniqueCodeMin"] = "37";
        Settings["MootaDesk:Orders:UniqueCodeMax"] = "37";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddHttpClient<IMootaApiClient, MootaApiClient>().ConfigurePrimaryHttpMessageHandler(() => Moota));
    }

    public async Task<MootaDeskDbContext> DbAsync() => await Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();

    /// <summary>POST /api/moota/sync with a script key.</summary>
    public async Task<HttpResponseMessage> SyncAsync(string? key = OpsKey, string query = "")
    {
        var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/moota/sync" + query);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>A correctly signed delivery of exactly these bytes, then waits until the inbox has processed it.</summary>
    public async Task<HttpResponseMessage> DeliverAsync(byte[] body)
    {
        var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/moota") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Signature", MootaSignature.Compute(body, WebhookSecret));
        var response = await client.SendAsync(request);
        await WebhookTestKit.WaitForInboxAsync(this);
        return response;
    }

    /// <summary>The account of the case (BCA 0144050123, Moota bank_id bnkSIG001), as the shop set it up before any delivery.</summary>
    public async Task<int> CaseAccountAsync()
    {
        await using var db = await DbAsync();
        var account = new Account
        {
            BankCode = "bcaV3", AccountNumber = "0144050123", Label = "BCA Uji Sig", HolderName = "PT Contoh Jaya", ExternalId = "bnkSIG001",
            CreatedAt = Time.GetUtcNow().UtcDateTime,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>An order of Rp 200.000 on the case account: with unique code 37 it waits for exactly Rp 200.037.</summary>
    public async Task<OrderView> CaseOrderAsync(int accountId, string reference = "INV-DBL-1")
    {
        var result = await Services.GetRequiredService<OrderCreator>().CreateOneAsync(new OrderRequest
        {
            Reference = reference, CustomerName = "Dewi Lestari", WhatsApp = "0812-3456-7890", Amount = 200_000m, AccountId = accountId,
        }, new Actor("finance"));
        result.Errors.ShouldBeEmpty();
        result.Created[0].PayableAmount.ShouldBe(200_037m);
        return result.Created[0];
    }
}

/// <summary>Webhook bodies built from the case pages' own items, so webhook and pull describe one mutation with Moota's own fields.</summary>
internal static class MootaBodies
{
    /// <summary>The item with this mutation_id from the case pages, as a one-element webhook array.</summary>
    public static byte[] FromCasePage(string mutationId)
    {
        foreach (var page in new[] { "webhook-then-pull/mutation-bnkSIG001-p1.json", "webhook-then-pull/mutation-bnkSIG001-p2.json" })
        {
            var data = JsonNode.Parse(IngestCases.Bytes(page))!["data"]!.AsArray();
            if (data.FirstOrDefault(i => (string?)i!["mutation_id"] == mutationId) is { } item)
                return Encoding.UTF8.GetBytes(new JsonArray(item.DeepClone()).ToJsonString());
        }
        throw new ArgumentException($"No item {mutationId} in the case pages.");
    }

    /// <summary>A webhook element in Moota's shape for the case account, with the values a test wants.</summary>
    public static string Element(string id, string date, decimal amount, string type = "CR", string description = "TRSF E-BANKING CR BUDI", decimal balance = 0,
        string bankId = "bnkSIG001", string number = "0144050123", string bankType = "bcaV3") =>
        new JsonObject
        {
            ["mutation_id"] = id, ["token"] = id, ["bank_id"] = bankId, ["account_number"] = number, ["date"] = date, ["description"] = description,
            ["amount"] = amount, ["type"] = type, ["balance"] = balance, ["note"] = "", ["taggings"] = new JsonArray(),
            ["bank"] = new JsonObject
            {
                ["bank_id"] = bankId, ["bank_type"] = bankType, ["label"] = "BCA Uji Sig", ["account_number"] = number, ["atas_nama"] = "PT Contoh Jaya", ["meta"] = null,
            },
        }.ToJsonString();

    public static byte[] Array(params string[] elements) => Encoding.UTF8.GetBytes("[" + string.Join(",", elements) + "]");
}
