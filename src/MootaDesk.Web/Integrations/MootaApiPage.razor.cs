using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
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
    [Inject] public required ISnackbar Snackbar { get; init; }
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

    private string IntegrationName(int? id) => Integrations.FirstOrDefault(i => i.Id == id)?.Name ?? "";

    /// <summary>What the token field holds now, said in words: none, one stored (masked), or one from the server's settings.</summary>
    private string TokenPlaceholder => Selected?.MaskedToken is { } m ? T[SetByConfiguration ? "TokenFromConfiguration" : "TokenSet", m] : T["TokenNone"];
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
            if (problem != PullSettingsProblem.None) { Snackbar.Add(T["Problem." + problem], Severity.Error); return; }
            NewName = "";
            await SelectAsync(id);
            Snackbar.Add(T["Created"], Severity.Success);
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
                Snackbar.Add(T["Problem." + problem, MootaIntegrationSettings.MinInterval, MootaIntegrationSettings.MaxInterval, MootaIntegrationSettings.MaxBackfill], Severity.Error);
                return;
            }
            await ReloadSelectedAsync();
            Snackbar.Add(S["Common.Saved"], Severity.Success);
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
                    Snackbar.Add(T["SyncDone", result.BanksFound.ToString("N0"), result.Fetched.ToString("N0"), result.New.ToString("N0"), result.Duplicates.ToString("N0"), result.Conflicts.ToString("N0")], Severity.Success);
                    break;
                case SyncStatus.AlreadyRunning:
                    Snackbar.Add(T["SyncRunning"], Severity.Info);
                    break;
                case SyncStatus.NotConfigured:
                    Snackbar.Add(T["TokenNone"], Severity.Warning);
                    break;
                default:
                    Snackbar.Add(result.Error is { } refusal ? T.Say(refusal) : T["Run.Failed"], Severity.Error);
                    break;
            }
            await ReloadSelectedAsync();
        }
        finally { busy = syncing = false; }
    }
}
