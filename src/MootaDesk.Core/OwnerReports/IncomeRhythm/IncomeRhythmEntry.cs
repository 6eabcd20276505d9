namespace MootaDesk.Core.OwnerReports.IncomeRhythm;

/// <summary>
/// One real mutation as the income rhythm reads it: a credit (money in), or a refund paid back to a customer
/// (<see cref="IsRefund"/>: a real debit tagged Refund, the same rule as the owner summary's refund line).
/// Refunds are never money in; they count only in the refund share.
/// </summary>
/// <param name="TransactionTimeUtc">When the bank says it happened, UTC (<c>Mutation.TransactionTime</c>); an unspecified kind is read as UTC.</param>
/// <param name="HasTimeOfDay">False when the bank gave only the day: the row then has a local day but no hour in the heatmap.</param>
/// <param name="Amount">Rupiah, always positive (<c>Mutation.Amount</c>).</param>
/// <param name="IsRefund">A refund paid out to a customer, not money in.</param>
/// <param name="CounterpartyName">The sender's name as the bank wrote it (<c>Mutation.Counterparty</c>); bank words and honorifics are tolerated.</param>
/// <param name="CounterpartyAccount">The sender's account number when the channel gives one; any punctuation is tolerated.</param>
/// <param name="OrderCustomerPhone">The matched order's WhatsApp number (<c>Order.WhatsApp</c>) in any Indonesian spelling ("0812…", "+62 812…").</param>
/// <param name="OrderCustomerName">The matched order's customer name (<c>Order.CustomerName</c>).</param>
/// <param name="OrderAmount">The matched order's amount before its unique code (<c>Order.Amount</c>); null when no order matched.</param>
public sealed record IncomeRhythmEntry(
    DateTime TransactionTimeUtc,
    bool HasTimeOfDay,
    decimal Amount,
    bool IsRefund = false,
    string? CounterpartyName = null,
    string? CounterpartyAccount = null,
    string? OrderCustomerPhone = null,
    string? OrderCustomerName = null,
    decimal? OrderAmount = null);
