using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Shared;
using MootaDesk.Core.Sweep;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Sweep;

public partial class CsTasksPage
{
    [Inject] public required CsTaskCommands Tasks { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required NotificationService Notify { get; init; }
    [Inject] public required IStringLocalizer<SweepText> T { get; init; }

    private sealed class TaskInput
    {
        public string? Reference { get; set; }
        public string? Note { get; set; }
    }

    private IReadOnlyList<CsTaskRow>? Rows { get; set; }
    private bool ShowAssignee { get; set; }
    private readonly Dictionary<long, TaskInput> inputs = [];
    private bool busy;

    private TaskInput InputFor(long id) => inputs.TryGetValue(id, out var i) ? i : inputs[id] = new TaskInput();

    protected override async Task OnInitializedAsync()
    {
        var viewer = await CurrentUser.ViewerAsync();
        ShowAssignee = viewer.Can(Actions.WorkSweep);
        Rows = await Tasks.ListAsync(viewer);
    }

    private async Task CompleteAsync(long id)
    {
        if (busy) return;
        busy = true;
        try
        {
            var input = InputFor(id);
            await Tasks.CompleteAsync(id, input.Reference, input.Note, await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync());
            inputs.Remove(id);
            Rows = await Tasks.ListAsync(await CurrentUser.ViewerAsync());
            Notify.Notify(NotificationSeverity.Success, T["Tasks.Completed"]);
        }
        catch (SweepRefusedException ex)
        {
            var text = T["Refused." + ex.Code];
            Notify.Notify(NotificationSeverity.Error, text.ResourceNotFound ? ex.Message : text.Value);
        }
        finally { busy = false; }
    }
}
