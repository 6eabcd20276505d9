using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MootaDesk.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context for MudBlazor components as an Indonesian user sees them: MudBlazor's services, the app's resources, the
/// interface culture id-ID for the test (restored afterwards), and JavaScript calls answered loosely.
/// </summary>
public abstract class IndonesianComponentTest : BunitContext
{
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    protected IndonesianComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        CultureInfo.CurrentUICulture = new CultureInfo("id-ID");
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = previous;
        base.Dispose(disposing);
    }
}
