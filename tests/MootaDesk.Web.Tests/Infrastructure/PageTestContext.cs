using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Shared;
using MootaDesk.Core.Sweep;
using MootaDesk.Tests.Shared;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Tests.Infrastructure;

/// <summary>
/// bUnit over a real migrated store: MudBlazor's services, the Sweep, Proof and Orders services as the app registers them,
/// Indonesian as the UI language, and a signed-in person whose roles <see cref="CurrentUser"/> reads back from the store
/// (the same session check the app runs), so a page is rendered with the role it would have in the browser.
/// </summary>
public abstract class PageTestContext : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo previousUi = CultureInfo.CurrentUICulture, previous = CultureInfo.CurrentCulture;
    private TestDatabase? test;

    protected TestDatabase Test => test ?? throw new InvalidOperationException("The store starts in InitializeAsync.");

    /// <summary>Where the test's clock starts; a Jakarta working afternoon unless a test class says otherwise.</summary>
    protected virtual DateTimeOffset Now => TestTime.Jakarta(2026, 11, 21, 16, 30);

    // Set here, not in InitializeAsync: a culture set inside an async method does not flow back to the test.
    protected PageTestContext() => CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("id-ID");

    public virtual async Task InitializeAsync()
    {
        test = await TestDatabase.CreateAsync(Now);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddLogging();
        var configuration = new ConfigurationBuilder().Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddSingleton<IDbContextFactory<MootaDeskDbContext>>(test);
        Services.AddSingleton<IDbContextFactory<InboxDbContext>>(test.Inbox);
        // Order pages simulate a sandbox transfer through the one ingest path.
        Services.AddSingleton<MootaDesk.Core.Mutations.Ingest.MutationIngestor>();
        Services.AddSingleton<TimeProvider>(test.Time);
        Services.AddSingleton(test.Clock);
        Services.AddSingleton(Options.Create(new MootaDeskOptions()));
        Services.AddSingleton<BusinessSettings>();
        Services.AddSweep(configuration);
        Services.AddProof(new HostingEnvironment { EnvironmentName = "Testing" });
        Services.AddOrders(configuration);
        Services.AddSingleton<UserSessions>();
        Services.AddSingleton<TwoFactorPolicy>();
        Services.AddSingleton<SessionCheck>();
        Services.AddSingleton(new CircuitClientInfo());
        Services.AddSingleton<CurrentUser>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // MudBlazor's services can only be disposed asynchronously; xUnit's later Dispose() then finds nothing left to do.
        await base.DisposeAsync();
        CultureInfo.CurrentUICulture = previousUi;
        CultureInfo.CurrentCulture = previous;
        if (test is not null) await test.DisposeAsync();
    }

    /// <summary>A person with <paramref name="roles"/> in the store, without signing in.</summary>
    protected async Task<string> AddUserAsync(string userName, params string[] roles)
    {
        await using var db = Test.CreateDbContext();
        foreach (var role in roles)
            if (!await db.Roles.AnyAsync(r => r.Name == role))
                db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        var user = new AppUser
        {
            UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = userName,
            SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = Test.Clock.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync();
        db.UserRoles.AddRange(roleIds.Select(id => new IdentityUserRole<string> { UserId = user.Id, RoleId = id }));
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>Adds a person with <paramref name="roles"/> and makes them the one the rendered pages see.</summary>
    protected async Task<Viewer> SignInAsync(string userName, params string[] roles) =>
        await ActAsAsync(await AddUserAsync(userName, roles), userName, roles);

    /// <summary>Makes a person already in the store the one the rendered pages see (their session's id and stamp as claims).</summary>
    protected async Task<Viewer> ActAsAsync(string userId, string userName, params string[] roles)
    {
        await using var db = Test.CreateDbContext();
        var stamp = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync();
        var identity = new IdentityOptions().ClaimsIdentity;
        var auth = AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles(roles);
        auth.SetClaims(new Claim(identity.UserIdClaimType, userId), new Claim(identity.SecurityStampClaimType, stamp!));
        return new Viewer(userName, userId, roles.ToHashSet());
    }

    /// <summary>MudBlazor's popover and dialog hosts, as the layout has them; rendered once, before the first page.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs => dialogs ??= RenderProviders();

    private IRenderedComponent<MudDialogProvider>? dialogs;

    private IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }

    /// <summary>A page of the app as the router renders it, with MudBlazor's hosts beside it.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        _ = Dialogs;
        return parameters is null ? Render<TPage>() : Render<TPage>(parameters);
    }

    /// <summary>Opens a page by its link (query included), as following a link in the app would.</summary>
    protected IRenderedComponent<TPage> RenderAt<TPage>(string relativeUrl) where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(relativeUrl);
        return RenderPage<TPage>();
    }
}
