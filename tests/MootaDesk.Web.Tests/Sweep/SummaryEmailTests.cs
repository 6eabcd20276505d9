using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using MootaDesk.Core.Sweep;
using MootaDesk.Web.Platform.SignIn;
using MootaDesk.Web.Tests.Integrations.Moota;

namespace MootaDesk.Web.Tests.Sweep;

public class SummaryEmailTests
{
    private static SmtpSummaryEmailSender Sender(SmtpOptions options, CapturingLogger<SmtpSummaryEmailSender> log) => new(new StaticOptions<SmtpOptions>(options), log);

    [Fact]
    public async Task The_signed_off_summary_is_mailed_through_SMTP_with_its_Indonesian_text_intact()
    {
        await using var smtp = LoopbackSmtpServer.Start();
        var log = new CapturingLogger<SmtpSummaryEmailSender>();
        var options = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, EnableSsl = false, User = "finance", Password = "rahasia-smtp-123", From = "finance@toko.example", To = "owner@toko.example, pemilik@toko.example" };

        var outcome = await Sender(options, log).SendAsync("Ringkasan Sabtu, 21 Nov 2026", "1. Uang masuk: Rp 1.500.000 — 12 transaksi\n2. Selisih: tidak ada");

        (outcome.Sent, outcome.Skipped).ShouldBe((true, false));
        outcome.Message.ShouldContain("owner@toko.example");
        smtp.Login.ShouldBe(("finance", "rahasia-smtp-123"));
        smtp.Recipients.ShouldBe(["owner@toko.example", "pemilik@toko.example"]);
        var message = await MimeMessage.LoadAsync(new MemoryStream(smtp.Data!));
        message.From.Mailboxes.Single().Address.ShouldBe("finance@toko.example");
        message.Subject.ShouldBe("Ringkasan Sabtu, 21 Nov 2026");
        message.TextBody.ShouldNotBeNull().ShouldContain("Rp 1.500.000 — 12 transaksi");
        log.Lines.ShouldNotContain(l => l.Contains("rahasia-smtp-123"));
    }

    [Fact]
    public async Task A_refused_recipient_is_reported_as_not_sent_with_the_reason_and_no_password()
    {
        await using var smtp = LoopbackSmtpServer.Start(refuseRecipients: true);
        var log = new CapturingLogger<SmtpSummaryEmailSender>();
        var options = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, EnableSsl = false, User = "finance", Password = "rahasia-smtp-123", To = "nobody@toko.example" };

        var outcome = await Sender(options, log).SendAsync("Ringkasan", "isi");

        (outcome.Sent, outcome.Skipped).ShouldBe((false, false));
        outcome.Message.ShouldStartWith("Email gagal dikirim");
        outcome.Message.ShouldContain("Mailbox unavailable");
        outcome.Message.ShouldNotContain("rahasia-smtp-123");
        log.Lines.ShouldHaveSingleItem().ShouldNotContain("rahasia-smtp-123");
        smtp.Data.ShouldBeNull();
    }

    [Fact]
    public async Task A_server_that_is_not_there_gives_a_note_not_an_error_page()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0)) { probe.Start(); port = ((IPEndPoint)probe.LocalEndpoint).Port; }
        var outcome = await Sender(new SmtpOptions { Host = "127.0.0.1", Port = port, EnableSsl = false, To = "owner@toko.example" }, new())
            .SendAsync("Ringkasan", "isi");
        (outcome.Sent, outcome.Skipped).ShouldBe((false, false));
        outcome.Message.ShouldStartWith("Email gagal dikirim");
    }
}

/// <summary>
/// Just enough of an SMTP server (RFC 5321, with AUTH PLAIN/LOGIN) on a loopback port to receive one message:
/// the test sees what a real mail server would have been given.
/// </summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly bool _refuseRecipients;
    private Task _serving = Task.CompletedTask;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public (string User, string Password)? Login { get; private set; }
    public List<string> Recipients { get; } = [];
    public byte[]? Data { get; private set; }

    private LoopbackSmtpServer(bool refuseRecipients) => _refuseRecipients = refuseRecipients;

    public static LoopbackSmtpServer Start(bool refuseRecipients = false)
    {
        var server = new LoopbackSmtpServer(refuseRecipients);
        server._listener.Start();
        server._serving = server.ServeOneAsync();
        return server;
    }

    private async Task ServeOneAsync()
    {
        using var client = await _listener.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        // Latin-1 keeps every byte as it came (8BITMIME bodies are UTF-8), for MimeKit to decode.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 loopback ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-loopback");
                    await writer.WriteLineAsync("250-AUTH PLAIN LOGIN");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "AUTH" when line.Split(' ') is [_, var mechanism, ..] && mechanism.Equals("PLAIN", StringComparison.OrdinalIgnoreCase):
                    var initial = line.Split(' ') is [_, _, var ir] ? ir : await Challenge(writer, reader, "");
                    var parts = Encoding.UTF8.GetString(Convert.FromBase64String(initial)).Split('\0');
                    Login = (parts[1], parts[2]);
                    await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                    break;
                case "AUTH":
                    var user = Encoding.UTF8.GetString(Convert.FromBase64String(await Challenge(writer, reader, "VXNlcm5hbWU6")));
                    var password = Encoding.UTF8.GetString(Convert.FromBase64String(await Challenge(writer, reader, "UGFzc3dvcmQ6")));
                    Login = (user, password);
                    await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                    break;
                case "MAIL":
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT" when _refuseRecipients:
                    await writer.WriteLineAsync("550 5.1.1 Mailbox unavailable");
                    break;
                case "RCPT":
                    Recipients.Add(line[(line.IndexOf('<') + 1)..line.IndexOf('>')]);
                    await writer.WriteLineAsync("250 2.1.5 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } d && d != ".")
                        data.Append(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d).Append("\r\n");
                    Data = Encoding.Latin1.GetBytes(data.ToString());
                    await writer.WriteLineAsync("250 2.0.0 Queued");
                    break;
                case "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 2.0.0 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.1 Not implemented");
                    break;
            }
        }
    }

    private static async Task<string> Challenge(StreamWriter writer, StreamReader reader, string prompt)
    {
        await writer.WriteLineAsync("334 " + prompt);
        return await reader.ReadLineAsync() ?? "";
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try { await _serving.WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or TimeoutException or IOException) { }
    }
}
