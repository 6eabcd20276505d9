using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.BankAccounts.Statements;
using MootaDesk.Core.Orders;
using MootaDesk.Core.Shared;
using MootaDesk.Web.Platform.Components;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.BankAccounts;

public partial class ImportPage : IDisposable
{
    [Inject] public required StatementImporter Importer { get; init; }
    [Inject] public required CurrentUser CurrentUser { get; init; }
    [Inject] public required BusinessClock Clock { get; init; }
    [Inject] public required IStringLocalizer<BankAccountsText> T { get; init; }

    [SupplyParameterFromQuery(Name = "rekening")] public int? AccountParam { get; set; }

    private IReadOnlyList<ImportAccount> Accounts { get; set; } = [];
    private int? AccountId { get; set; }
    private LoadedStatement? Loaded { get; set; }
    private IReadOnlyList<string> Headers => Loaded?.Table.Headers ?? [];
    private MappingInput Map { get; set; } = new();
    private ImportAnalysis? Analysis { get; set; }
    private ImportOutcome? Outcome { get; set; }
    private IReadOnlyList<ImportHistoryRow> History { get; set; } = [];
    private string? FileError { get; set; }
    private string? MappingError { get; set; }
    private string? ProgressText { get; set; }
    private double? ProgressPercent { get; set; }
    private bool busy;

    // The year field appears once a file needed it, and stays while the person works on that file.
    private bool needsYear;
    private bool ShowYear => needsYear || Map.Year is not null;

    private StatementPreviewText Text => new(T);

    // A fresh file input after each file, so choosing the same file again (after fixing it) fires a change.
    private int fileInputKey;
    private readonly CancellationTokenSource _cts = new();

    private sealed record Option<TValue>(string Text, TValue Value);

    private IReadOnlyList<Option<bool>> AmountModes => [new(T["AmountMode.Single"], false), new(T["AmountMode.Separate"], true)];
    private IReadOnlyList<Option<string?>> DateFormats => StatementDateFormats.All.Select(f => new Option<string?>(DateFormatText(f), f.Key)).ToList();
    private IReadOnlyList<Option<string>> LayoutOptions =>
        [new(T["Layout.Manual"], ""), .. StatementLayouts.All.Select(l => new Option<string>(l.Name, l.Key))];

    /// <summary>
    /// Where the person is in the import: 1 choose the account and the file, 2 the layout (bank preset) and columns with the file's
    /// first lines, 3 the check's preview and the confirmation, 4 the result. Shown above the page as a step line.
    /// </summary>
    internal static int CurrentStep(bool loaded, bool analysed, bool done) => done ? 4 : analysed ? 3 : loaded ? 2 : 1;

    private int Step => CurrentStep(Loaded is not null, Analysis is not null, Outcome is not null);

    private string AccountName(int? id) => Accounts.FirstOrDefault(a => a.Id == id)?.Display ?? "";
    private string LayoutText(string? key) => LayoutOptions.FirstOrDefault(o => o.Value == (key ?? ""))?.Text ?? "";
    private string DateFormatName(string? key) => DateFormats.FirstOrDefault(o => o.Value == key)?.Text ?? "";
    private string NumberName(NumberConvention n) => NumberOptions.FirstOrDefault(o => o.Value == n)?.Text ?? "";

    private string LayoutLine => Map.Layout is null ? T["Layout.Unknown"] : T["Layout.Detected", Text.LayoutName(Map.Layout)];

    /// <summary>What the file says about itself: period, its own account number, its order.</summary>
    private IEnumerable<string> Facts
    {
        get
        {
            if (Analysis is null) yield break;
            if (Text.Period(Analysis.Parsed) is { } period) yield return period;
            if (Analysis.Parsed.Facts.AccountNumber is { } number) yield return T["Facts.Account", number];
            if (Analysis.Parsed.Order == StatementOrder.NewestFirst) yield return T["Order.NewestFirst"];
        }
    }

    private string? AccountWarning => Analysis is not null && Accounts.FirstOrDefault(a => a.Id == Analysis.File.AccountId) is { } account
        ? Text.AccountDiffers(Analysis.Parsed, account.AccountNumber) : null;
    private IReadOnlyList<Option<NumberConvention>> NumberOptions =>
        [new(T["Auto"], NumberConvention.Unknown), new(NumberText(NumberConvention.Indonesian), NumberConvention.Indonesian), new(NumberText(NumberConvention.English), NumberConvention.English)];

    /// <summary>The mapping form: one field per role, plus the amount mode that decides which of them count.</summary>
    private sealed class MappingInput
    {
        public string? Date { get; set; }
        public string? Time { get; set; }
        public string? Description { get; set; }
        public string? ExtraDescription { get; set; }
        public bool Separate { get; set; }
        public string? Amount { get; set; }
        public string? Debit { get; set; }
        public string? Credit { get; set; }
        public string? Marker { get; set; }
        public string? Balance { get; set; }
        public string? DateFormat { get; set; }
        public NumberConvention Numbers { get; set; }
        public string? Layout { get; set; }
        public int? Year { get; set; }

        public static MappingInput From(StatementColumnMapping m) => new()
        {
            Date = m.Date, Time = m.Time, Description = m.Description, ExtraDescription = m.ExtraDescription, Separate = m.UsesSeparateDebitCredit,
            Amount = m.Amount, Debit = m.Debit, Credit = m.Credit, Marker = m.Marker, Balance = m.Balance, DateFormat = m.DateFormat,
            Numbers = m.Numbers, Layout = m.Layout, Year = m.Year,
        };

        public StatementColumnMapping ToMapping() => new()
        {
            Date = Date, Time = Time, Description = Description, ExtraDescription = ExtraDescription,
            Amount = Separate ? null : Amount, Marker = Separate ? null : Marker,
            Debit = Separate ? Debit : null, Credit = Separate ? Credit : null,
            Balance = Balance, DateFormat = DateFormat, Numbers = Numbers, Layout = Layout, Year = Year,
        };
    }

    protected override async Task OnInitializedAsync()
    {
        Accounts = await Importer.AccountsAsync();
        if (AccountParam is int id && Accounts.Any(a => a.Id == id))
            await AccountChangedAsync(id);
    }

    private async Task AccountChangedAsync(int? id)
    {
        AccountId = id;
        Reset();
        History = id is int accountId ? await Importer.HistoryAsync(accountId) : [];
    }

    private void Reset()
    {
        Loaded = null;
        Analysis = null;
        Outcome = null;
        FileError = null;
        MappingError = null;
        ProgressText = null;
        needsYear = false;
    }

    /// <summary>Applies a bank preset to the loaded file, or keeps the columns as they are for a manual mapping.</summary>
    private void LayoutChanged(string? key)
    {
        if (Loaded is null) return;
        MappingError = null;
        Analysis = null;
        if (StatementLayouts.Find(key) is not { } layout)
        {
            Map.Layout = null;
            return;
        }
        if (StatementLayouts.Apply(layout, Loaded.Table) is not { } mapping)
        {
            MappingError = T["Layout.NotThisFile", layout.Name];
            return;
        }
        Map = MappingInput.From(mapping with { Year = Map.Year });
    }

    private async Task FileChosenAsync(InputFileChangeEventArgs e)
    {
        if (busy || AccountId is not int accountId) return;
        busy = true;
        Reset();
        try
        {
            var file = e.File;
            if (file.Size > StatementImporter.MaxFileBytes) { FileError = T["File.TooLarge", StatementImporter.MaxFileBytes / 1024 / 1024]; return; }
            ProgressText = T["Reading", file.Name];
            ProgressPercent = null;
            StateHasChanged();
            using var copy = new MemoryStream();
            await using (var stream = file.OpenReadStream(StatementImporter.MaxFileBytes, _cts.Token))
                await stream.CopyToAsync(copy, _cts.Token);
            Loaded = await Importer.LoadAsync(accountId, copy.ToArray(), file.Name, _cts.Token);
            Map = MappingInput.From(Loaded.Mapping);
        }
        catch (StatementFileException ex)
        {
            FileError = T["File." + ex.Problem];
        }
        finally
        {
            ProgressText = null;
            fileInputKey++;
            busy = false;
        }
    }

    private async Task AnalyzeAsync()
    {
        if (busy || Loaded is null) return;
        busy = true;
        MappingError = null;
        Analysis = null;
        var total = Math.Max(1, Loaded.Table.Lines.Count);
        ProgressText = T["Checking", total.ToString("N0")];
        ProgressPercent = 0;
        try
        {
            var progress = new Progress<int>(n => _ = InvokeAsync(() => { ProgressPercent = Math.Round(100.0 * n / total); StateHasChanged(); }));
            Analysis = await Importer.AnalyzeAsync(Loaded, Map.ToMapping(), progress, _cts.Token);
        }
        catch (StatementMappingException ex)
        {
            needsYear |= ex.Problem == MappingProblem.YearNeeded;
            MappingError = ex.Problem == MappingProblem.DatesUnreadable
                ? T["Mapping.DatesUnreadable", Map.Date ?? "", ex.Detail]
                : T["Mapping." + ex.Problem, ex.Detail];
        }
        finally
        {
            ProgressText = null;
            busy = false;
        }
    }

    private async Task CommitAsync(bool validRowsOnly)
    {
        if (busy || Analysis is null) return;
        busy = true;
        var total = Math.Max(1, Analysis.Parsed.Rows.Count);
        ProgressText = T["Saving", Analysis.NewRows.Count.ToString("N0")];
        ProgressPercent = 0;
        try
        {
            var progress = new Progress<int>(n => _ = InvokeAsync(() => { ProgressPercent = Math.Min(100, Math.Round(100.0 * n / total)); StateHasChanged(); }));
            var outcome = await Importer.CommitAsync(Analysis, validRowsOnly, await CurrentUser.ViewerAsync(), await CurrentUser.ActorAsync(), progress, _cts.Token);
            if (outcome.Succeeded)
            {
                Outcome = outcome;
                Analysis = null;
                Loaded = null;
                if (AccountId is int id) History = await Importer.HistoryAsync(id);
            }
            else
            {
                MappingError = Text.Refusal(outcome.Refusal);
            }
        }
        finally
        {
            ProgressText = null;
            busy = false;
        }
    }

    private string? RoleOf(string header)
    {
        var m = Map.ToMapping();
        if (header == m.Date) return T["Col.Date"];
        if (header == m.Time) return T["Col.Time"];
        if (header == m.Description) return T["Col.Description"];
        if (header == m.ExtraDescription) return T["Col.ExtraDescription"];
        if (header == m.Amount) return T["Col.Amount"];
        if (header == m.Debit) return T["Col.Debit"];
        if (header == m.Credit) return T["Col.Credit"];
        if (header == m.Marker) return T["Col.Marker"];
        if (header == m.Balance) return T["Col.Balance"];
        return null;
    }

    private string DateFormatText(StatementDateFormat f) => f.YearLess ? T["DateFormat.YearLess"] : f.Display;

    private string NumberText(NumberConvention n) => n switch
    {
        NumberConvention.Indonesian => T["Numbers.Indonesian"],
        NumberConvention.English => T["Numbers.English"],
        _ => T["Numbers.Plain"],
    };

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
