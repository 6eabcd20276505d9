using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Settings;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Mutations;

/// <summary>"Only demo data": one rule (Core/Shared/OnlyDemoData) for the Mutasi list as for the home page and the sweep.</summary>
public class DemoSearchTests
{
    [Fact]
    public async Task With_only_demo_data_a_reset_filter_and_the_built_in_views_show_the_demo_rows_until_real_data_arrives()
    {
        await using var test = await TestDatabase.CreateAsync();
        await new DemoDataStore(test, test.Clock).LoadIfEmptyAsync();
        var views = new SavedViewStore(test, test.Clock, new BusinessSettings(test, Microsoft.Extensions.Options.Options.Create(new MootaDeskOptions()), test.Time));
        await views.EnsureDefaultsAsync();
        var finance = Viewer.ForRoles("fina", Roles.Finance);

        async Task<int> CountAsync(MutationFilter f)
        {
            await using var db = test.CreateDbContext();
            return await (await MutationSearch.ApplyAsync(db, f, finance, test.Clock)).CountAsync();
        }

        // "Atur ulang" hands back the empty filter, which says nothing about sandbox rows.
        (await CountAsync(new MutationFilter())).ShouldBeGreaterThan(1000);
        var builtIn = (await views.ListAsync(finance)).Where(v => v.IsBuiltIn).ToList();
        foreach (var name in new[] { "Refund", "Debit penting", "Belum bertag" })
        {
            var view = builtIn.Single(v => v.Name.StartsWith(name));
            (await CountAsync(MutationFilter.Parse("https://x/mutasi?" + view.Query))).ShouldBeGreaterThan(0, name);
        }

        await using (var db = test.CreateDbContext())
        {
            db.Accounts.Add(new Account { BankCode = "bca", AccountNumber = "999", Label = "BCA Asli", CreatedAt = test.Clock.UtcNow });
            await db.SaveChangesAsync();
        }
        (await CountAsync(new MutationFilter())).ShouldBe(0);
    }
}
