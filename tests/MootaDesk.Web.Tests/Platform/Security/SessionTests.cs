using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Settings;
using MootaDesk.Web.Platform.Hosting;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Platform.Security;

/// <summary>Sessions follow the person: sign-out, disabling, a role change or a password reset end cookies at once and open tabs within a minute.</summary>
public class SessionTests : IDisposable
{
    private const string Password = "kopi-susu-gula-aren";
    private readonly MootaDeskFactory _app = new();

    public void Dispose() => _app.Dispose();

    private HttpClient WithCookie(string cookie)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static bool SentToSignIn(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/masuk");

    private UserAdministration Admin => _app.Services.GetRequiredService<UserAdministration>();
    private static readonly Viewer Owner = Viewer.ForRoles("owner", Roles.Owner);

    [Fact]
    public async Task A_copied_cookie_stops_working_after_sign_out()
    {
        await _app.CreateUserAsync("fina", Password, Roles.Finance);
        var cookie = await _app.SignInCookieAsync("fina", Password);
        var copy = WithCookie(cookie);
        (await copy.GetAsync("/mutasi/ekspor?format=csv")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await WithCookie(cookie).PostAsync("/keluar", null)).Headers.Location!.OriginalString.ShouldBe("/masuk");

        var after = await copy.GetAsync("/mutasi/ekspor?format=csv");
        SentToSignIn(after).ShouldBeTrue($"{after.StatusCode} {after.Headers.Location}");
    }

    public static TheoryData<string> StampChanges => ["disable", "roles", "password"];

    [Theory]
    [MemberData(nameof(StampChanges))]
    public async Task Disabling_demoting_or_resetting_the_password_ends_the_cookie_at_the_next_request(string change)
    {
        var fina = await _app.CreateUserAsync("fina", Password, Roles.Finance);
        var cookie = WithCookie(await _app.SignInCookieAsync("fina", Password));
        (await cookie.GetAsync("/sweep")).StatusCode.ShouldNotBe(HttpStatusCode.Redirect);

        var actor = new Actor("owner");
        var result = change switch
        {
            "disable" => await Admin.SetDisabledAsync(Owner, actor, fina.Id, true),
            "roles" => await Admin.SetRolesAsync(Owner, actor, fina.Id, [Roles.CS]),
            _ => await Admin.ResetPasswordAsync(Owner, actor, fina.Id, "teh-manis-hangat-99"),
        };
        result.Succeeded.ShouldBeTrue(string.Join(", ", result.Errors));

        SentToSignIn(await cookie.GetAsync("/sweep")).ShouldBeTrue();
    }

    private async Task<(CircuitRevalidation Tab, FakeTimeProvider Time, AppUser User)> OpenTabAsync(string role)
    {
        var user = await _app.CreateUserAsync("fina", Password, role);
        ClaimsPrincipal principal;
        await using (var scope = _app.Services.CreateAsyncScope())
            principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        var time = new FakeTimeProvider(_app.Time.GetUtcNow());
        var tab = new CircuitRevalidation(_app.Services.GetRequiredService<IServiceScopeFactory>(), time,
            Microsoft.Extensions.Options.Options.Create(new SessionOptions()), NullLogger<CircuitRevalidation>.Instance);
        tab.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return (tab, time, user);
    }

    private static async Task<bool> SignedInAfterAsync(CircuitRevalidation tab, FakeTimeProvider time, TimeSpan advance, bool expectChange = false)
    {
        var changed = new TaskCompletionSource();
        tab.AuthenticationStateChanged += _ => changed.TrySetResult();
        time.Advance(advance);
        // The check reads the database on another thread: wait for its answer, or give a quiet check time to finish and
        // wait on the clock again. Only the outcome is asserted, never how long it took.
        await Task.WhenAny(changed.Task, Task.Delay(TimeSpan.FromSeconds(expectChange ? 20 : 2)));
        return (await tab.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated == true;
    }

    [Fact]
    public async Task An_open_tab_of_a_disabled_user_is_signed_out_within_a_minute()
    {
        var (tab, time, user) = await OpenTabAsync(Roles.Finance);
        using var _ = tab;
        (await SignedInAfterAsync(tab, time, TimeSpan.FromSeconds(61))).ShouldBeTrue("nothing changed yet");

        (await Admin.SetDisabledAsync(Owner, new Actor("owner"), user.Id, true)).Succeeded.ShouldBeTrue();

        (await SignedInAfterAsync(tab, time, TimeSpan.FromSeconds(60), expectChange: true)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_open_tab_of_a_demoted_user_is_signed_out_within_a_minute()
    {
        var (tab, time, user) = await OpenTabAsync(Roles.Finance);
        using var _ = tab;
        (await Admin.SetRolesAsync(Owner, new Actor("owner"), user.Id, [Roles.CS])).Succeeded.ShouldBeTrue();
        (await SignedInAfterAsync(tab, time, TimeSpan.FromSeconds(60), expectChange: true)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_open_tab_stays_signed_in_while_nothing_changes()
    {
        var (tab, time, _) = await OpenTabAsync(Roles.Finance);
        using var __ = tab;
        for (var i = 0; i < 3; i++) (await SignedInAfterAsync(tab, time, TimeSpan.FromSeconds(60))).ShouldBeTrue();
    }

    [Fact]
    public async Task Commands_take_the_current_roles_from_the_store_not_from_the_tab()
    {
        var (tab, _, user) = await OpenTabAsync(Roles.Finance);
        using var __ = tab;
        var principal = (await tab.GetAuthenticationStateAsync()).User;
        var sessions = _app.Services.GetRequiredService<SessionCheck>();
        (await sessions.ViewerAsync(principal)).Can(Actions.SignOffSweep).ShouldBeTrue();

        // A role change written straight to the store (no new stamp): the next command already acts as CS.
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync())
        {
            var cs = await db.Roles.SingleAsync(r => r.Name == Roles.CS);
            await db.UserRoles.Where(ur => ur.UserId == user.Id).ExecuteDeleteAsync();
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = cs.Id });
            await db.SaveChangesAsync();
        }
        var viewer = await sessions.ViewerAsync(principal);
        viewer.Can(Actions.SignOffSweep).ShouldBeFalse();
        viewer.CanSeeDebits.ShouldBeFalse();

        // Disabled: the tab's claims still say Finance, the store says nobody.
        (await Admin.SetDisabledAsync(Owner, new Actor("owner"), user.Id, true)).Succeeded.ShouldBeTrue();
        (await sessions.ViewerAsync(principal)).Roles.ShouldBeEmpty();
    }
}
