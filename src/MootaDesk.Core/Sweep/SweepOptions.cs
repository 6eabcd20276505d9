
namespace MootaDesk.Core.Sweep;

/// <summary>The `MootaDesk:Sweep` configuration section.</summary>
public sealed class SweepOptions
{
    public const string Section = "MootaDesk:Sweep";

    /// <summary>Local business time the sweep is prepared, "16:30".</summary>
    public string Time { get; set; } = "16:30";

    /// <summary>Business weekdays ("Mon,Tue,Wed,Thu,Fri,Sat" or a list); Monday to Saturday by default.</summary>
    public List<string> Weekdays { get; set; } = [];

    /// <summary>Holidays as yyyy-MM-dd (a list or comma-separated).</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Business hours without a mutation or a successful sync before an account counts as silent.</summary>
    public double SilentHours { get; set; } = 3;

    public string BusinessHoursStart { get; set; } = "08:00";
    public string BusinessHoursEnd { get; set; } = "17:00";

    /// <summary>Minutes between transaction and reading after which a credit was read "late".</summary>
    public int LateReadMinutes { get; set; } = 60;

    /// <summary>Times the account's usual (95th percentile) amount that counts as far outside its history.</summary>
    public decimal UnusualFactor { get; set; } = 5m;

    public int OwnTransferWindowMinutes { get; set; } = 120;

    /// <summary>Minutes after which a credit read from a phone notification that no bank mutation confirmed is an anomaly.</summary>
    public int UnconfirmedNotificationMinutes { get; set; } = 120;

    /// <summary>Default hours CS gets to place a credit.</summary>
    public int CsTaskDueHours { get; set; } = 2;

    /// <summary>Owner's WhatsApp number (62812…); the Owner or Finance can change it on the sweep page.</summary>
    public string? OwnerWhatsApp { get; set; }

    /// <summary>How often the scheduler looks at the clock. The decision itself is idempotent, so a short interval is safe.</summary>
    public int PollSeconds { get; set; } = 30;

    /// <summary>Null means on, except under the Testing environment.</summary>
    public bool? SchedulerEnabled { get; set; }

    public SweepCalendar Calendar() => new(SweepCalendar.ParseTime(Time), SweepCalendar.ParseWeekdays(Weekdays), SweepCalendar.ParseHolidays(Holidays));

    public AnomalyThresholds Thresholds() => new()
    {
        SilentHours = SilentHours,
        BusinessHoursStart = SweepCalendar.ParseTime(BusinessHoursStart),
        BusinessHoursEnd = SweepCalendar.ParseTime(BusinessHoursEnd),
        LateRead = TimeSpan.FromMinutes(LateReadMinutes),
        UnusualFactor = UnusualFactor,
        OwnTransferSpan = TimeSpan.FromMinutes(OwnTransferWindowMinutes),
        UnconfirmedNotification = TimeSpan.FromMinutes(Math.Max(1, UnconfirmedNotificationMinutes)),
    };
}

/// <summary>The `MootaDesk:Smtp` section; email is skipped (with a note) unless Host and To are set.</summary>
public sealed class SmtpOptions
{
    public const string Section = "MootaDesk:Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public bool EnableSsl { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(To);
}
