using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.BankAccounts.Statements;

/// <summary>POST /api/statements through the whole app: keys, scopes, roles, preview, commit and every refusal.</summary>
public class StatementsApiTests : IAsyncLifetime
{
    private const string FinanceKey = "finance-import-key-0123456789";
    private const string ReadOnlyKey = "finance-read-key-0123456789";
    private const string CsKey = "cs-import-key-0123456789";

    private readonly MootaDeskFactory _app = new();
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        string[][] keys = [["automation", FinanceKey, "import", "Finance"], ["erp", ReadOnlyKey, "read", "Finance"], ["chatbot", CsKey, "import", "CS"]];
        for (var i = 0; i < keys.Length; i++)
        {
            _app.Settings[$"MootaDesk:Api:Keys:{i}:Name"] = keys[i][0];
            _app.Settings[$"MootaDesk:Api:Keys:{i}:Key"] = keys[i][1];
            _app.Settings[$"MootaDesk:Api:Keys:{i}:Scopes"] = keys[i][2];
            _app.Settings[$"MootaDesk:Api:Keys:{i}:Role"] = keys[i][3];
        }
        _client = _app.CreateBareClient();
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        db.Accounts.Add(new Account { BankCode = "bca", AccountNumber = "0287712345", Label = "BCA Toko", CreatedAt = _app.Time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static string KlikBca => Encoding.UTF8.GetString(StatementSamples.Case("klikbca-shaped.csv"));

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string query, byte[]? file, string? key = FinanceKey, string fileName = "klikbca-shaped.csv")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/statements" + query);
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        var form = new MultipartFormDataContent();
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(part, "file", fileName);
        }
        else form.Add(new StringContent("nothing"), "other");
        request.Content = form;
        var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<int> MutationCountAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        return await db.Mutations.CountAsync();
    }

    [Fact]
    public async Task Preview_of_the_klikbca_shaped_case_answers_counts_totals_footer_and_the_skipped_PEND_row_and_stores_nothing()
    {
        var (status, body) = await PostAsync("?account=0287712345&commit=false", StatementSamples.Case("klikbca-shaped.csv"));
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("committed").GetBoolean().ShouldBeFalse();
        body.GetProperty("file").GetProperty("layout").GetString().ShouldBe("klikbca");
        body.GetProperty("file").GetProperty("periodFrom").GetString().ShouldBe("2026-10-01");
        var counts = body.GetProperty("counts");
        (counts.GetProperty("new").GetInt32(), counts.GetProperty("alreadyPresent").GetInt32(), counts.GetProperty("skipped").GetInt32(), counts.GetProperty("refused").GetInt32())
            .ShouldBe((4, 0, 1, 0));
        body.GetProperty("moneyIn").GetProperty("amount").GetString().ShouldBe("1505500.00");
        body.GetProperty("moneyIn").GetProperty("count").GetInt32().ShouldBe(2);
        body.GetProperty("moneyOut").GetProperty("amount").GetString().ShouldBe("760000.00");
        body.GetProperty("footer").GetProperty("agrees").GetBoolean().ShouldBeTrue();
        body.GetProperty("footer").GetProperty("closingBalance").GetString().ShouldBe("2745500.00");
        body.GetProperty("blocked").GetBoolean().ShouldBeFalse();
        body.GetProperty("canCommit").GetBoolean().ShouldBeTrue();
        var skipped = body.GetProperty("skipped").EnumerateArray().ShouldHaveSingleItem();
        (skipped.GetProperty("line").GetInt32(), skipped.GetProperty("reason").GetString()).ShouldBe((11, "pending"));
        var first = body.GetProperty("new")[0];
        first.GetProperty("transactionTime").GetString().ShouldBe("2026-10-07T00:00:00+07:00");
        first.GetProperty("direction").GetString().ShouldBe("credit");
        body.GetProperty("new")[1].GetProperty("direction").GetString().ShouldBe("debit");
        (await MutationCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Commit_stores_the_file_once_and_a_second_commit_finds_everything_already_present()
    {
        var (status, body) = await PostAsync("?account=0287712345&commit=true", StatementSamples.Case("klikbca-shaped.csv"));
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("committed").GetBoolean().ShouldBeTrue();
        body.GetProperty("importId").GetInt32().ShouldBeGreaterThan(0);
        body.GetProperty("counts").GetProperty("new").GetInt32().ShouldBe(4);
        (await MutationCountAsync()).ShouldBe(4);

        var (again, second) = await PostAsync("?account=0287712345&commit=true", StatementSamples.Case("klikbca-shaped.csv"));
        again.ShouldBe(HttpStatusCode.OK);
        (second.GetProperty("counts").GetProperty("new").GetInt32(), second.GetProperty("counts").GetProperty("alreadyPresent").GetInt32()).ShouldBe((0, 4));
        second.GetProperty("alreadyPresent").GetArrayLength().ShouldBe(4);
        (await MutationCountAsync()).ShouldBe(4);

        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        (await db.AuditEvents.Where(a => a.Action == "statement.import").Select(a => a.Actor).ToListAsync()).ShouldAllBe(a => a == "api:automation");
    }

    [Fact]
    public async Task A_flipped_direction_is_named_in_the_preview_and_refuses_the_commit_with_a_problem()
    {
        var flipped = Encoding.UTF8.GetBytes(KlikBca.Replace("BIAYA ADM,'0000,10000.00,DB", "BIAYA ADM,'0000,10000.00,CR"));
        var (status, preview) = await PostAsync("?account=0287712345", flipped);
        status.ShouldBe(HttpStatusCode.OK);
        preview.GetProperty("blocked").GetBoolean().ShouldBeTrue();
        preview.GetProperty("canCommit").GetBoolean().ShouldBeFalse();
        var contradiction = preview.GetProperty("contradictions").EnumerateArray().ShouldHaveSingleItem();
        contradiction.GetProperty("line").GetInt32().ShouldBe(8);
        contradiction.GetProperty("date").GetString().ShouldBe("2026-10-09");
        contradiction.GetProperty("amount").GetString().ShouldBe("10000.00");
        contradiction.GetProperty("message").GetString()!.ShouldContain("Line 8");

        var (refused, problem) = await PostAsync("?account=0287712345&commit=true&validRowsOnly=true", flipped);
        refused.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("code").GetString().ShouldBe("direction-contradicted");
        problem.GetProperty("contradictions")[0].GetProperty("line").GetInt32().ShouldBe(8);
        (await MutationCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_footer_mismatch_refuses_the_commit()
    {
        var wrong = Encoding.UTF8.GetBytes(KlikBca.Replace("Mutasi Kredit,=,1505500.00,2", "Mutasi Kredit,=,1505000.00,2"));
        var (status, problem) = await PostAsync("?account=0287712345&commit=true", wrong);
        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("code").GetString().ShouldBe("footer-mismatch");
        problem.GetProperty("footer").GetProperty("mismatches")[0].GetProperty("item").GetString().ShouldBe("moneyIn");
        (await MutationCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Refused_rows_stop_the_commit_unless_validRowsOnly_is_sent()
    {
        var broken = Encoding.UTF8.GetBytes(KlikBca.Replace("'14/10,SWITCHING", "'34/10,SWITCHING"));
        var (status, problem) = await PostAsync("?account=0287712345&commit=true", broken);
        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("code").GetString().ShouldBe("rows-refused");
        var refused = problem.GetProperty("refused").EnumerateArray().ShouldHaveSingleItem();
        (refused.GetProperty("line").GetInt32(), refused.GetProperty("reason").GetString(), refused.GetProperty("value").GetString()).ShouldBe((9, "BadDate", "34/10"));
        (await MutationCountAsync()).ShouldBe(0);

        var (ok, body) = await PostAsync("?account=0287712345&commit=true&validRowsOnly=true", broken);
        ok.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("counts").GetProperty("new").GetInt32().ShouldBe(3);
        body.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ShouldContain(w => w!.Contains("rejected rows"));
    }

    [Fact]
    public async Task Year_less_dates_without_a_period_need_the_year_parameter()
    {
        var noPeriod = Encoding.UTF8.GetBytes(KlikBca.Replace("Periode,=,01/10/2026 - 31/10/2026\n", ""));
        var (status, problem) = await PostAsync("?account=0287712345", noPeriod);
        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("code").GetString().ShouldBe("year-needed");

        var (ok, body) = await PostAsync("?account=0287712345&year=2026", noPeriod);
        ok.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("new")[0].GetProperty("transactionTime").GetString().ShouldStartWith("2026-10-07");
    }

    [Theory]
    [InlineData("?account=9999999999", HttpStatusCode.NotFound, "unknown-account")]
    [InlineData("", HttpStatusCode.BadRequest, "missing-account")]
    [InlineData("?account=0287712345&commit=yes", HttpStatusCode.BadRequest, "bad-parameter")]
    [InlineData("?account=0287712345&layout=bank-xyz", HttpStatusCode.BadRequest, "unknown-layout")]
    [InlineData("?account=0287712345&layout=bri", HttpStatusCode.UnprocessableEntity, "layout-does-not-fit")]
    public async Task Bad_requests_are_answered_with_a_problem_and_a_code(string query, HttpStatusCode expected, string code)
    {
        var (status, problem) = await PostAsync(query, StatementSamples.Case("klikbca-shaped.csv"));
        status.ShouldBe(expected);
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Unreadable_missing_and_too_big_files_are_refused()
    {
        var (pdf, unreadable) = await PostAsync("?account=0287712345", Encoding.ASCII.GetBytes("%PDF-1.4 not a statement"), fileName: "mutasi.pdf");
        pdf.ShouldBe(HttpStatusCode.UnprocessableEntity);
        unreadable.GetProperty("code").GetString().ShouldBe("unreadable-file");
        unreadable.GetProperty("detail").GetString()!.ShouldContain("CSV or XLSX");

        var (missing, noFile) = await PostAsync("?account=0287712345", null);
        missing.ShouldBe(HttpStatusCode.BadRequest);
        noFile.GetProperty("code").GetString().ShouldBe("missing-file");

        var (big, tooBig) = await PostAsync("?account=0287712345", new byte[41 * 1024 * 1024]);
        big.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        tooBig.GetProperty("code").GetString().ShouldBe("too-big");
    }

    [Fact]
    public async Task Keys_need_the_import_scope_and_the_Owner_or_Finance_role()
    {
        (await PostAsync("?account=0287712345", StatementSamples.Case("klikbca-shaped.csv"), key: null)).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync("?account=0287712345", StatementSamples.Case("klikbca-shaped.csv"), key: ReadOnlyKey)).Status.ShouldBe(HttpStatusCode.Forbidden);
        // The permission matrix refuses a CS key before the endpoint runs, whatever its scopes.
        (await PostAsync("?account=0287712345&commit=true", StatementSamples.Case("klikbca-shaped.csv"), key: CsKey)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await MutationCountAsync()).ShouldBe(0);
    }
}
