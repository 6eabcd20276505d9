using System.Net;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.BankAccounts;

public class AccountsTests
{
    private static async Task<(int Bca, int Demo)> SeedAsync(TestDatabase test)
    {
        await using var db = test.CreateDbContext();
        var bca = new Account { BankCode = "bca", AccountNumber = "0123456789", Label = "BCA Toko", HolderName = "PT Maju", LastKnownBalance = 5_000_000m,
            LastKnownBalanceAt = test.Clock.UtcNow, ExternalId = "bank-1", CreatedAt = test.Clock.UtcNow };
        var demo = new Account { BankCode = "bri", AccountNumber = "999", Label = "Demo BRI", IsDemo = true, IsSandbox = true, CreatedAt = test.Clock.UtcNow };
        db.Accounts.AddRange(bca, demo);
        for (var i = 0; i < 3; i++)
            db.Mutations.Add(new Mutation { Account = bca, Source = MutationSource.Import, SourceId = $"s{i}", Description = "X", Amount = 1000m + i,
                Direction = Direction.Credit, TransactionTime = test.Clock.UtcNow.AddDays(-i), ReadTime = test.Clock.UtcNow });
        await db.SaveChangesAsync();
        return (bca.Id, demo.Id);
    }

    [Fact]
    public async Task The_list_shows_full_numbers_balances_badges_and_mutation_counts_to_finance()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (bca, demo) = await SeedAsync(test);
        var rows = await new AccountList(test).LoadAsync(Viewer.ForRoles("rina", Roles.Finance));

        rows.Select(r => r.Id).ShouldBe([bca, demo]);
        var first = rows[0];
        (first.AccountNumber, first.LastKnownBalance, first.MutationCount, first.FromMoota).ShouldBe(("0123456789", 5_000_000m, 3, true));
        first.LastMutationAt.ShouldBe(test.Clock.UtcNow);
        rows[1].IsDemo.ShouldBeTrue();
        rows[1].MutationCount.ShouldBe(0);
    }

    [Fact]
    public async Task CS_gets_no_accounts_from_the_list()
    {
        await using var test = await TestDatabase.CreateAsync();
        await SeedAsync(test);
        (await new AccountList(test).LoadAsync(Viewer.ForRoles("cs", Roles.CS))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Editing_label_purpose_and_active_is_audited_with_before_and_after()
    {
        await using var test = await TestDatabase.CreateAsync();
        var (bca, _) = await SeedAsync(test);
        var editor = new AccountEditor(test, test.Clock);

        (await editor.UpdateAsync(Viewer.ForRoles("ops", Roles.Ops), new Actor("ops", "u1", "10.1.1.1"), bca, "  BCA Marketplace ", AccountPurpose.Marketplace, false))
            .ShouldBe(AccountEditProblem.None);
        (await editor.UpdateAsync(Viewer.ForRoles("ops", Roles.Ops), new Actor("ops"), bca, " ", AccountPurpose.Marketplace, false)).ShouldBe(AccountEditProblem.LabelRequired);
        (await editor.UpdateAsync(Viewer.ForRoles("cs", Roles.CS), new Actor("cs"), bca, "X", AccountPurpose.Lainnya, true)).ShouldBe(AccountEditProblem.NotAllowed);

        await using var db = test.CreateDbContext();
        var account = await db.Accounts.SingleAsync(a => a.Id == bca);
        (account.Label, account.Purpose, account.IsActive).ShouldBe(("BCA Marketplace", AccountPurpose.Marketplace, false));
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == "account.update");
        (audit.Actor, audit.Ip, audit.EntityId).ShouldBe(("ops", "10.1.1.1", bca.ToString()));
        audit.Before!.ShouldContain("BCA Toko");
        audit.After!.ShouldContain("Marketplace");
    }
}

public class AccountsPageAccessTests : IAsyncLifetime
{
    private readonly MootaDeskFactory _app = new();

    public async Task InitializeAsync()
    {
        await _app.CreateUserAsync("owner1", "rahasia-owner-1", Roles.Owner);
        await _app.CreateUserAsync("cs1", "rahasia-cs-12", Roles.CS);
        await _app.CreateUserAsync("ops1", "rahasia-ops-12", Roles.Ops);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CS_is_refused_accounts_and_the_moota_page_while_Ops_gets_both()
    {
        var cs = await _app.SignInAsync("cs1", "rahasia-cs-12");
        foreach (var path in new[] { "/rekening", "/integrasi/moota-api" })
        {
            var refused = await cs.GetAsync(path);
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            refused.Headers.Location!.OriginalString.ShouldContain("akses-ditolak");
        }

        var ops = await _app.SignInAsync("ops1", "rahasia-ops-12");
        (await ops.GetAsync("/rekening")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ops.GetAsync("/integrasi/moota-api")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Ops may look after integrations but not import statements (Finance's job).
        (await ops.GetAsync("/rekening/impor")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
