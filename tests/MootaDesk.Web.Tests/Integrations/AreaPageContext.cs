using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Web.Platform.Hosting;
using MootaDesk.Web.Tests.Infrastructure;

namespace MootaDesk.Web.Tests.Integrations;

/// <summary>
/// bUnit for the Integrasi and Rekening pages over the real app: the app's own services (store with migrations, commands,
/// queries) behind bUnit's, a real user of the given role signed in (so <see cref="CurrentUser"/> reads the roles from the
/// store as in the browser), MudBlazor's popover and snackbar hosts rendered, Indonesian culture.
/// </summary>
public abstract class AreaPageContext : BunitContext, IAsyncLifetime
{
    public const string Password = "kopi-susu-gula-aren";

    /// <summary>How long a page may take to show what a step did: the store is real and the machine is shared.</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly CultureInfo previousUi = CultureInfo.CurrentUICulture, previous = CultureInfo.CurrentCulture;

    /// <summary>The app; change its <see cref="MootaDeskFactory.Settings"/> before <see cref="SignInAsync"/> starts it.</summary>
    protected MootaDeskFactory App { get; } = new();

    /// <summary>The snackbar host: what a page says in a toast shows in its markup.</summary>
    protected IRenderedComponent<MudSnackbarProvider> Snackbars { get; private set; } = default!;

    protected AreaPageContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddLocalization();
        Services.AddSingleton(new CircuitClientInfo());
        Services.AddScoped<CurrentUser>();
        // CurrentUser is built by bUnit's container, which does not look into the fallback (the app) for its dependencies.
        Services.AddSingleton(_ => App.Services.GetRequiredService<SessionCheck>());
        // AddLocalization brings an empty options system: pages must read the app's configured options, not defaults.
        Services.AddSingleton(_ => App.Services.GetRequiredService<IOptionsMonitor<MootaDeskOptions>>());
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("id-ID");
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services can only be disposed asynchronously: xunit calls this, then Dispose, which has nothing left to do.
    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentUICulture = previousUi;
        CultureInfo.CurrentCulture = previous;
        await base.DisposeAsync();
        disposedAsync = true;
        await App.DisposeAsync();
    }

    private bool disposedAsync;

    protected override void Dispose(bool disposing)
    {
        if (disposing && disposedAsync) return;
        base.Dispose(disposing);
    }

    /// <summary>Starts the app, makes a user with <paramref name="role"/> and signs them in for the pages.</summary>
    protected async Task SignInAsync(string role)
    {
        Services.AddFallbackServiceProvider(App.Services);
        var user = await App.CreateUserAsync(role.ToLowerInvariant() + "-tester", Password, role);
        var identity = App.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var auth = AddAuthorization();
        auth.SetAuthorized(user.UserName!);
        auth.SetRoles(role);
        auth.SetClaims(new Claim(identity.UserIdClaimType, user.Id), new Claim(identity.SecurityStampClaimType, user.SecurityStamp!));
        Render<MudPopoverProvider>();
        Snackbars = Render<MudSnackbarProvider>();
    }

    /// <summary>A page at <paramref name="url"/> (its query read from there, as the browser would), rendered for the signed-in user.</summary>
    protected IRenderedComponent<TPage> RenderAt<TPage>(string url, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null) where TPage : IComponent
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render(parameters ?? (_ => { }));
    }
}
