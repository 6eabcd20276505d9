namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>
/// One notification as a phone forwarded it, in one shape whatever app posted it (docs/notification-forwarders.md).
/// Plain values only, so it stores as it is: <see cref="PostedAtUtc"/> is a UTC instant; <see cref="Title"/> and
/// <see cref="Text"/> are never null (empty when the forwarder sent none); invalid UTF-8 and lone surrogates are
/// already U+FFFD. <see cref="Raw"/> is the whole body as text, for the log and for re-reading after a parser change.
/// </summary>
/// <param name="Format">Which post format it came in: a value of <see cref="NotificationPostFormats"/>.</param>
/// <param name="Channel">"notification" (an app's push notification) or "sms" (a forwarded text message); see <see cref="NotificationChannels"/>.</param>
/// <param name="AppPackage">Android package of the app that showed it ("id.co.bri.brimo"); null when the forwarder does not send it.</param>
/// <param name="AppName">The app's name as the poster gave it ("BRImo"); null when not sent.</param>
/// <param name="Title">The notification's title (for an SMS: empty; the sender is in <see cref="AppName"/>).</param>
/// <param name="Text">The notification's text, lines joined with "\n".</param>
/// <param name="PostedAtUtc">When it was posted (or forwarded, see <see cref="TimeSource"/>), UTC, <see cref="DateTimeKind.Utc"/>.</param>
/// <param name="TimeSource">"posted" when the time is the phone's own post time, "forwarded" when only the forwarder's send time is known.</param>
/// <param name="DeviceLabel">A label the forwarder adds for the phone (SmsForwarder's device mark); null when none.</param>
/// <param name="Raw">The body as received, decoded as UTF-8 (broken bytes as U+FFFD).</param>
public sealed record PhoneNotification(
    string Format,
    string Channel,
    string? AppPackage,
    string? AppName,
    string Title,
    string Text,
    DateTime PostedAtUtc,
    string TimeSource,
    string? DeviceLabel,
    string Raw);

/// <summary>The post formats <see cref="NotificationPostReader"/> reads (docs/notification-forwarders.md has each mapping).</summary>
public static class NotificationPostFormats
{
    /// <summary>MootaDesk's own JSON: <c>app</c>, <c>app_name</c>, <c>title</c>, <c>text</c>, <c>posted_at</c>.</summary>
    public const string MootaDesk = "mootadesk";

    /// <summary>pppscn/SmsForwarder's Webhook channel: form fields (or a JSON template) <c>from</c>, <c>content</c>, <c>timestamp</c>, <c>sign</c>.</summary>
    public const string SmsForwarder = "smsforwarder";

    /// <summary>bogkonstantin/android_income_sms_gateway_webhook ("Incoming SMS to URL forwarder", F-Droid): <c>from</c>, <c>text</c>, <c>sentStamp</c>, <c>receivedStamp</c>, <c>sim</c>.</summary>
    public const string IncomingSmsGateway = "sms-gateway";
}

/// <summary>Values of <see cref="PhoneNotification.Channel"/>.</summary>
public static class NotificationChannels
{
    public const string Notification = "notification";
    public const string Sms = "sms";
}

/// <summary>Values of <see cref="PhoneNotification.TimeSource"/>.</summary>
public static class NotificationTimeSources
{
    /// <summary>The phone's own time for the notification or SMS.</summary>
    public const string Posted = "posted";

    /// <summary>Only the forwarder's send time is known: later than the notification by the forwarder's delay and retries.</summary>
    public const string Forwarded = "forwarded";
}
