using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;
using MootaDesk.Core.Integrations;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Integrations;

public partial class MootaApiPage
{
    [Inject] public required MootaIntegrationSettings Settings { get; init; }
    [Inject] public required IServiceProvider Services { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NotificationService Notify { get; init; }
    [Inject] public required IStringLocalizer<IntegrationsText> T { get; init; }
    [Inject] public required IStringLocalizer<SharedText> S { get; init; }
    [Inject] public required Microsoft.Extensions.Options.IOptionsMonitor<MootaDeskOptions> Options { get; init; }

    [SupplyParameterFromQuery(Name = "id")] public int? IdParam { get; set; }

    private IReadOnlyList<PullIntegration> Integrations { get; set; } = [];
    private int? SelectedId { get; set; }
    private PullIntegration? Selected => Integrations.FirstOrDefault(i => i.Id == SelectedId);

    /// <summary>The default integration with a token from configuration: its settings live there, not on this page.</summary>
    private bool SetByConfiguration => Selected is { IsDefault: true } && Options.CurrentValue.Moota.Api.IsConfigured;
    private PullSettingsInput Input { get; set; } = new();
    private IReadOnlyList<SyncRunRow> Runs { get; set; } = [];
    private IReadOnlyList<(SeenBank Bank, int? AccountId)> Found { get; set; } = [];
    private string NewName { get; set; } = "";
    private bool busy;
    private bool syncing;

    protected override async Task OnInitializedAsync()
    {
        Integrations = await Settings.ListAsync();
        var first = IdParam is int id && Integrations.Any(i => i.Id == id) ? id : Integrations.FirstOrDefault()?.Id;
        if (first is int f) await SelectAsync(f);
    }

    private async Task SelectAsync(int? id)
    {
        SelectedId = id;
        await ReloadSelectedAsync();
    }

    private async Task ReloadSelectedAsync()
    {
        Integrations = await Settings.ListAsync();
        if (Selected is not { } s) { Runs = []; Found = []; return; }
        Input = new PullSettingsInput { Name = s.Name, SyncIntervalMinutes = s.SyncIntervalMinutes, BackfillDays = s.BackfillDays, IsActive = s.IsActive };
        Runs = await Settings.RunsAsync(s.Id);
        Found = await Settings.FoundAccountsAsync(s.Id);
    }

    private async Task CreateAsync()
    {
        if (busy) return;
        busy = true;
        try
        {
            var (problem, id) = await Settings.CreateAsync(await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync(), NewName);
            if (problem != PullSettingsProblem.None) { Notify.Notify(NotificationSeverity.Error, T["Problem." + problem]); return; }
            NewName = "";
            await SelectAsync(id);
            Notify.Notify(NotificationSeverity.Success, T["Created"]);
        }
        finally { busy = false; }
    }

    private async Task SaveAsync()
    {
        if (busy || Selected is null) return;
        busy = true;
        try
        {
            var problem = await Settings.SaveAsync(await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync(), Selected.Id, Input);
            if (problem != PullSettingsProblem.None)
            {
                Notify.Notify(NotificationSeverity.Error, T["Problem." + problem, MootaIntegrationSettings.MinInterval, MootaIntegrationSettings.MaxInterval, MootaIntegrationSettings.MaxBackfill]);
                return;
            }
            await ReloadSelectedAsync();
            Notify.Notify(NotificationSeverity.Success, S["Common.Saved"]);
        }
        finally { busy = false; }
    }

    private async Task SyncNowAsync()
    {
        if (busy || Selected is null) return;
        busy = syncing = true;
        try
        {
            await using var scope = Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<MootaSync>().SyncAsync(Selected.Id, SyncTrigger.Manual);
            switch (result.Status)
            {
                case SyncStatus.Succeeded:
                    Notify.Notify(NotificationSeverity.Success, T["SyncDone", result.BanksFound, result.Fetched, result.New, result.Duplicates, result.Conflicts], duration: 8000);
                    break;
                case SyncStatus.AlreadyRunning:
                    Notify.Notify(NotificationSeverity.Info, T["SyncRunning"]);
                    break;
                case SyncStatus.NotConfigured:
                    Notify.Notify(NotificationSeverity.Warning, T["TokenNone"]);
                    break;
                default:
                    Notify.Notify(NotificationSeverity.Error, result.Error is { } refusal ? T.Say(refusal) : T["Run.Failed"], duration: 10000);
                    break;
            }
            await ReloadSelectedAsync();
        }
        finally { busy = syncing = false; }
    }
}
