
namespace MootaDesk.Core.BankAccounts.Statements;

/// <summary>One committed statement import: who, when, which file, and what it did.</summary>
public class StatementImport
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file, so "this exact file was imported on …" can be told.</summary>
    public required string FileSha256 { get; set; }

    public DateTime ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
    public string? ImportedById { get; set; }
    public int TotalRows { get; set; }
    public int NewCount { get; set; }
    public int DuplicateCount { get; set; }
    public int RejectedCount { get; set; }

    /// <summary>Pending (PEND) and balance-only lines the file holds, skipped by design.</summary>
    public int SkippedCount { get; set; }

    /// <summary>Money in and out of every readable row of the file (new and already stored), as the preview showed them.</summary>
    public decimal MoneyIn { get; set; }
    public decimal MoneyOut { get; set; }

    /// <summary>True when rows were rejected and the person chose, explicitly, to import the valid ones only.</summary>
    public bool ValidRowsOnly { get; set; }

    /// <summary>The rejected rows (line, reason, value) as JSON, kept with the history.</summary>
    public string? RejectedJson { get; set; }
}
