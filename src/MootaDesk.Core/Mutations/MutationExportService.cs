using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Core.Platform.Store;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Mutations;

public sealed record ExportFile(string Token, string FileName, string ContentType, string Path, string? OwnerUserId, string OwnerName, DateTime CreatedUtc, ExportTotals Totals);

/// <summary>
/// Builds export files for the current filter. The page writes the file with progress, then the browser fetches
/// it once from an authorised endpoint (the token is bound to the person who made it, and expires).
/// Every export is audited with its filter and row count.
/// </summary>
public sealed class MutationExportService(IDbContextFactory<MootaDeskDbContext> factory, BusinessClock clock, ILogger<MutationExportService> logger)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, ExportFile> _files = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mootadesk-exports");

    public static string ContentType(ExportFormat f) =>
        f == ExportFormat.Excel ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";

    public string FileName(ExportFormat f) =>
        $"mutasi-{clock.LocalNow:yyyyMMdd-HHmm}.{(f == ExportFormat.Excel ? "xlsx" : "csv")}";

    /// <summary>Writes the filter's rows to <paramref name="output"/> and audits the export.</summary>
    public async Task<ExportTotals> WriteAsync(Stream output, MutationFilter filter, ExportFormat format, Viewer viewer, Actor actor,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var info = new ExportInfo(await MutationFilterSummary.DescribeAsync(factory, filter, clock.Today, ct), actor.Name, clock.UtcNow, viewer.CanSeeBalances);
        var pages = MutationExport.PagesAsync(factory, filter, viewer, clock, ct);
        var totals = format == ExportFormat.Excel
            ? await MutationExport.WriteExcelAsync(output, info, pages, clock, progress, ct)
            : await MutationExport.WriteCsvAsync(output, info, pages, clock, progress, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        db.Record(actor, "mutation.export", "Mutation", "export", null,
            new { format = format.ToString(), filter = filter.ToQueryString(), rows = totals.Rows }, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return totals;
    }

    /// <summary>Writes the export to a temporary file and returns a one-time token for the download endpoint.</summary>
    public async Task<ExportFile> PrepareAsync(MutationFilter filter, ExportFormat format, Viewer viewer, Actor actor, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        Sweep();
        Directory.CreateDirectory(_dir);
        var token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var path = Path.Combine(_dir, token);
        ExportTotals totals;
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
            totals = await WriteAsync(file, filter, format, viewer, actor, progress, ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        var export = new ExportFile(token, FileName(format), ContentType(format), path, viewer.UserId, viewer.Name, clock.UtcNow, totals);
        _files[token] = export;
        return export;
    }

    /// <summary>Hands the file to its owner once; anyone else, or a second attempt, gets nothing.</summary>
    public ExportFile? Take(string token, Viewer viewer)
    {
        Sweep();
        if (!_files.TryGetValue(token, out var f)) return null;
        if (f.OwnerUserId != viewer.UserId || f.OwnerName != viewer.Name) return null;
        return _files.TryRemove(token, out var taken) ? taken : null;
    }

    private void Sweep()
    {
        foreach (var (token, f) in _files)
        {
            if (clock.UtcNow - f.CreatedUtc < Lifetime) continue;
            if (_files.TryRemove(token, out _)) TryDelete(f.Path);
        }
    }

    public void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException ex) { logger.LogWarning(ex, "Could not delete an export file; the temp folder is cleaned later"); }
    }
}
