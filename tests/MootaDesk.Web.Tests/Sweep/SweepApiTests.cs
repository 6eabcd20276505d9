using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Sweep;

public class SweepApiTests : IDisposable
{
    private const string SummaryKey = "mdk_test_summary_key_0123456789";
    private const string ReadKey = "mdk_test_read_key_0123456789";
    private readonly MootaDeskFactory _app = new();

    public SweepApiTests()
    {
        _app.Settings["MootaDesk:Api:Keys:0:Name"] = "bot";
        _app.Settings["MootaDesk:Api:Keys:0:Key"] = SummaryKey;
        _app.Settings["MootaDesk:Api:Keys:0:Scopes"] = "summary";
        _app.Settings["MootaDesk:Api:Keys:0:Role"] = "Finance";
        _app.Settings["MootaDesk:Api:Keys:1:Name"] = "reader";
        _app.Settings["MootaDesk:Api:Keys:1:Key"] = ReadKey;
        _app.Settings["MootaDesk:Api:Keys:1:Scopes"] = "read";
        _app.Time.SetJakarta(2026, 11, 21, 16, 40);
    }

    public void Dispose() => _app.Dispose();

    private HttpClient Client(string? key)
    {
        var c = _app.CreateBareClient();
        if (key is not null) c.DefaultRequestHeaders.Add("X-Api-Key", key);
        return c;
    }

    [Fact]
    public async Task Automation_prepares_a_day_once_and_reads_its_five_lines_as_json_and_text()
    {
        var bot = Client(SummaryKey);
        var created = await bot.PostAsync("/api/sweeps/2026-11-21", null);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await bot.PostAsync("/api/sweeps/2026-11-21", null);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetBoolean().ShouldBeFalse();

        var json = await bot.GetFromJsonAsync<JsonElement>("/api/summaries/2026-11-21");
        json.GetProperty("lines").GetArrayLength().ShouldBe(5);
        json.GetProperty("lines")[0].GetString().ShouldBe("Pemasukan: Rp 0 (0 transaksi)");
        json.GetProperty("signedOff").GetBoolean().ShouldBeFalse();
        json.GetProperty("signedOffBy").ValueKind.ShouldBe(JsonValueKind.Null);

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/summaries/2026-11-21");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        var text = await bot.SendAsync(request);
        text.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var message = (await text.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        message.Length.ShouldBe(6);
        message[0].ShouldBe("Ringkasan Toko Saya, Sabtu 21 November 2026");
        json.GetProperty("heading").GetString().ShouldBe(message[0]);
        text.Headers.GetValues("X-Sweep-Signed-Off").Single().ShouldBe("false");

        await using var scope = _app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        var sweep = await db.Sweeps.SingleAsync();
        sweep.Trigger.ShouldBe(SweepTrigger.Api);
        (await db.AuditEvents.SingleAsync(a => a.Action == "sweep.prepare")).Actor.ShouldBe("api:bot");
    }

    [Fact]
    public async Task A_signed_off_summary_says_who_and_when()
    {
        var bot = Client(SummaryKey);
        (await bot.PostAsync("/api/sweeps/2026-11-21", null)).EnsureSuccessStatusCode();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
            var s = await db.Sweeps.SingleAsync();
            s.SignedOffAt = new DateTime(2026, 11, 21, 9, 45, 0, DateTimeKind.Utc);
            s.SignedOffBy = "fina";
            await db.SaveChangesAsync();
        }
        var json = await bot.GetFromJsonAsync<JsonElement>("/api/summaries/2026-11-21");
        json.GetProperty("signedOff").GetBoolean().ShouldBeTrue();
        json.GetProperty("signedOffBy").GetString().ShouldBe("fina");
        json.GetProperty("signedOffAt").GetDateTime().ShouldBe(new DateTime(2026, 11, 21, 9, 45, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Unknown_days_bad_dates_missing_keys_and_wrong_scopes_are_refused()
    {
        (await Client(SummaryKey).GetAsync("/api/summaries/2026-11-20")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client(SummaryKey).GetAsync("/api/summaries/21-11-2026")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Client(SummaryKey).PostAsync("/api/sweeps/2026-11-22", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Client(null).GetAsync("/api/summaries/2026-11-21")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Client(ReadKey).PostAsync("/api/sweeps/2026-11-21", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Client(ReadKey).GetAsync("/api/summaries/2026-11-21")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_sweep_pages_are_closed_to_Ops_and_the_task_page_is_open_to_CS()
    {
        await _app.CreateUserAsync("opi", "kopi-susu-gula-aren", Roles.Ops);
        await _app.CreateUserAsync("cece", "kopi-susu-gula-aren", Roles.CS);
        var ops = await _app.SignInAsync("opi", "kopi-susu-gula-aren");
        var denied = await ops.GetAsync("/sweep");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("akses-ditolak");

        var cs = await _app.SignInAsync("cece", "kopi-susu-gula-aren");
        (await cs.GetAsync("/sweep/tugas")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cs.GetAsync("/sweep")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await cs.GetAsync("/laporan")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
