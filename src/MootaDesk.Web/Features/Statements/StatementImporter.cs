using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MootaDesk.Core.Access;
using MootaDesk.Core.Auditing;
using MootaDesk.Core.Data;
using MootaDesk.Core.Domain;
using MootaDesk.Core.Formatting;
using MootaDesk.Core.Ingest;
using MootaDesk.Core.Ingest.Statements;

namespace MootaDesk.Web.Features.Statements;

public sealed record ImportAccount(int Id, string Label, string BankCode, string AccountNumber, bool IsSandbox, bool IsDemo)
{
    public string Display => $"{Label} · {BankNames.Display(BankCode)} {AccountNumber}";
}

/// <summary>A file read into cells, with the mapping to start from (the account's remembered one, or a guess from the headers).</summary>
public sealed record LoadedStatement(int AccountId, string FileName, string FileSha256, StatementTable Table, StatementColumnMapping Mapping, bool MappingRemembered);

/// <summary>What committing would do: rows that are new, rows already stored, rows refused (with line and reason).</summary>
public sealed record ImportAnalysis(LoadedStatement File, StatementColumnMapping Mapping, ParsedStatement Parsed, IReadOnlyList<StatementRow> NewRows, int AlreadyPresent)
{
    public int Rejected => Parsed.Rejected.Count;
}

public enum ImportRefusal { None, RowsRejected, NotAllowed, NothingToImport }

public sealed record ImportOutcome(ImportRefusal Refusal, int New, int AlreadyPresent, int Rejected, int? ImportId)
{
    public bool Succeeded => Refusal == ImportRefusal.None;
}

public sealed record ImportHistoryRow(int Id, DateTime ImportedAt, string ImportedBy, string FileName, int TotalRows, int New, int Duplicates, int Rejected, bool ValidRowsOnly);

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

    /// <summary>Reads the file; throws <see cref="StatementFileException"/> for a file that is not a statement at all.</summary>
    public async Task<LoadedStatement> LoadAsync(int accountId, byte[] content, string fileName, CancellationToken ct = default)
    {
        var table = await Task.Run(() => StatementFileReader.Read(new MemoryStream(content), fileName), ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var remembered = await RememberedMappingAsync(accountId, ct);
        // A remembered mapping only applies when this file has the same columns; another bank's file gets a fresh guess.
        if (remembered is not null && MappedColumns(remembered).All(c => StatementParser.FindColumn(table.Headers, c) >= 0))
            return new LoadedStatement(accountId, fileName, sha, table, remembered, true);
        return new LoadedStatement(accountId, fileName, sha, table, StatementColumnMapping.Guess(table.Headers), false);
    }

    /// <summary>Checks every row and counts what is already stored; throws <see cref="StatementMappingException"/> for an unusable mapping.</summary>
    public async Task<ImportAnalysis> AnalyzeAsync(LoadedStatement file, StatementColumnMapping mapping, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var parsed = await Task.Run(() => StatementParser.Parse(file.Table, mapping, file.AccountId, clock.TimeZone, progress, ct), ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in parsed.Rows.Select(r => r.SourceId).Chunk(500))
        {
            var found = await db.Mutations.AsNoTracking().Where(m => m.Source == MutationSource.Import && chunk.Contains(m.SourceId))
                .Select(m => m.SourceId).ToListAsync(ct);
            present.UnionWith(found);
        }
        var fresh = parsed.Rows.Where(r => !present.Contains(r.SourceId)).ToList();
        return new ImportAnalysis(file, mapping, parsed, fresh, parsed.Rows.Count - fresh.Count);
    }

    /// <summary>
    /// Stores the new rows, the history row and the remembered mapping in one transaction. With rejected rows
    /// the import is refused unless <paramref name="validRowsOnly"/> says the person chose to leave them out.
    /// </summary>
    public async Task<ImportOutcome> CommitAsync(ImportAnalysis analysis, bool validRowsOnly, Viewer viewer, Actor actor,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (!viewer.IsInAny(Roles.Owner, Roles.Finance))
            return new ImportOutcome(ImportRefusal.NotAllowed, 0, 0, analysis.Rejected, null);
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
            var row = new MootaDesk.Core.Domain.StatementImport
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
            }, now);
        }, progress, ct);
        return new ImportOutcome(ImportRefusal.None, result.New, result.Duplicates, analysis.Rejected, importId);
    }

    public async Task<IReadOnlyList<ImportHistoryRow>> HistoryAsync(int accountId, int take = 10, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.StatementImports.AsNoTracking().Where(i => i.AccountId == accountId).OrderByDescending(i => i.Id).Take(take)
            .Select(i => new ImportHistoryRow(i.Id, i.ImportedAt, i.ImportedBy, i.FileName, i.TotalRows, i.NewCount, i.DuplicateCount, i.RejectedCount, i.ValidRowsOnly))
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
            DateFormat = m.DateFormat, Numbers = m.Numbers,
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
        row.DateFormat = mapping.DateFormat;
        row.Numbers = mapping.Numbers;
        row.UpdatedAt = now;
        row.UpdatedBy = actor.Name;
    }

    private static IEnumerable<string> MappedColumns(StatementColumnMapping m) =>
        new[] { m.Date, m.Time, m.Description, m.Amount, m.Debit, m.Credit, m.Marker, m.Balance }.OfType<string>();
}
