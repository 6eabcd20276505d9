
namespace MootaDesk.Core.Sweep;

/// <summary>What a sweep item is; the step it belongs to follows from the kind.</summary>
public enum SweepItemKind
{
    // Step 2
    CreditWithoutReference = 0,
    // Step 3
    Refund = 10,
    Supplier = 11,
    UntaggedDebit = 12,
    RefundWithoutOriginal = 13,
    // Step 4: anomalies
    WebhookRejected = 20,
    WebhookFailed = 21,
    DuplicateMutation = 22,
    SilentAccount = 23,
    BalanceBreak = 24,
    LateRead = 25,
    UnusualAmount = 26,
    OrderPaidTwice = 27,
    CreditWithoutOrder = 28,
    MootaConflict = 29,
    /// <summary>A credit of an earlier bank day read since the last sweep: listed apart, not the day's income.</summary>
    EarlierDayCredit = 30,
    /// <summary>A credit read from a phone notification that no bank mutation confirmed in time.</summary>
    UnconfirmedNotification = 31,
}

/// <summary>One line of a sweep's checklist (a credit to explain, a debit to confirm, an anomaly to check) and who checked it.</summary>
public class SweepItem
{
    public long Id { get; set; }
    public int SweepId { get; set; }
    public SweepItemKind Kind { get; set; }
    public long? MutationId { get; set; }
    public int? AccountId { get; set; }
    public long? WebhookDeliveryId { get; set; }
    public int? OrderId { get; set; }
    public decimal? Amount { get; set; }

    /// <summary>Plain-language detail in Indonesian (detectors run without a UI culture), e.g. "Saldo bank Rp 1.000 ≠ hitungan Rp 900".</summary>
    public string Detail { get; set; } = "";

    public DateTime? CheckedAt { get; set; }
    public string? CheckedBy { get; set; }
    public string? CheckNote { get; set; }
}
