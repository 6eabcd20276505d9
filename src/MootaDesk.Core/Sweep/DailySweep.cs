
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

    /// <summary>
    /// <see cref="SweepWindow"/>: the day's transactions are chosen by bank date and counted when stored before
    /// <see cref="WindowEndUtc"/> (the moment of preparation); late reads of earlier days are those stored from
    /// <see cref="WindowStartUtc"/> (the previous sweep's cut-off, or 00:00) on.
    /// </summary>
    public DateTime WindowStartUtc { get; set; }
    public DateTime WindowEndUtc { get; set; }

    /// <summary>
    /// Step 1's figures per account as computed at preparation (JSON array of <see cref="AccountDayFigures"/>), so a
    /// signed-off sweep shows what was signed: no account created later, no balance reported later. Null for sweeps
    /// prepared before the figures were kept.
    /// </summary>
    public string? AccountFigures { get; set; }

    /// <summary>
    /// Swept while the store held only the demo shop (Core/Shared/OnlyDemoData), so its figures are demo money: every
    /// place that shows it (sweep page, owner's Beranda and Laporan) labels it Demo, and real reports leave it out.
    /// </summary>
    public bool IsDemo { get; set; }

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
