using System.Globalization;
using MootaDesk.Core.Integrations;

namespace MootaDesk.Core.Platform.Notifications;

/// <summary>
/// The pages a stored notification points at, as the relative links the bell opens. Notifications are written here in Core,
/// so these few paths live here; Web's AppUrls builds the same pages from them, and each path is written once.
/// </summary>
public static class NotificationLinks
{
    public const string MootaConflicts = "integrasi/konflik";
    public const string AutoTagRules = "mutasi/aturan";
    public const string CsTasks = "sweep/tugas";

    /// <summary>The webhook log filtered to deliveries still waiting to be processed.</summary>
    public const string WaitingDeliveries = "integrasi/webhook?status=Pending";

    /// <summary>"sweep/2026-11-21".</summary>
    public static string Sweep(DateOnly day) => "sweep/" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"integrasi/webhook/42".</summary>
    public static string WebhookDelivery(long id) => "integrasi/webhook/" + id.ToString(CultureInfo.InvariantCulture);
}
