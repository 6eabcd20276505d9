using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using MootaDesk.Web.Platform;

namespace MootaDesk.Web.Tests.Platform;

// MudBlazor's grid registers services that only dispose asynchronously: xUnit must end the context through DisposeAsync.
public class MudComponentTextTests : BunitContext, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentUICulture = previous;
        await DisposeAsync();
    }

    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    public MudComponentTextTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddTransient<MudLocalizer, IndonesianMudLocalizer>();
    }

    private sealed record Row(int Id);

    private string PagerText(string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var grid = Render<MudDataGrid<Row>>(p => p
            .Add(x => x.Items, Enumerable.Range(1, 30).Select(i => new Row(i)).ToList())
            .Add(x => x.RowsPerPage, 10)
            .Add(x => x.PagerContent, b => { b.OpenComponent<MudDataGridPager<Row>>(0); b.CloseComponent(); }));
        return grid.Find(".mud-table-pagination").TextContent;
    }

    [Fact]
    public void The_grid_pager_speaks_Indonesian_by_default()
    {
        var text = PagerText("id-ID");
        text.ShouldContain("Baris per halaman");
        text.ShouldContain("1–10 dari 30");
    }

    [Fact]
    public void The_grid_pager_speaks_English_when_the_language_switch_says_so()
    {
        var text = PagerText("en-US");
        text.ShouldContain("Rows per page");
        text.ShouldContain("1-10 of 30");
    }

    [Fact]
    public void Every_text_MudBlazor_asks_for_in_Indonesian_is_there_or_falls_back_to_English()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("id-ID");
        var localizer = Services.GetRequiredService<MudLocalizer>();
        localizer["MudDataGridPager_RowsPerPage"].ResourceNotFound.ShouldBeFalse();
        localizer["MudDataGridPager_RowsPerPage"].Value.ShouldBe("Baris per halaman:");
        localizer["MudBaseDatePicker_NextMonth", "Desember"].Value.ShouldBe("Bulan berikutnya Desember");
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        localizer["MudDataGridPager_RowsPerPage"].ResourceNotFound.ShouldBeTrue();
    }
}
