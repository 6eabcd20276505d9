using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Home;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Home;

/// <summary>Beranda: loads today's figures for the signed-in person (CS sees credits only) and hands them to <see cref="DashboardView"/>.</summary>
public partial class Dashboard
{
    [Inject] public required DashboardQuery Query { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required IStringLocalizer<HomeText> T { get; init; }

    private DashboardModel? Model { get; set; }

    protected override async Task OnInitializedAsync() => Model = await Query.LoadAsync(await CurrentUser.ViewerAsync());
}
