using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform;

public class FirstRunAndSignInTests : IDisposable
{
    private readonly MootaDeskFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<HttpResponseMessage> PostSetupAsync(HttpClient client, string user, string password, string confirm)
    {
        var page = await client.GetStringAsync("/penyiapan");
        return await client.PostAsync("/penyiapan", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = MootaDeskFactory.AntiforgeryToken(page),
            ["Input.BusinessName"] = "Toko Batik Sari",
            ["Input.DisplayName"] = "Sari",
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm,
        }));
    }

    [Fact]
    public async Task With_no_users_every_page_leads_to_setup()
    {
        var client = _app.CreateBareClient();
        var response = await client.GetAsync("/mutasi");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/penyiapan");
    }

    [Fact]
    public async Task Setup_creates_the_Owner_once_and_is_then_gone_for_everyone()
    {
        var client = _app.CreateBareClient();
        var created = await PostSetupAsync(client, "owner", "kopi-susu-gula-aren", "kopi-susu-gula-aren");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync())
        {
            var owner = await db.Users.SingleAsync();
            owner.UserName.ShouldBe("owner");
            (await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).SingleAsync()).ShouldBe(Roles.Owner);
            (await db.AuditEvents.AnyAsync(a => a.Action == "user.setup-owner")).ShouldBeTrue();
            (await db.Settings.SingleAsync(s => s.Key == "business.name")).Value.ShouldBe("Toko Batik Sari");
        }

        var stranger = _app.CreateBareClient();
        (await stranger.GetStringAsync("/penyiapan")).ShouldContain("Penyiapan sudah selesai");
        var second = await PostSetupAsync(stranger, "intruder", "kopi-susu-gula-aren", "kopi-susu-gula-aren");
        // The form no longer exists, so a forged post has no handler to reach; nothing is created.
        second.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        await using var check = await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        (await check.Users.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Setup_refuses_a_weak_password_with_a_message_in_Indonesian()
    {
        var response = await PostSetupAsync(_app.CreateBareClient(), "owner", "pendek", "pendek");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Kata sandi minimal 12 karakter");
    }

    [Fact]
    public async Task Wrong_password_is_refused_and_repeated_failures_lock_the_account()
    {
        await _app.CreateUserAsync("finance", "kopi-susu-gula-aren", Roles.Finance);
        var client = _app.CreateBareClient();
        string last = "";
        for (var i = 0; i < 5; i++)
        {
            var form = await client.GetStringAsync("/masuk");
            var response = await client.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = MootaDeskFactory.AntiforgeryToken(form),
                ["Input.UserName"] = "finance",
                ["Input.Password"] = "salah-salah-1",
            }));
            last = await response.Content.ReadAsStringAsync();
        }
        last.ShouldContain("Terlalu banyak percobaan gagal dari alamat ini");
    }

    [Fact]
    public async Task Sign_in_without_antiforgery_token_is_rejected()
    {
        await _app.CreateUserAsync("finance", "kopi-susu-gula-aren", Roles.Finance);
        var response = await _app.CreateBareClient().PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.UserName"] = "finance", ["Input.Password"] = "kopi-susu-gula-aren",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Roles_are_enforced_on_the_server_not_only_in_the_sidebar()
    {
        await _app.CreateUserAsync("owner", "kopi-susu-gula-aren", Roles.Owner);
        await _app.CreateUserAsync("cs", "kopi-susu-gula-aren", Roles.CS);
        var cs = await _app.SignInAsync("cs", "kopi-susu-gula-aren");

        var settings = await cs.GetAsync("/pengaturan");
        settings.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        settings.Headers.Location!.OriginalString.ShouldContain("akses-ditolak");

        (await cs.GetAsync("/mutasi")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        var user = await _app.CreateUserAsync("ops", "kopi-susu-gula-aren", Roles.Ops);
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
        }
        var client = _app.CreateBareClient();
        var form = await client.GetStringAsync("/masuk");
        var response = await client.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = MootaDeskFactory.AntiforgeryToken(form),
            ["Input.UserName"] = "ops", ["Input.Password"] = "kopi-susu-gula-aren",
        }));
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Nama pengguna atau kata sandi salah");
        html.ShouldNotContain("dinonaktifkan");
    }

    [Fact]
    public async Task Health_answers_JSON_when_the_database_answers()
    {
        var response = await _app.CreateBareClient().GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"database\":\"ok\"");
    }

    [Fact]
    public async Task Language_switch_sets_a_cookie_and_pages_speak_English()
    {
        await _app.CreateUserAsync("owner", "kopi-susu-gula-aren", Roles.Owner);
        var client = _app.CreateBareClient();
        (await client.GetStringAsync("/masuk")).ShouldContain("Kata sandi");
        var switched = await client.GetAsync("/budaya?c=en-US&kembali=/masuk");
        switched.Headers.Location!.OriginalString.ShouldBe("/masuk");
        (await client.GetStringAsync("/masuk")).ShouldContain("Password");
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("mutasi")]
    [InlineData("/%0d%0aSet-Cookie:x=1")]
    public async Task Language_switch_answers_400_to_a_return_address_off_site_never_500(string kembali)
    {
        var response = await _app.CreateBareClient().GetAsync("/budaya?c=en-US&kembali=" + kembali);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Exception");
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Sign_in_page_answers_400_to_a_return_address_off_site_never_500(string kembali)
    {
        await _app.CreateUserAsync("owner", "kopi-susu-gula-aren", Roles.Owner);
        var response = await _app.CreateBareClient().GetAsync("/masuk?kembali=" + kembali);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Alamat kembali dalam tautan ini tidak sah");
        html.ShouldNotContain("Exception");
    }
}
