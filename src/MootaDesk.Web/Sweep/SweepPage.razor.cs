using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using MootaDesk.Core.Platform.Configuration;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Shared;
using MootaDesk.Core.Sweep;
using MootaDesk.Web.Platform.Hosting;
using MootaDesk.Web.Platform;

namespace MootaDesk.Web.Sweep;

public partial class SweepPage
{
    [Parameter] public string? Day { get; set; }

    [Inject] public required SweepQuery Query { get; init; }
    [Inject] public required SweepCommands Commands { get; init; }
    [Inject] public required PrepareSweepCommand Prepare { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required IOptionsMonitor<SweepOptions> Options { get; init; }
    [Inject] public required NavigationManager Nav { get; init; }
    [Inject] public required BusinessSettings Settings { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required IStringLocalizer<SweepText> T { get; init; }

    private static readonly SweepItemKind[] Step2Kinds = [SweepItemKind.CreditWithoutReference];

    private sealed record HistoryOption(DateOnly Day, string Label);

    private SweepView? View { get; set; }
    private IReadOnlyList<HistoryOption> History { get; set; } = [];
    private IReadOnlyList<CsUser> CsUsers { get; set; } = [];
    private DateOnly? RequestedDay { get; set; }
    private bool HasToday { get; set; }
    private bool CanWrite { get; set; }
    private string[] Lines { get; set; } = ["", "", "", "", ""];
    private HashSet<long> Selected { get; } = [];
    private string? EmailNote { get; set; }
    private string WhatsAppLink { get; set; } = "";
    private SweepItemsGrid? step2;
    private string? assigneeId;
    private DateTime? dueDate;
    private TimeSpan? dueTime;
    private string shopName = "";
    private string? ownerPhone;
    private int tab;
    private bool loading = true;
    private bool busy;

    private string ScheduleText
    {
        get
        {
            var c = Options.CurrentValue.Calendar();
            return $"{c.Time:HH\\:mm} {Clock.ZoneAbbreviation}";
        }
    }

    private double ProgressPercent => View is null ? 0 : View.Steps.Count(s => s.Complete) * 100.0 / 5;

    // Read from View at render time, not from a header captured in the markup: tabs may render a step from the previous
    // render's fragment, and a captured header showed the button after "Tandai sudah diperiksa" (seen with the old tabs).
    private string? ReviewedNote => View?.Header is { AccountsReviewedAt: DateTime at } h
        ? T["Accounts.ReviewedBy", h.AccountsReviewedBy ?? "", Clock.FormatDateTime(at)].Value : null;

    /// <summary>The scheduler acts as "system": people read "sistem (otomatis)", not the account's name.</summary>
    private string Who(string name) => name == Actor.System.Name ? T["Actor.System"] : name;

    /// <summary>"Tugaskan terpilih (N)" works once a CS is chosen and a row is ticked, in either order.</summary>
    internal bool CanAssignSelected => !busy && Selected.Count > 0 && assigneeId is not null && dueDate is not null;

    private string CsName(string? id) => CsUsers.FirstOrDefault(c => c.Id == id)?.Name ?? "";

    private string HistoryLabel(DateOnly? day) => History.FirstOrDefault(o => o.Day == day)?.Label ?? (day is DateOnly d ? BusinessClock.FormatDay(d) : "");

    /// <summary>The printed page's heading: the shop and the swept day in full, so a sheet in a folder says what it is.</summary>
    private string PrintHeading => View is null ? "" :
        T["Print.Heading", shopName, View.Header.Day.ToString("dddd, d MMMM yyyy", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "id" ? CultureInfo.GetCultureInfo("id-ID") : CultureInfo.GetCultureInfo("en-GB"))];

    private static Color KindColor(int total, int done) => total == 0 ? Color.Default : total == done ? Color.Success : Color.Warning;

    private bool CanMarkReviewed => CanWrite && View?.Header is { AccountsReviewedAt: null, IsSignedOff: false };

    private bool StepsBeforeSummaryDone => View?.Steps.Where(s => s.Step < 5).All(s => s.Complete) ?? false;

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        var viewer = await CurrentUser.ViewerAsync();
        CanWrite = viewer.Can(Actions.SignOffSweep);
        RequestedDay = Day is not null && DateOnly.TryParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var list = await Query.ListAsync();
        History = list.Select(s => new HistoryOption(s.Day, BusinessClock.FormatDay(s.Day) + (s.SignedOffAt is null ? "" : " ✓"))).ToList();
        HasToday = list.Any(s => s.Day == Clock.Today);
        var day = RequestedDay ?? (Day is null ? list.FirstOrDefault()?.Day : null);
        View = day is DateOnly x ? await Query.LoadAsync(x) : null;
        if (View is not null)
        {
            Lines = View.Header.Summary.Lines.ToArray();
            WhatsAppLink = await Commands.WhatsAppLinkAsync(await Commands.OwnerMessageAsync(View.Header.Day, View.Header.Summary));
        }
        if (CanWrite) CsUsers = await Query.CsUsersAsync();
        ownerPhone = await Commands.OwnerWhatsAppAsync();
        shopName = await Settings.BusinessNameAsync();
        var due = Clock.LocalNow.AddHours(Options.CurrentValue.CsTaskDueHours);
        dueDate = due.Date;
        dueTime = new TimeSpan(due.Hour, due.Minute, 0);
        Selected.Clear();
        EmailNote = null;
        loading = false;
    }

    private string StepTitle(int step)
    {
        var p = View?.Steps[step - 1];
        var status = p is null ? "" : p.Complete ? " ✓" : step is 2 or 3 or 4 ? $" ({T["Step.Left", p.Left]})" : "";
        return $"{step}. {T["Step" + step + ".Title"]}{status}";
    }

    private void OpenDay(DateOnly? day)
    {
        if (day is DateOnly d) Nav.NavigateTo(AppUrls.SweepDay(d));
    }

    private async Task ReloadViewAsync()
    {
        if (View is null) return;
        var lines = Lines;
        View = await Query.LoadAsync(View.Header.Day);
        // Keep what Finance is typing in step 5 while other steps change.
        if (View is not null && !View.Header.IsSignedOff) Lines = lines;
        StateHasChanged();
    }

    private Task PrepareTodayAsync() => RunAsync(async () =>
    {
        var r = await Prepare.PrepareAsync(Clock.Today, SweepTrigger.Manual, await CurrentUser.ActorAsync(), viewer: await CurrentUser.ViewerAsync());
        Nav.NavigateTo(AppUrls.SweepDay(r.Day), forceLoad: false);
        Snackbar.Add(T["Prepare.Done"], Severity.Success);
    });

    private Task RefreshAsync() => RunAsync(async () =>
    {
        await Prepare.PrepareAsync(View!.Header.Day, SweepTrigger.Manual, await CurrentUser.ActorAsync(), refresh: true, viewer: await CurrentUser.ViewerAsync());
        await OnParametersSetAsync();
        Snackbar.Add(T["Refresh.Done"], Severity.Success);
    });

    private Task MarkReviewedAsync() => RunAsync(async () =>
    {
        await Commands.MarkAccountsReviewedAsync(View!.Header.Id, await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync());
        await ReloadViewAsync();
    });

    private Task AssignAsync(bool allOpen) => RunAsync(async () =>
    {
        var ids = Selected.ToList();
        if (allOpen)
        {
            var (rows, _) = await Query.ItemsAsync(View!.Header.Id, Step2Kinds, onlyOpen: true, 0, 10_000);
            ids = rows.Where(r => r.TaskStatus is null).Select(r => r.Id).ToList();
        }
        var dueLocal = (dueDate ?? Clock.LocalNow).Date + (dueTime ?? TimeSpan.Zero);
        var n = await Commands.AssignAsync(View!.Header.Id, ids, assigneeId!, Clock.ToUtc(dueLocal), await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync());
        Selected.Clear();
        Snackbar.Add(T["Step2.Assigned", n.ToString("N0")], Severity.Success);
        if (step2 is not null) await step2.ReloadAsync();
        await ReloadViewAsync();
    });

    /// <summary>What happened to the summary's e-mail, in the reader's language and without configuration keys.</summary>
    private string EmailNoteFor(EmailOutcome email) =>
        T[email.Sent ? "Email.Sent" : email.Skipped ? "Email.NotConfigured" : "Email.Failed"];

    private OwnerSummary CurrentLines() => new(Lines[0], Lines[1], Lines[2], Lines[3], Lines[4]);

    private Task SaveDraftAsync() => RunAsync(async () =>
    {
        await Commands.SaveSummaryAsync(View!.Header.Id, CurrentLines(), await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync());
        Snackbar.Add(T["Step5.Saved"], Severity.Success);
    });

    private Task SavePhoneAsync() => RunAsync(async () =>
    {
        await Commands.SetOwnerWhatsAppAsync(ownerPhone ?? "", await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync());
        ownerPhone = await Commands.OwnerWhatsAppAsync();
        Snackbar.Add(T["Step5.PhoneSaved"], Severity.Success);
    });

    private Task SignOffAsync() => RunAsync(async () =>
    {
        var result = await Commands.SignOffAsync(View!.Header.Id, CurrentLines(), await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync());
        await JS.InvokeAsync<bool>("mootadesk.copyText", result.Text);
        // Opened from the click's round trip; a browser that blocks it still has the WhatsApp button below.
        await JS.InvokeVoidAsync("open", result.WhatsAppLink, "_blank", "noopener");
        await OnParametersSetAsync();
        EmailNote = EmailNoteFor(result.Email);
        Snackbar.Add(T["Step5.SignedOff"], Severity.Success);
    });

    private async Task CopyAsync()
    {
        if (View is null) return;
        await JS.InvokeAsync<bool>("mootadesk.copyText", await Commands.OwnerMessageAsync(View.Header.Day, View.Header.Summary));
        Snackbar.Add(T["Step5.Copied"], Severity.Info);
    }

    private async Task RunAsync(Func<Task> action)
    {
        if (busy) return;
        busy = true;
        try { await action(); }
        catch (SweepRefusedException ex)
        {
            var text = T["Refused." + ex.Code];
            Snackbar.Add(text.ResourceNotFound ? ex.Message : text.Value, Severity.Error);
        }
        finally { busy = false; }
    }
}
