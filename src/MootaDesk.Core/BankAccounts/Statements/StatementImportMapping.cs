using MootaDesk.Core.Shared;

namespace MootaDesk.Core.BankAccounts.Statements;

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
