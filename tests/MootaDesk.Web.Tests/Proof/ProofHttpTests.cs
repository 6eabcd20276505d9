using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Proof;
using MootaDesk.Web.Proof;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Proof;

public class ProofHttpTests
{
    private const string ProofKey = "test-proof-key-0123456789";
    private const string ProofOnlyKey = "proof-only-key-0123456789";
    private const string ReadKey = "test-read-key-0123456789";
    private const string Password = "kopi-susu-gula-aren";

    private static async Task<(MootaDeskFactory Factory, ProofSeed Seed)> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var factory = new MootaDeskFactory();
        factory.Settings["MootaDesk:Api:Keys:0:Name"] = "shopbot";
        factory.Settings["MootaDesk:Api:Keys:0:Key"] = ProofKey;
        // A key acts as its role narrowed by its scopes: without "read" even a Finance key cannot tell a debit exists.
        factory.Settings["MootaDesk:Api:Keys:0:Scopes"] = "proof,read";
        factory.Settings["MootaDesk:Api:Keys:0:Role"] = Roles.Finance;
        factory.Settings["MootaDesk:Api:Keys:1:Name"] = "reporting";
        factory.Settings["MootaDesk:Api:Keys:1:Key"] = ReadKey;
        factory.Settings["MootaDesk:Api:Keys:1:Scopes"] = "read";
        factory.Settings["MootaDesk:Api:Keys:2:Name"] = "proof-only";
        factory.Settings["MootaDesk:Api:Keys:2:Key"] = ProofOnlyKey;
        factory.Settings["MootaDesk:Api:Keys:2:Scopes"] = "proof";
        factory.Settings["MootaDesk:Api:Keys:2:Role"] = Roles.Finance;
        configure?.Invoke(factory.Settings);
        await factory.CreateUserAsync("owner", Password, Roles.Owner);
        var seed = await ProofSeed.CreateAsync(factory.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>(), factory.Time.GetUtcNow().UtcDateTime);
        return (factory, seed);
    }

    private static HttpClient ApiClient(MootaDeskFactory factory, string? key)
    {
        var client = factory.CreateBareClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task The_proof_API_answers_401_403_404_422_and_201()
    {
        var (factory, seed) = await StartAsync();
        using var _ = factory;

        (await ApiClient(factory, null).PostAsync($"/api/mutations/{seed.BudiCredit}/proof", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ApiClient(factory, "wrong-key").PostAsync($"/api/mutations/{seed.BudiCredit}/proof", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ApiClient(factory, ReadKey).PostAsync($"/api/mutations/{seed.BudiCredit}/proof", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var api = ApiClient(factory, ProofKey);
        (await api.PostAsync("/api/mutations/999999/proof", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var debit = await api.PostAsync($"/api/mutations/{seed.SupplierDebit}/proof", null);
        debit.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await debit.Content.ReadAsStringAsync()).ShouldContain("debit");
        (await ApiClient(factory, ProofOnlyKey).PostAsync($"/api/mutations/{seed.SupplierDebit}/proof", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var created = await api.PostAsync($"/api/mutations/{seed.BudiCredit}/proof", null);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = (await created.Content.ReadFromJsonAsync<JsonElement>());
        body.GetProperty("text").GetString()!.ShouldContain("Pembayaran diterima");
        body.GetProperty("text").GetString()!.ShouldContain("BCA ••••0123");
        body.GetProperty("orderReference").GetString().ShouldBe("INV-2026-0042");
        var verificationUrl = body.GetProperty("verificationUrl").GetString()!;
        var pdfUrl = body.GetProperty("pdfUrl").GetString()!;
        verificationUrl.ShouldContain("/v/");

        // The PDF link works for the caller without any key (a chat bot forwards it as is).
        var pdf = await factory.CreateBareClient().GetAsync(new Uri(pdfUrl).PathAndQuery);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync())[..5].ShouldBe("%PDF-"u8.ToArray());
        var png = await factory.CreateBareClient().GetAsync(new Uri(body.GetProperty("imageUrl").GetString()!).PathAndQuery);
        (await png.Content.ReadAsByteArrayAsync())[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "proof.create");
        audit.Actor.ShouldBe("api:shopbot");
        var events = await db.ProofEvents.OrderBy(e => e.Id).Select(e => new { e.Kind, e.Format, e.Actor }).ToListAsync();
        events[0].ShouldBe(new { Kind = ProofEventKind.Created, Format = (string?)"api", Actor = "api:shopbot" });
        events.Skip(1).ShouldAllBe(e => e.Kind == ProofEventKind.ViewedPublic && e.Actor == ProofApi.PublicActorName);
    }

    [Fact]
    public async Task A_CS_key_cannot_reach_a_debit_at_all()
    {
        var (factory, seed) = await StartAsync(s =>
        {
            s["MootaDesk:Api:Keys:2:Name"] = "cs-bot";
            s["MootaDesk:Api:Keys:2:Key"] = "test-cs-key-0123456789";
            s["MootaDesk:Api:Keys:2:Scopes"] = "proof";
            s["MootaDesk:Api:Keys:2:Role"] = Roles.CS;
        });
        using var _ = factory;
        var api = ApiClient(factory, "test-cs-key-0123456789");
        (await api.PostAsync($"/api/mutations/{seed.SupplierDebit}/proof", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PostAsync($"/api/mutations/{seed.SitiCredit}/proof", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_public_page_shows_the_masked_card_and_nothing_else()
    {
        var (factory, seed) = await StartAsync();
        using var _ = factory;
        var url = await CreateProofUrlAsync(factory, seed.BudiCredit);

        var anonymous = factory.CreateBareClient();
        var response = await anonymous.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Pembayaran diterima");
        html.ShouldContain("Rp 150.123");
        html.ShouldContain("BCA ••••0123");
        html.ShouldContain("BUDI SANTOSO");
        html.ShouldContain("INV-2026-0042");

        html.ShouldNotContain(ProofSeed.FullAccountNumber);
        html.ShouldNotContain("98.765.432");                // the balance
        html.ShouldNotContain("SITI AMINAH");               // another customer's transfer
        html.ShouldNotContain("SUPPLIER RAHASIA");          // a debit
        html.ShouldNotContain("7.000.000");
        html.ShouldNotContain("BCA Operasional");           // the account's internal label
        html.ShouldNotContain("0812");                      // the customer's phone number
        html.ShouldNotContain("href=\"mutasi\"");           // no navigation into the app
        html.ShouldNotContain("md-sidebar");
    }

    [Fact]
    public async Task Tampered_revoked_and_expired_links_show_no_card()
    {
        var (factory, seed) = await StartAsync();
        using var _ = factory;
        var url = await CreateProofUrlAsync(factory, seed.BudiCredit);
        var anonymous = factory.CreateBareClient();

        var tampered = url[..^2] + (url[^2] == 'A' ? "BB" : "AA");
        var bad = await anonymous.GetAsync(tampered);
        bad.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        badHtml.ShouldContain("Bukti tidak berlaku");
        badHtml.ShouldNotContain("150.123");
        (await anonymous.GetAsync(tampered + "/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync())
        {
            var proofId = await db.Proofs.Select(p => p.Id).SingleAsync();
            await factory.Services.GetRequiredService<RevokeProofCommand>().RevokeAsync(proofId, "salah", new("owner"));
        }
        var revoked = await anonymous.GetAsync(url);
        revoked.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var revokedHtml = WebUtility.HtmlDecode(await revoked.Content.ReadAsStringAsync());
        revokedHtml.ShouldContain("dicabut");
        revokedHtml.ShouldNotContain("150.123");
        (await anonymous.GetAsync(url + "/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A second proof, left alone until its link runs out (the clock only moves forward).
        var laterUrl = await CreateProofUrlAsync(factory, seed.BudiCredit);
        factory.Time.Advance(TimeSpan.FromDays(31));
        var expired = await anonymous.GetAsync(laterUrl);
        expired.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var expiredHtml = WebUtility.HtmlDecode(await expired.Content.ReadAsStringAsync());
        expiredHtml.ShouldContain("Masa berlaku tautan ini sudah habis");
        expiredHtml.ShouldNotContain("150.123");
    }

    [Fact]
    public async Task The_public_pages_are_rate_limited_per_address()
    {
        var (factory, seed) = await StartAsync(s => s["MootaDesk:Proof:PublicRequestsPerMinute"] = "3");
        using var _ = factory;
        var url = await CreateProofUrlAsync(factory, seed.BudiCredit);
        var anonymous = factory.CreateBareClient();
        for (var i = 0; i < 3; i++) (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await anonymous.GetAsync(url + "/pdf");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Terlalu banyak permintaan");
    }

    [Fact]
    public async Task Signed_in_CS_downloads_proofs_and_Ops_cannot()
    {
        var (factory, seed) = await StartAsync();
        using var _ = factory;
        await factory.CreateUserAsync("dewi", Password, Roles.CS);
        await factory.CreateUserAsync("oki", Password, Roles.Ops);
        await CreateProofUrlAsync(factory, seed.BudiCredit);
        long proofId;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync())
            proofId = await db.Proofs.Select(p => p.Id).SingleAsync();

        var cs = await factory.SignInAsync("dewi", Password);
        var pdf = await cs.GetAsync($"/bukti/{proofId}/pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("bukti-");
        (await cs.GetAsync($"/bukti/{proofId}/png")).Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await cs.GetAsync($"/bukti/{proofId}/cetak")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ops = await factory.SignInAsync("oki", Password);
        var refused = await ops.GetAsync($"/bukti/{proofId}/pdf");
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.Found);
        if (refused.StatusCode != HttpStatusCode.Forbidden) refused.Headers.Location!.ToString().ShouldContain("akses-ditolak");

        await using var check = await factory.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        var kinds = await check.ProofEvents.Where(e => e.Actor == "dewi").Select(e => e.Kind).ToListAsync();
        kinds.ShouldBe([ProofEventKind.Pdf, ProofEventKind.Png, ProofEventKind.Print], ignoreOrder: true);

        await factory.Services.GetRequiredService<RevokeProofCommand>().RevokeAsync(proofId, null, new("owner"));
        (await cs.GetAsync($"/bukti/{proofId}/pdf")).StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task The_app_refuses_a_proof_for_a_debit_with_a_message_and_only_Finance_and_the_Owner_see_the_log()
    {
        var (factory, seed) = await StartAsync();
        using var _ = factory;
        await factory.CreateUserAsync("dewi", Password, Roles.CS);
        await factory.CreateUserAsync("fina", Password, Roles.Finance);

        var finance = await factory.SignInAsync("fina", Password);
        var debit = await finance.GetAsync($"/bukti/mutasi/{seed.SupplierDebit}");
        debit.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await debit.Content.ReadAsStringAsync()).ShouldContain("Bukti hanya dapat dibuat untuk uang masuk");

        var credit = await finance.GetAsync($"/bukti/mutasi/{seed.BudiCredit}");
        credit.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Found);
        credit.Headers.Location!.ToString().ShouldMatch(@"bukti/\d+$");
        (await finance.GetAsync("/bukti/log")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var cs = await factory.SignInAsync("dewi", Password);
        WebUtility.HtmlDecode(await (await cs.GetAsync($"/bukti/mutasi/{seed.SupplierDebit}")).Content.ReadAsStringAsync())
            .ShouldContain("tidak ditemukan");
        var log = await cs.GetAsync("/bukti/log");
        log.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Found, HttpStatusCode.Forbidden);
        if (log.StatusCode != HttpStatusCode.Forbidden) log.Headers.Location!.ToString().ShouldContain("akses-ditolak");

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        (await db.Proofs.CountAsync()).ShouldBe(1);
        (await db.Proofs.AnyAsync(p => p.MutationId == seed.SupplierDebit)).ShouldBeFalse();
    }

    private static async Task<string> CreateProofUrlAsync(MootaDeskFactory factory, long mutationId)
    {
        var created = await ApiClient(factory, ProofKey).PostAsync($"/api/mutations/{mutationId}/proof", null);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var url = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verificationUrl").GetString()!;
        return new Uri(url).PathAndQuery;
    }
}
