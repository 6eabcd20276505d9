namespace MootaDesk.Core.Domain;

public enum SweepTrigger { Scheduled = 0, StartUp = 1, Manual = 2, Api = 3 }

/// <summary>
/// One business day's 16:30 sweep. At most one per <see cref="BusinessDate"/> (unique index), so a restart,
/// a second app instance or a double click can never prepare the same day twice.
/// </summary>
public class DailySweep
{
    public int Id { get; set; }
    public DateOnly BusinessDate { get; set; }

    /// <summary>Half-open UTC window [start, end): from the end of the last signed-off sweep (or 00:00) until preparation.</summary>
    public DateTime WindowStartUtc { get; set; }
    public DateTime WindowEndUtc { get; set; }

    public DateTime PreparedAt { get; set; }
    public string PreparedBy { get; set; } = "";
    public SweepTrigger Trigger { get; set; }

    /// <summary>Step 1 is a read-through; Finance marks it reviewed.</summary>
    public DateTime? AccountsReviewedAt { get; set; }
    public string? AccountsReviewedBy { get; set; }

    // The five summary lines: generated at preparation, edited by Finance, frozen at sign-off.
    public string SummaryIncome { get; set; } = "";
    public string SummaryOutflows { get; set; } = "";
    public string SummaryPendingOrders { get; set; } = "";
    public string SummaryRefunds { get; set; } = "";
    public string SummaryNotes { get; set; } = "";

    /// <summary>Real income of the window (sandbox and own-account transfers excluded), for the owner's charts.</summary>
    public decimal Income { get; set; }

    public DateTime? SignedOffAt { get; set; }
    public string? SignedOffBy { get; set; }
    public string? SignedOffById { get; set; }

    /// <summary>Real credits in the window, and how many were matched or noted at sign-off (reconciliation accuracy).</summary>
    public int CreditsAtSignOff { get; set; }
    public int CreditsReconciledAtSignOff { get; set; }

    public List<SweepItem> Items { get; set; } = [];

    public bool IsSignedOff => SignedOffAt is not null;
}

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

public enum CsTaskStatus { Open = 0, Done = 1 }

/// <summary>A credit Finance could not place, handed to a CS agent to link to an order or explain with a note.</summary>
public class CsTask
{
    public long Id { get; set; }
    public int? SweepId { get; set; }
    public long MutationId { get; set; }
    public Mutation? Mutation { get; set; }
    public required string AssigneeId { get; set; }
    public string AssigneeName { get; set; } = "";
    public DateTime DueAt { get; set; }
    public CsTaskStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? DoneAt { get; set; }
    public string? DoneBy { get; set; }

    /// <summary>What CS did: "Pesanan INV-123" or the note text.</summary>
    public string? Resolution { get; set; }
}
