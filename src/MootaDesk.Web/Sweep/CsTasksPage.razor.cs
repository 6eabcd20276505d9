using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
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
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IStringLocalizer<SweepText> T { get; init; }

    private sealed class TaskInput
    {
        public string? Reference { get; set; }
        public string? Note { get; set; }
        /// <summary>Why the last try was refused, shown under the task's fields (what was typed stays).</summary>
        public string? Error { get; set; }
    }

    private IReadOnlyList<CsTaskRow>? Rows { get; set; }
    private bool ShowAssignee { get; set; }
    private readonly Dictionary<long, TaskInput> inputs = [];
    private bool busy;

    private TaskInput InputFor(long id) => inputs.TryGetValue(id, out var i) ? i : inputs[id] = new TaskInput();

    private bool IsOverdue(CsTaskRow t) => t.Status == CsTaskStatus.Open && t.DueAt < Clock.UtcNow;

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
        var input = InputFor(id);
        input.Error = null;
        try
        {
            await Tasks.CompleteAsync(id, input.Reference, input.Note, await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync());
            inputs.Remove(id);
            Rows = await Tasks.ListAsync(await CurrentUser.ViewerAsync());
            Snackbar.Add(T["Tasks.Completed"], Severity.Success);
        }
        catch (SweepRefusedException ex)
        {
            var text = T["Refused." + ex.Code];
            input.Error = text.ResourceNotFound ? ex.Message : text.Value;
            Snackbar.Add(input.Error, Severity.Error);
        }
        finally { busy = false; }
    }
}
