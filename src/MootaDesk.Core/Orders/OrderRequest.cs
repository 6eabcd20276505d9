using MootaDesk.Core.BankAccounts;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Orders;

/// <summary>An order as a person, a CSV row or a storefront asks for it, before any checking.</summary>
public sealed record OrderRequest
{
    public string? Reference { get; init; }
    public string? CustomerName { get; init; }
    public string? WhatsApp { get; init; }
    public decimal? Amount { get; init; }

    /// <summary>Either the account's id (the form's dropdown) or its number, optionally with its bank code (CSV, API).</summary>
    public int? AccountId { get; init; }
    public string? AccountNumber { get; init; }
    public string? BankCode { get; init; }

    /// <summary>Null means the configured default validity from now.</summary>
    public DateTime? ExpiresAtUtc { get; init; }
}

/// <summary>
/// One problem with one field, as a code the UI and the API turn into words (Core has no language). Field names
/// are the API's JSON names so the API's error dictionary needs no mapping.
/// </summary>
public sealed record OrderFieldError(string Field, string Code, params object[] Args);

public static class OrderFields
{
    public const string Reference = "reference";
    public const string CustomerName = "customerName";
    public const string WhatsApp = "whatsApp";
    public const string Amount = "amount";
    public const string Account = "accountNumber";
    public const string ExpiresAt = "expiresAt";
}

public static class OrderErrorCodes
{
    public const string Required = "Required";
    public const string TooLong = "TooLong";
    public const string ReferenceCharacters = "ReferenceCharacters";
    public const string WhatsAppInvalid = "WhatsAppInvalid";
    public const string AmountNotPositive = "AmountNotPositive";
    public const string AmountDecimals = "AmountDecimals";
    public const string AmountTooLarge = "AmountTooLarge";
    public const string AmountTooSmallForCode = "AmountTooSmallForCode";
    public const string AccountUnknown = "AccountUnknown";
    public const string AccountAmbiguous = "AccountAmbiguous";
    public const string AccountInactive = "AccountInactive";
    public const string ExpiryInPast = "ExpiryInPast";
    public const string ExpiryTooFar = "ExpiryTooFar";
    public const string DuplicateReference = "DuplicateReference";
    public const string DuplicateInBatch = "DuplicateInBatch";
    public const string CodesExhausted = "CodesExhausted";
}

/// <summary>Errors of one request in a batch; <see cref="Index"/> is its position (0-based) in the batch.</summary>
public sealed record OrderRequestErrors(int Index, IReadOnlyList<OrderFieldError> Errors);

/// <summary>An order as every screen and the API show it. <see cref="Status"/> is the effective status: a pending order past its expiry reads as expired even before the sweeper has written it.</summary>
public sealed record OrderView(
    int Id, string Reference, string CustomerName, string? WhatsApp, decimal Amount, int UniqueCode, decimal PayableAmount,
    int AccountId, string BankCode, string AccountNumber, string HolderName, string AccountLabel,
    DateTime CreatedAt, string CreatedBy, DateTime ExpiresAt, OrderStatus Status, bool NeedsAttention,
    long? MatchedMutationId, DateTime? PaidAt, DateTime? CancelledAt, bool IsSandbox, int Version, long? LikelyPaidByMutationId = null)
{
    public bool IsOpen => Status == OrderStatus.Pending;

    /// <summary>"Kemungkinan dibayar": still open, but a credit read from a phone notification fits it and waits for the bank.</summary>
    public bool IsLikelyPaid => Status != OrderStatus.Paid && Status != OrderStatus.Cancelled && LikelyPaidByMutationId is not null;

    public string Instruction(BusinessClock clock) =>
        PaymentInstruction.Build(Reference, PayableAmount, UniqueCode, BankCode, AccountNumber, HolderName, ExpiresAt, clock);
}

public sealed record OrderCreationResult(IReadOnlyList<OrderView> Created, IReadOnlyList<OrderRequestErrors> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

public static class OrderProjection
{
    public static IQueryable<OrderView> ToViews(this IQueryable<Order> orders, DateTime nowUtc) => orders.Select(o => new OrderView(
        o.Id, o.Reference, o.CustomerName, o.WhatsApp, o.Amount, o.UniqueCode, o.PayableAmount,
        o.AccountId, o.Account!.BankCode, o.Account.AccountNumber, o.Account.HolderName, o.Account.Label,
        o.CreatedAt, o.CreatedBy, o.ExpiresAt,
        o.Status == OrderStatus.Pending && o.ExpiresAt <= nowUtc ? OrderStatus.Expired : o.Status,
        o.NeedsAttention, o.MatchedMutationId, o.PaidAt, o.CancelledAt, o.IsSandbox, o.Version, o.LikelyPaidByMutationId));
}
