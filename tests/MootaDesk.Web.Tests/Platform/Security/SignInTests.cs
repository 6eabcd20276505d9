using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Web.Platform.Hosting;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform.Security;

/// <summary>Sign-in as the anchors do it: no account enumeration, lock-out that one address cannot abuse, no common passwords, authenticator two-factor.</summary>
public class SignInTests : IDisposable
{
    private const string Password = "kopi-susu-gula-aren";
    private readonly MootaDeskFactory _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>A browser at <paramref name="address"/>, keeping its cookies.</summary>
    private sealed class Browser(MootaDeskFactory app, string address = "192.0.2.10")
    {
        public HttpClient Client { get; } = app.CreateBareClient();

        public HttpRequestMessage Request(HttpMethod method, string path)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Add(MootaDeskFactory.RemoteIpHeader, address);
            return request;
        }

        public Task<HttpResponseMessage> GetAsync(string path) => Client.SendAsync(Request(HttpMethod.Get, path));

        public async Task<HttpResponseMessage> PostFormAsync(string path, string handler, Dictionary<string, string> fields)
        {
            var form = await (await GetAsync(path)).Content.ReadAsStringAsync();
            var request = Request(HttpMethod.Post, path);
            fields["_handler"] = handler;
            fields["__RequestVerificationToken"] = MootaDeskFactory.AntiforgeryToken(form);
            request.Content = new FormUrlEncodedContent(fields);
            return await Client.SendAsync(request);
        }

        public Task<HttpResponseMessage> SignInAsync(string user, string password) =>
            PostFormAsync("/masuk", "login", new() { ["Input.UserName"] = user, ["Input.Password"] = password });
    }

    /// <summary>Where a redirect leads, as a path ("/masuk?…"): Blazor's server-side redirects are absolute.</summary>
    private static string To(HttpResponseMessage r) =>
        r.Headers.Location is not { } l ? "" : l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString;

    private static string ErrorOf(string html) => WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"sign-in-error\">([^<]*)<").Groups[1].Value);

    [Fact]
    public async Task Unknown_user_wrong_password_and_disabled_account_get_the_same_message()
    {
        await _app.CreateUserAsync("fina", Password, Roles.Finance);
        var disabled = await _app.CreateUserAsync("oki", Password, Roles.Ops);
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync())
            await db.Users.Where(u => u.Id == disabled.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));

        var browser = new Browser(_app);
        var unknown = ErrorOf(await (await browser.SignInAsync("nobody", Password)).Content.ReadAsStringAsync());
        var wrong = ErrorOf(await (await browser.SignInAsync("fina", "salah-sekali-ini-99")).Content.ReadAsStringAsync());
        var off = ErrorOf(await (await browser.SignInAsync("oki", Password)).Content.ReadAsStringAsync());
        unknown.ShouldNotBeEmpty();
        wrong.ShouldBe(unknown);
        off.ShouldBe(unknown);
    }

    [Fact]
    public async Task One_address_cannot_lock_the_Owner_out_and_an_unknown_name_locks_the_same_way()
    {
        await _app.CreateUserAsync("owner", Password, Roles.Owner);
        var attacker = new Browser(_app, "198.51.100.66");
        string last = "", lastUnknown = "";
        for (var i = 0; i < 6; i++)
        {
            last = ErrorOf(await (await attacker.SignInAsync("owner", "tebak-tebakan-" + i)).Content.ReadAsStringAsync());
            lastUnknown = ErrorOf(await (await attacker.SignInAsync("ghost", "tebak-tebakan-" + i)).Content.ReadAsStringAsync());
        }
        last.ShouldContain("Terlalu banyak percobaan gagal");
        lastUnknown.ShouldBe(last);
        // Even the right password from the attacker's address waits out the lock-out…
        ErrorOf(await (await attacker.SignInAsync("owner", Password)).Content.ReadAsStringAsync()).ShouldBe(last);

        // …while the Owner at the shop signs in as usual.
        var owner = await new Browser(_app, "192.0.2.44").SignInAsync("owner", Password);
        owner.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        To(owner).ShouldBe("/");

        // And the lock-out ends by itself.
        _app.Time.Advance(TimeSpan.FromMinutes(16));
        (await attacker.SignInAsync("owner", Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Sign_in_posts_are_rate_limited_per_address()
    {
        _app.Settings["MootaDesk:SignIn:AttemptsPerAddress"] = "3";
        await _app.CreateUserAsync("owner", Password, Roles.Owner);
        var sprayer = new Browser(_app, "198.51.100.77");
        for (var i = 0; i < 3; i++)
            (await sprayer.SignInAsync("user" + i, "tebak-tebakan-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var limited = await sprayer.SignInAsync("user9", "tebak-tebakan-1");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("Terlalu banyak percobaan masuk");
        // Showing the page stays free, and another address is not affected.
        (await sprayer.GetAsync("/masuk")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await new Browser(_app, "192.0.2.44").SignInAsync("owner", Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("password12")]
    [InlineData("password1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("rahasia12345")]
    [InlineData("Jakarta12345!")]
    public async Task A_common_or_breached_password_is_refused_for_the_Owner(string password)
    {
        var browser = new Browser(_app);
        var response = await browser.PostFormAsync("/penyiapan", "setup", new()
        {
            ["Input.BusinessName"] = "Toko Batik Sari", ["Input.DisplayName"] = "Sari", ["Input.UserName"] = "owner",
            ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        (html.Contains("terlalu umum atau mudah ditebak") || html.Contains("minimal 12 karakter")).ShouldBeTrue();
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        (await db.Users.AnyAsync()).ShouldBeFalse();
    }

    [Theory]
    [InlineData("password1234", true)]
    [InlineData("sari-owner-2026", true)]
    [InlineData("kopi-susu-gula-aren", false)]
    [InlineData("monyet-lucu-makan-88", false)]
    public void The_password_check_uses_the_common_password_list_and_the_persons_own_names(string password, bool refused) =>
        CommonPasswordValidator.IsGuessable(password, ["sari", "Sari Owner"]).ShouldBe(refused);

    // RFC 6238 as authenticator apps compute it: HMAC-SHA1 over the 30-second step, 6 digits.
    private static string Totp(string base32Key)
    {
        var key = Base32(base32Key);
        var step = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(step);
        var hash = HMACSHA1.HashData(key, step);
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6");
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.Replace(" ", "").TrimEnd('=').ToUpperInvariant().Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }

    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAuthenticatorAsync(AppUser user)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        await users.ResetAuthenticatorKeyAsync(stored);
        var key = (await users.GetAuthenticatorKeyAsync(stored))!;
        await users.SetTwoFactorEnabledAsync(stored, true);
        return (key, (await users.GenerateNewTwoFactorRecoveryCodesAsync(stored, 10))!.ToList());
    }

    [Fact]
    public async Task Two_factor_sign_in_asks_for_the_authenticator_code_after_the_password()
    {
        var fina = await _app.CreateUserAsync("fina", Password, Roles.Finance);
        var (key, _) = await EnableAuthenticatorAsync(fina);
        var browser = new Browser(_app);

        var first = await browser.SignInAsync("fina", Password);
        To(first).ShouldStartWith("/masuk/dua-langkah");
        To(await browser.GetAsync("/mutasi")).ShouldContain("/masuk?");

        var wrong = await browser.PostFormAsync(To(first), "two-factor", new() { ["Input.Code"] = "000000" });
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("Kode salah");

        var second = await browser.PostFormAsync(To(first), "two-factor", new() { ["Input.Code"] = Totp(key) });
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        To(second).ShouldBe("/");
        (await browser.GetAsync("/mutasi")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var fina = await _app.CreateUserAsync("fina", Password, Roles.Finance);
        var (_, codes) = await EnableAuthenticatorAsync(fina);
        var browser = new Browser(_app);
        var first = await browser.SignInAsync("fina", Password);
        var second = await browser.PostFormAsync(To(first), "two-factor", new() { ["Input.Code"] = codes[0] });
        To(second).ShouldBe("/");

        var again = new Browser(_app, "192.0.2.11");
        var step = await again.SignInAsync("fina", Password);
        var reused = await again.PostFormAsync(To(step), "two-factor", new() { ["Input.Code"] = codes[0] });
        (await reused.Content.ReadAsStringAsync()).ShouldContain("Kode salah");
    }

    [Fact]
    public async Task A_person_sets_up_the_authenticator_on_the_security_page_and_keeps_working()
    {
        await _app.CreateUserAsync("fina", Password, Roles.Finance);
        var browser = new Browser(_app);
        await browser.SignInAsync("fina", Password);
        (await browser.PostFormAsync("/akun/dua-langkah", "start", [])).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await (await browser.GetAsync("/akun/dua-langkah")).Content.ReadAsStringAsync());
        page.ShouldContain("data:image/png;base64,");
        var key = Regex.Match(page, "data-testid=\"two-factor-key\">([^<]+)<").Groups[1].Value;

        var enabled = WebUtility.HtmlDecode(await (await browser.PostFormAsync("/akun/dua-langkah", "enable", new() { ["Input.Code"] = Totp(key) })).Content.ReadAsStringAsync());
        Regex.Matches(enabled, "<li><code>[A-Z0-9]{5}-[A-Z0-9]{5}</code></li>").Count.ShouldBe(10);
        // The page re-issued this session's cookie with the new stamp: still signed in, now as a two-factor sign-in.
        (await browser.GetAsync("/mutasi")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        (await db.Users.SingleAsync(u => u.UserName == "fina")).TwoFactorEnabled.ShouldBeTrue();
        (await db.AuditEvents.CountAsync(a => a.Action == "user.two-factor-enable")).ShouldBe(1);
    }

    [Fact]
    public async Task When_the_Owner_requires_two_factor_Finance_without_it_can_only_set_it_up_and_CS_is_unaffected()
    {
        await _app.CreateUserAsync("fina", Password, Roles.Finance);
        await _app.CreateUserAsync("cs", Password, Roles.CS);
        await _app.Services.GetRequiredService<TwoFactorPolicy>().SetRequiredAsync(true, new Actor("owner"));

        var fina = new Browser(_app);
        await fina.SignInAsync("fina", Password);
        To(await fina.GetAsync("/mutasi")).ShouldBe("/akun/dua-langkah");
        (await fina.GetAsync("/mutasi/ekspor?format=csv")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var setup = await fina.GetAsync("/akun/dua-langkah");
        setup.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await setup.Content.ReadAsStringAsync()).ShouldContain("two-factor-required");

        var cs = new Browser(_app, "192.0.2.12");
        await cs.SignInAsync("cs", Password);
        (await cs.GetAsync("/mutasi")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();
        (await db.AuditEvents.SingleAsync(a => a.Action == "setting.set" && a.EntityId == TwoFactorPolicy.SettingKey)).After!.ShouldContain("true");
    }
}
