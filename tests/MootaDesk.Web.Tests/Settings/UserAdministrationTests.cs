using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Settings;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Settings;

public class UserAdministrationTests : IDisposable
{
    private readonly MootaDeskFactory _app = new();
    private static readonly Viewer Owner = Viewer.ForRoles("owner", Roles.Owner);

    public void Dispose() => _app.Dispose();

    private UserAdministration Admin => _app.Services.GetRequiredService<UserAdministration>();

    private async Task<MootaDeskDbContext> DbAsync() =>
        await _app.Services.GetRequiredService<IDbContextFactory<MootaDeskDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task The_Owner_creates_a_user_with_roles_and_it_is_audited()
    {
        var owner = await _app.CreateUserAsync("owner", "kopi-susu-gula-aren", Roles.Owner);
        var result = await Admin.CreateAsync(Owner, new Actor("owner", owner.Id, "10.0.0.5"), "dina", "Dina CS", "kopi-susu-gula-aren", [Roles.CS]);
        result.Succeeded.ShouldBeTrue();

        var rows = await Admin.ListAsync(Owner);
        rows.Single(r => r.UserName == "dina").Roles.ShouldBe([Roles.CS]);
        await using var db = await DbAsync();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "user.create");
        audit.Actor.ShouldBe("owner");
        audit.Ip.ShouldBe("10.0.0.5");
        audit.After!.ShouldContain("dina");
    }

    [Fact]
    public async Task Only_the_Owner_may_manage_users_even_when_calling_the_command_directly()
    {
        var finance = Viewer.ForRoles("fin", Roles.Finance);
        await Should.ThrowAsync<UnauthorizedAccessException>(() => Admin.ListAsync(finance));
        await Should.ThrowAsync<UnauthorizedAccessException>(() =>
            Admin.CreateAsync(finance, new Actor("fin"), "x", "x", "kopi-susu-gula-aren", [Roles.Owner]));
    }

    [Fact]
    public async Task The_last_active_Owner_cannot_be_disabled_or_demoted()
    {
        var owner = await _app.CreateUserAsync("owner", "kopi-susu-gula-aren", Roles.Owner);
        var other = await _app.CreateUserAsync("second", "kopi-susu-gula-aren", Roles.Finance);
        var actor = new Actor("second", other.Id);
        (await Admin.SetDisabledAsync(Owner, actor, owner.Id, true)).Errors.ShouldBe(["last-owner"]);
        (await Admin.SetRolesAsync(Owner, actor, owner.Id, [Roles.Finance])).Errors.ShouldBe(["last-owner"]);
        (await Admin.SetDisabledAsync(Owner, new Actor("owner", owner.Id), owner.Id, true)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Disabling_a_user_is_audited_and_blocks_sign_in()
    {
        var owner = await _app.CreateUserAsync("owner", "kopi-susu-gula-aren", Roles.Owner);
        var ops = await _app.CreateUserAsync("ops", "kopi-susu-gula-aren", Roles.Ops);
        (await Admin.SetDisabledAsync(Owner, new Actor("owner", owner.Id), ops.Id, true)).Succeeded.ShouldBeTrue();

        await using var db = await DbAsync();
        (await db.Users.SingleAsync(u => u.Id == ops.Id)).IsDisabled.ShouldBeTrue();
        (await db.AuditEvents.CountAsync(a => a.Action == "user.disable" && a.EntityId == ops.Id)).ShouldBe(1);

        var client = _app.CreateBareClient();
        var form = await client.GetStringAsync("/masuk");
        var response = await client.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = MootaDeskFactory.AntiforgeryToken(form),
            ["Input.UserName"] = "ops", ["Input.Password"] = "kopi-susu-gula-aren",
        }));
        // The same words as a wrong password: the page does not say the account exists.
        (await response.Content.ReadAsStringAsync()).ShouldContain("Nama pengguna atau kata sandi salah");
    }

    [Fact]
    public async Task A_password_reset_works_and_the_password_never_reaches_the_audit_trail()
    {
        var owner = await _app.CreateUserAsync("owner", "kopi-susu-gula-aren", Roles.Owner);
        var cs = await _app.CreateUserAsync("cs", "kopi-susu-gula-aren", Roles.CS);
        (await Admin.ResetPasswordAsync(Owner, new Actor("owner", owner.Id), cs.Id, "baru-sekali-99")).Succeeded.ShouldBeTrue();

        await using var db = await DbAsync();
        (await db.AuditEvents.Where(a => a.Action == "user.reset-password").Select(a => a.After).SingleAsync())!.ShouldNotContain("baru-sekali-99");
        await _app.SignInAsync("cs", "baru-sekali-99");
    }
}
