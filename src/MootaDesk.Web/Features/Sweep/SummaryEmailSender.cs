using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace MootaDesk.Web.Features.Sweep;

public sealed record EmailOutcome(bool Sent, bool Skipped, string Message);

/// <summary>The seam tests replace: sends the signed-off summary by email.</summary>
public interface ISummaryEmailSender
{
    Task<EmailOutcome> SendAsync(string subject, string body, CancellationToken ct = default);
}

/// <summary>SMTP through System.Net.Mail; skipped with a note when MootaDesk:Smtp is not configured. The password is never logged.</summary>
public sealed class SmtpSummaryEmailSender(IOptionsMonitor<SmtpOptions> options, ILogger<SmtpSummaryEmailSender> logger) : ISummaryEmailSender
{
    public async Task<EmailOutcome> SendAsync(string subject, string body, CancellationToken ct = default)
    {
        var o = options.CurrentValue;
        if (!o.IsConfigured)
            return new EmailOutcome(false, true, "Email tidak dikirim: SMTP belum diatur (MootaDesk:Smtp:Host dan To).");
        try
        {
            using var client = new SmtpClient(o.Host, o.Port) { EnableSsl = o.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
            if (!string.IsNullOrEmpty(o.User)) client.Credentials = new NetworkCredential(o.User, o.Password);
            using var message = new MailMessage(o.From ?? o.User ?? "mootadesk@localhost", o.To!, subject, body);
            await client.SendMailAsync(message, ct);
            return new EmailOutcome(true, false, $"Email terkirim ke {o.To}.");
        }
        catch (Exception ex) when (ex is SmtpException or InvalidOperationException or FormatException)
        {
            logger.LogWarning("Sending the owner summary by email to {Host}:{Port} failed: {Error}", o.Host, o.Port, ex.Message);
            return new EmailOutcome(false, false, "Email gagal dikirim: " + ex.Message);
        }
    }
}
