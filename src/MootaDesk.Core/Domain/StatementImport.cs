using MootaDesk.Core.Formatting;

namespace MootaDesk.Core.Domain;

/// <summary>The column mapping last used for an account's statements, so the next file of the same bank needs no mapping.</summary>
public class StatementImportMapping
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public string? DateColumn { get; set; }
    public string? TimeColumn { get; set; }
    public string? DescriptionColumn { get; set; }
    public string? AmountColumn { get; set; }
    public string? DebitColumn { get; set; }
    public string? CreditColumn { get; set; }
    public string? MarkerColumn { get; set; }
    public string? BalanceColumn { get; set; }

    /// <summary>A second text column appended to the description (Mandiri's "AdditionalDesc").</summary>
    public string? ExtraDescriptionColumn { get; set; }

    /// <summary>The bank layout (<c>StatementLayouts</c> key) the mapping came from; null for a mapping made by hand.</summary>
    public string? Layout { get; set; }
    public string? DateFormat { get; set; }
    public NumberConvention Numbers { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

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
