
namespace MootaDesk.Core.Sweep;

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

    /// <summary>The five summary lines: generated at preparation, edited by Finance, frozen at sign-off. One value, stored in five columns.</summary>
    public OwnerSummary Summary { get; set; } = OwnerSummary.Empty;

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
