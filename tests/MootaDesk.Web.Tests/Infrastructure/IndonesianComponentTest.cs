using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MootaDesk.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context for MudBlazor components as an Indonesian user sees them: MudBlazor's services, the app's resources, the
/// interface culture id-ID for the test (restored afterwards), and JavaScript calls answered loosely. Disposed asynchronously,
/// as MudBlazor's services require.
/// </summary>
public abstract class IndonesianComponentTest : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    protected IndonesianComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        CultureInfo.CurrentUICulture = new CultureInfo("id-ID");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's dialog and popover services can only be disposed asynchronously; xunit calls this before Dispose.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = previous;
        base.Dispose(disposing);
    }
}
