using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Mutations.Ingest;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.BankAccounts.Statements;

public sealed record ImportAccount(int Id, string Label, string BankCode, string AccountNumber, bool IsSandbox, bool IsDemo)
{
    public string Display => $"{Label} · {BankNames.Display(BankCode)} {AccountNumber}";
}

/// <summary>A file read into cells, with the mapping to start from (the account's remembered one, or a guess from the headers).</summary>
public sealed record LoadedStatement(int AccountId, string FileName, string FileSha256, StatementTable Table, StatementColumnMapping Mapping, bool MappingRemembered);

/// <summary>A statement row that is a transaction MootaDesk already stores ("sudah ada"), whichever channel stored it.</summary>
public sealed record PresentRow(StatementRow Row, long MutationId, MutationSource StoredBy, string Link);

/// <summary>What committing would do: rows that are new, rows already stored (with the mutation each one is), rows refused (with line and reason).</summary>
public sealed record ImportAnalysis(LoadedStatement File, StatementColumnMapping Mapping, ParsedStatement Parsed, IReadOnlyList<StatementRow> NewRows, IReadOnlyList<PresentRow> Present)
{
    public int AlreadyPresent => Present.Count;
    public int Rejected => Parsed.Rejected.Count;
}

/// <summary>
/// Why a commit was refused. <see cref="DirectionContradicted"/>: a row's direction contradicts the balance
/// column; <see cref="FooterMismatch"/>: the file's own totals or balances disagree with its rows.
/// </summary>
public enum ImportRefusal { None, RowsRejected, NotAllowed, NothingToImport, DirectionContradicted, FooterMismatch }

public sealed record ImportOutcome(ImportRefusal Refusal, int New, int AlreadyPresent, int Rejected, int? ImportId)
{
    public bool Succeeded => Refusal == ImportRefusal.None;
}

public sealed record ImportHistoryRow(int Id, DateTime ImportedAt, string ImportedBy, string FileName, int TotalRows, int New, int Duplicates, int Rejected, bool ValidRowsOnly,
    decimal MoneyIn, decimal MoneyOut);

/// <summary>
/// Statement import for Finance: read the file, map its columns, check every row and look up what is
/// already stored, then commit the whole file in one transaction. Rows that fail are never dropped
/// silently: with any rejected row the commit is refused unless the person explicitly chose "valid rows only".
/// </summary>
public sealed class StatementImporter(IDbContextFactory<MootaDeskDbContext> factory, MutationIngestor ingestor, BusinessClock clock)
{
    public const long MaxFileBytes = 40L * 1024 * 1024;

    public async Task<IReadOnlyList<ImportAccount>> AccountsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Accounts.AsNoTracking().OrderBy(a => a.IsDemo).ThenBy(a => a.IsSandbox).ThenBy(a => a.Label)
            .Select(a => new ImportAccount(a.Id, a.Label, a.BankCode, a.AccountNumber, a.IsSandbox, a.IsDemo)).ToListAsync(ct);
    }

    /// <summary>
    /// The account an automation names by its number (spaces and dashes ignored, leading zeros kept); null when
    /// no account has it. Two banks with the same number: the real account before a sandbox or demo one.
    /// </summary>
    public async Task<ImportAccount?> AccountByNumberAsync(string accountNumber, CancellationToken ct = default)
    {
        var number = accountNumber.Replace(" ", "").Replace("-", "").Trim();
        if (number.Length == 0) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Accounts.AsNoTracking().Where(a => a.AccountNumber == number).OrderBy(a => a.IsDemo).ThenBy(a => a.IsSandbox).ThenBy(a => a.Id)
            .Select(a => new ImportAccount(a.Id, a.Label, a.BankCode, a.AccountNumber, a.IsSandbox, a.IsDemo)).FirstOrDefaultAsync(ct);
    }

    /// <summary>Reads the file; throws <see cref="StatementFileException"/> for a file that is not a statement at all.</summary>
    public async Task<LoadedStatement> LoadAsync(int accountId, byte[] content, string fileName, CancellationToken ct = default)
    {
        var table = await Task.Run(() => StatementFileReader.Read(new MemoryStream(content), fileName), ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var remembered = await RememberedMappingAsync(accountId, ct);
        // A remembered mapping only applies when this file has the same columns; another bank's file gets its
        // layout detected from the header (or a guess for a layout no preset knows).
        if (remembered is not null && MappedColumns(remembered).All(c => StatementParser.FindColumn(table.Headers, c) >= 0))
            return new LoadedStatement(accountId, fileName, sha, table, remembered, true);
        return new LoadedStatement(accountId, fileName, sha, table, StatementLayouts.Detect(table), false);
    }

    /// <summary>
    /// Checks every row and finds the ones already stored, from any channel (<see cref="StatementMatcher"/>: same account,
    /// bank date, amount, direction, and balance where both know it; identical transfers counted apart). Throws
    /// <see cref="StatementMappingException"/> for an unusable mapping. The commit decides again, inside its transaction.
    /// </summary>
    public async Task<ImportAnalysis> AnalyzeAsync(LoadedStatement file, StatementColumnMapping mapping, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var parsed = await Task.Run(() => StatementParser.Parse(file.Table, mapping, file.AccountId, clock.TimeZone, progress, ct), ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var sandbox = await db.Accounts.AsNoTracking().Where(a => a.Id == file.AccountId).Select(a => a.IsSandbox).FirstOrDefaultAsync(ct);
        var matches = await StatementMatcher.MatchAsync(db, file.AccountId, parsed.Rows.Select(KeyOf).ToList(), ct);
        var fresh = new List<StatementRow>(parsed.Rows.Count);
        var present = new List<PresentRow>();
        for (var i = 0; i < parsed.Rows.Count; i++)
        {
            var row = parsed.Rows[i];
            if (matches[i] is { } m)
                present.Add(new PresentRow(row, m.MutationId, m.Source, MutationLink.To(m.MutationId, file.AccountId, BankDateOf(row), row.Amount, sandbox)));
            else fresh.Add(row);
        }
        return new ImportAnalysis(file, mapping, parsed, fresh, present);
    }

    /// <summary>The day as the statement prints it: the bank's own date, whatever the business zone.</summary>
    private static DateOnly BankDateOf(StatementRow row) => DateOnly.FromDateTime(row.LocalTime);

    private static StatementKeyRow KeyOf(StatementRow r) => new(BankDateOf(r), r.Amount, r.Direction, r.Balance, r.SourceId);

    /// <summary>
    /// Stores the new rows, the history row and the remembered mapping in one transaction. With rejected rows
    /// the import is refused unless <paramref name="validRowsOnly"/> says the person chose to leave them out.
    /// </summary>
    public async Task<ImportOutcome> CommitAsync(ImportAnalysis analysis, bool validRowsOnly, Viewer viewer, Actor actor,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (!viewer.Can(Actions.ImportStatement))
            return new ImportOutcome(ImportRefusal.NotAllowed, 0, 0, analysis.Rejected, null);
        // Direction safety first: no choice of the person's lets a row in against its own balance column.
        if (analysis.Parsed.Contradictions.Count > 0)
            return new ImportOutcome(ImportRefusal.DirectionContradicted, 0, analysis.AlreadyPresent, analysis.Rejected, null);
        if (analysis.Parsed.IsBlocked)
            return new ImportOutcome(ImportRefusal.FooterMismatch, 0, analysis.AlreadyPresent, analysis.Rejected, null);
        if (analysis.Rejected > 0 && !validRowsOnly)
            return new ImportOutcome(ImportRefusal.RowsRejected, 0, analysis.AlreadyPresent, analysis.Rejected, null);

        var file = analysis.File;
        var incoming = analysis.Parsed.Rows.Select(r => new IncomingMutation
        {
            Source = MutationSource.Import,
            SourceId = r.SourceId,
            AccountId = file.AccountId,
            TransactionTimeUtc = r.TransactionTimeUtc,
            HasTimeOfDay = r.HasTimeOfDay,
            BankDate = BankDateOf(r),
            Description = r.Description,
            Amount = r.Amount,
            Direction = r.Direction,
            BalanceAfter = r.Balance,
            RawSource = r.Raw,
        }).ToList();

        int? importId = null;
        var result = await ingestor.IngestAllOrNothingAsync(incoming, actor, async (db, ingested, token) =>
        {
            var now = clock.UtcNow;
            var row = new StatementImport
            {
                AccountId = file.AccountId,
                FileName = Path.GetFileName(file.FileName),
                FileSha256 = file.FileSha256,
                ImportedAt = now,
                ImportedBy = actor.Name,
                ImportedById = actor.UserId,
                TotalRows = analysis.Parsed.TotalLines,
                NewCount = ingested.New,
                DuplicateCount = ingested.Duplicates,
                RejectedCount = analysis.Rejected,
                SkippedCount = analysis.Parsed.Skipped,
                MoneyIn = analysis.Parsed.MoneyIn.Amount,
                MoneyOut = analysis.Parsed.MoneyOut.Amount,
                ValidRowsOnly = analysis.Rejected > 0,
                RejectedJson = analysis.Rejected == 0 ? null
                    : JsonSerializer.Serialize(analysis.Parsed.Rejected.Take(1000).Select(r => new { line = r.Line, problem = r.Problem.ToString(), value = r.Value })),
            };
            db.StatementImports.Add(row);
            await RememberMappingAsync(db, file.AccountId, analysis.Mapping, actor, now, token);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(token);
            importId = row.Id;
            db.Record(actor, "statement.import", "Account", file.AccountId, null, new
            {
                importId = row.Id, file = row.FileName, sha256 = row.FileSha256, total = row.TotalRows,
                @new = row.NewCount, duplicates = row.DuplicateCount, rejected = row.RejectedCount, validRowsOnly = row.ValidRowsOnly,
                layout = analysis.Mapping.Layout, skipped = row.SkippedCount, pending = analysis.Parsed.PendingLines.Count,
                moneyIn = row.MoneyIn, moneyOut = row.MoneyOut, footerAgrees = analysis.Parsed.FooterAgrees,
            }, now);
        }, progress, ct);
        return new ImportOutcome(ImportRefusal.None, result.New, result.Duplicates, analysis.Rejected, importId);
    }

    public async Task<IReadOnlyList<ImportHistoryRow>> HistoryAsync(int accountId, int take = 10, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.StatementImports.AsNoTracking().Where(i => i.AccountId == accountId).OrderByDescending(i => i.Id).Take(take)
            .Select(i => new ImportHistoryRow(i.Id, i.ImportedAt, i.ImportedBy, i.FileName, i.TotalRows, i.NewCount, i.DuplicateCount, i.RejectedCount, i.ValidRowsOnly,
                i.MoneyIn, i.MoneyOut))
            .ToListAsync(ct);
    }

    public async Task<StatementColumnMapping?> RememberedMappingAsync(int accountId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var m = await db.StatementImportMappings.AsNoTracking().FirstOrDefaultAsync(x => x.AccountId == accountId, ct);
        return m is null ? null : new StatementColumnMapping
        {
            Date = m.DateColumn, Time = m.TimeColumn, Description = m.DescriptionColumn, Amount = m.AmountColumn,
            Debit = m.DebitColumn, Credit = m.CreditColumn, Marker = m.MarkerColumn, Balance = m.BalanceColumn,
            DateFormat = m.DateFormat, Numbers = m.Numbers, ExtraDescription = m.ExtraDescriptionColumn, Layout = m.Layout,
        };
    }

    private static async Task RememberMappingAsync(MootaDeskDbContext db, int accountId, StatementColumnMapping mapping, Actor actor, DateTime now, CancellationToken ct)
    {
        var row = await db.StatementImportMappings.FirstOrDefaultAsync(x => x.AccountId == accountId, ct);
        if (row is null) db.StatementImportMappings.Add(row = new StatementImportMapping { AccountId = accountId });
        row.DateColumn = mapping.Date;
        row.TimeColumn = mapping.Time;
        row.DescriptionColumn = mapping.Description;
        row.AmountColumn = mapping.Amount;
        row.DebitColumn = mapping.Debit;
        row.CreditColumn = mapping.Credit;
        row.MarkerColumn = mapping.Marker;
        row.BalanceColumn = mapping.Balance;
        row.ExtraDescriptionColumn = mapping.ExtraDescription;
        row.Layout = mapping.Layout;
        row.DateFormat = mapping.DateFormat;
        row.Numbers = mapping.Numbers;
        row.UpdatedAt = now;
        row.UpdatedBy = actor.Name;
    }

    private static IEnumerable<string> MappedColumns(StatementColumnMapping m) =>
        new[] { m.Date, m.Time, m.Description, m.ExtraDescription, m.Amount, m.Debit, m.Credit, m.Marker, m.Balance }.OfType<string>();
}
