using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MootaDesk.Core.Sweep;

public sealed record EmailOutcome(bool Sent, bool Skipped, string Message);

/// <summary>The seam tests replace: sends the signed-off summary by email.</summary>
public interface ISummaryEmailSender
{
    Task<EmailOutcome> SendAsync(string subject, string body, CancellationToken ct = default);
}

/// <summary>
/// SMTP through MailKit; skipped with a note when MootaDesk:Smtp is not configured. <c>EnableSsl</c> means TLS
/// from the first byte on port 465 and STARTTLS (required) on any other port. The password is never logged.
/// </summary>
public sealed class SmtpSummaryEmailSender(IOptionsMonitor<SmtpOptions> options, ILogger<SmtpSummaryEmailSender> logger) : ISummaryEmailSender
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<EmailOutcome> SendAsync(string subject, string body, CancellationToken ct = default)
    {
        var o = options.CurrentValue;
        if (!o.IsConfigured)
            return new EmailOutcome(false, true, "Email tidak dikirim: SMTP belum diatur (MootaDesk:Smtp:Host dan To).");
        try
        {
            using var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(o.From ?? o.User ?? "mootadesk@localhost"));
            message.To.AddRange(InternetAddressList.Parse(o.To!));
            message.Subject = subject;
            message.Body = new TextPart("plain") { Text = body };

            using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
            var security = !o.EnableSsl ? SecureSocketOptions.None : o.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(o.Host!, o.Port, security, ct);
            if (!string.IsNullOrEmpty(o.User)) await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
            return new EmailOutcome(true, false, $"Email terkirim ke {o.To}.");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Refused address, bad login, TLS or connection trouble: the sign-off stands, the note says why.
            logger.LogWarning("Sending the owner summary by email to {Host}:{Port} failed: {Error}", o.Host, o.Port, ex.Message);
            return new EmailOutcome(false, false, "Email gagal dikirim: " + ex.Message);
        }
    }
}
