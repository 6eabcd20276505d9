using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Mutations;

/// <summary>
/// bUnit for the Mutasi area's pages over a real migrated store: MudBlazor's services, the Mutasi commands and queries, and a
/// signed-in person whose roles <see cref="CurrentUser"/> reads from the store as in the app. Indonesian UI.
/// </summary>
public abstract class MutationsPageContext : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo previousUi = CultureInfo.CurrentUICulture, previous = CultureInfo.CurrentCulture;

    protected TestDatabase Test { get; private set; } = null!;

    // Set here, not in InitializeAsync: a culture set inside an async method does not flow back to the test.
    protected MutationsPageContext() => CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("id-ID");

    public async Task InitializeAsync()
    {
        Test = await TestDatabase.CreateAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddTransient<MudBlazor.MudLocalizer, MootaDesk.Web.Platform.IndonesianMudLocalizer>();
        Services.AddLocalization();
        Services.AddLogging();
        Services.AddSingleton<IDbContextFactory<MootaDeskDbContext>>(Test);
        Services.AddSingleton(Test.Clock);
        Services.AddSingleton<TimeProvider>(Test.Time);
        Services.AddSingleton(new BusinessSettings(Test, Options.Create(new MootaDeskOptions()), Test.Time));
        Services.AddSingleton(new MutationQueries(Test, Test.Clock));
        Services.AddSingleton(new TagMutationsCommand(Test, Test.Clock));
        Services.AddSingleton(new TagCatalog(Test, Test.Clock));
        Services.AddSingleton(sp => new SavedViewStore(Test, Test.Clock, sp.GetRequiredService<BusinessSettings>()));
        var runner = new AutoTagRuleRunner(Test, Test.Clock);
        Services.AddSingleton(runner);
        Services.AddSingleton(new AutoTagRuleStore(Test, Test.Clock, runner));
        Services.AddSingleton(new MutationExportService(Test, Test.Clock, NullLogger<MutationExportService>.Instance));
        Services.AddSingleton(new CrossSourceDuplicates(Test));
        Services.AddSingleton(new MutationMerger(Test, Test.Clock));
        Services.AddSingleton(sp => new SessionCheck(new UserSessions(Test), Options.Create(new IdentityOptions()), new TwoFactorPolicy(sp.GetRequiredService<BusinessSettings>())));
        Services.AddSingleton(new CircuitClientInfo());
        Services.AddScoped<CurrentUser>();
    }

    /// <summary>A person with <paramref name="role"/>, stored as the app stores them, and signed in for the pages rendered next.</summary>
    protected async Task SignInAsync(string role, string name = "sari")
    {
        var id = "u-" + name;
        await using (var db = Test.CreateDbContext())
        {
            var stored = await db.Roles.FirstOrDefaultAsync(r => r.Name == role);
            if (stored is null)
            {
                stored = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
                db.Roles.Add(stored);
            }
            db.Users.Add(new AppUser { Id = id, UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name, SecurityStamp = "stamp-" + name });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = stored.Id });
            await db.SaveChangesAsync();
        }
        var auth = AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id), new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, "stamp-" + name));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentUICulture = previousUi;
        CultureInfo.CurrentCulture = previous;
        // MudBlazor's popover services dispose only asynchronously; xunit's later Dispose() then finds nothing left.
        await base.DisposeAsync();
        await Test.DisposeAsync();
    }
}
