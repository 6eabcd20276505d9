using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Configuration;
using MudBlazor;

namespace MootaDesk.Web.Platform.Layout;

/// <summary>
/// The shell around every signed-in page: app bar (business name, app search, business time, keyboard shortcuts, bell, language,
/// light/dark, the person by their display name),
/// the drawer (a side column on a laptop, an overlay on a phone that closes when a link is followed) and the page.
/// </summary>
public partial class MainLayout
{
    [Inject] public required IStringLocalizer<SharedText> T { get; init; }
    [Inject] public required BusinessSettings Settings { get; init; }
    [Inject] public required UserProfiles Profiles { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IBrowserViewportService Viewport { get; init; }
    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    private bool drawerOpen = true;
    private bool darkMode;
    private ErrorBoundary? errorBoundary;
    private string? userId;

    private string BusinessName { get; set; } = "";
    private string? DisplayName { get; set; }

    protected override async Task OnInitializedAsync()
    {
        BusinessName = await Settings.BusinessNameAsync();
        var user = AuthState is null ? null : (await AuthState).User;
        userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null && await Profiles.LoadAsync(userId) is { } profile)
            (DisplayName, darkMode) = (profile.DisplayName, profile.DarkMode);
        Navigation.LocationChanged += OnLocationChanged;
    }

    // A failure on one page must not follow the person to the next one.
    protected override void OnParametersSet() => errorBoundary?.Recover();

    private void ToggleDrawer() => drawerOpen = !drawerOpen;

    private async Task ToggleDarkModeAsync()
    {
        darkMode = !darkMode;
        if (userId is not null) await Profiles.SetDarkModeAsync(userId, darkMode);
    }

    // On a phone the drawer covers the page, so following one of its links must uncover the page it leads to.
    private async void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        try
        {
            if (!drawerOpen || await Viewport.GetCurrentBreakpointAsync() >= Breakpoint.Md) return;
            drawerOpen = false;
            await InvokeAsync(StateHasChanged);
        }
        catch (Exception ex) when (ex is Microsoft.JSInterop.JSDisconnectedException or TaskCanceledException or ObjectDisposedException)
        {
            // The tab is closing: nothing left to uncover.
        }
    }

    private static IReadOnlyList<string> Roles(ClaimsPrincipal user) => user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
