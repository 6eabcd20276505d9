using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Home;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Home;

/// <summary>Beranda: loads today's figures for the signed-in person (CS sees credits only) and hands them to <see cref="DashboardView"/>.</summary>
public partial class Dashboard
{
    [Inject] private DashboardQuery Query { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IStringLocalizer<HomeText> T { get; set; } = default!;

    private DashboardModel? Model { get; set; }

    protected override async Task OnInitializedAsync() => Model = await Query.LoadAsync(await CurrentUser.ViewerAsync());
}
