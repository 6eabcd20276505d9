using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Orders;

public partial class ImportOrdersPage
{
    public const long MaxFileBytes = 2 * 1024 * 1024;

    [Inject] public required OrderCsvReader Reader { get; init; }
    [Inject] public required CreateOrdersCommand Command { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required IStringLocalizer<OrdersText> T { get; init; }

    private sealed record PreviewRow(int Line, OrderRequest Request, List<string> Problems);

    private List<PreviewRow> Rows { get; set; } = [];
    private int ErrorCount => Rows.Count(r => r.Problems.Count > 0);
    private string? Message { get; set; }
    private bool MessageIsError { get; set; }
    private bool busy;

    private async Task OnFileAsync(InputFileChangeEventArgs e)
    {
        if (busy) return;
        busy = true;
        Rows = [];
        Message = null;
        try
        {
            if (e.File.Size > MaxFileBytes)
            {
                Fail(T["Import.TooBig"]);
                return;
            }
            using var buffer = new MemoryStream();
            await using (var stream = e.File.OpenReadStream(MaxFileBytes)) await stream.CopyToAsync(buffer);
            buffer.Position = 0;
            var file = await Reader.ReadAsync(buffer);
            if (file.FileError is { } error)
            {
                var parts = error.Split(':', 2);
                Fail(string.Format(T["Import.File." + parts[0]], parts.Length > 1 ? parts[1] : ""));
                return;
            }
            Rows = file.Rows.Select(r => new PreviewRow(r.LineNumber, r.Request, r.ReadErrors.Select(x => OrderErrorText.Describe(T, x)).ToList())).ToList();

            // Every row is checked (and its code tried) without writing, so one pass shows all problems; a field that
            // could not be read keeps its own message rather than a second "required".
            var preview = await Command.PreviewAsync(Rows.Select(r => r.Request).ToList(), await CurrentUser.ViewerAsync());
            foreach (var rowErrors in preview.Errors)
            {
                var unreadable = file.Rows[rowErrors.Index].ReadErrors.Select(x => x.Field).ToHashSet();
                Rows[rowErrors.Index].Problems.AddRange(rowErrors.Errors.Where(x => !unreadable.Contains(x.Field)).Select(x => OrderErrorText.Describe(T, x)));
            }
        }
        catch (OrdersWriteDeniedException)
        {
            Fail(T["Denied"]);
        }
        catch (IOException)
        {
            Fail(T["Import.TooBig"]);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task CommitAsync()
    {
        if (busy || Rows.Count == 0 || ErrorCount > 0) return;
        busy = true;
        try
        {
            var result = await Command.CreateAsync(Rows.Select(r => r.Request).ToList(), await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync());
            if (result.Succeeded)
            {
                Message = string.Format(T["Import.Done"], result.Created.Count);
                MessageIsError = false;
                Rows = [];
                return;
            }
            // Something changed since the preview (a reference taken, codes used up): show it, import nothing.
            foreach (var rowErrors in result.Errors)
                Rows[rowErrors.Index].Problems.AddRange(rowErrors.Errors.Select(x => OrderErrorText.Describe(T, x)));
        }
        catch (OrdersWriteDeniedException)
        {
            Fail(T["Denied"]);
        }
        finally
        {
            busy = false;
        }
    }

    private void Fail(string message)
    {
        Message = message;
        MessageIsError = true;
    }
}
