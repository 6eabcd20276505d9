using System.Globalization;
using System.Text;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Proof;

/// <summary>
/// The proof as a WhatsApp message, in Indonesian (customers get Indonesian whatever language the CS agent's
/// screen is in). *Bold* is WhatsApp's own markup.
/// </summary>
public static class ProofWhatsAppText
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Build(ProofCard card, BusinessClock clock)
    {
        var sb = new StringBuilder();
        sb.Append("*").Append(card.BusinessName).Append("*\n");
        sb.Append("✅ *Pembayaran diterima*\n\n");
        if (card.IsSandbox) sb.Append("⚠️ CONTOH (sandbox) — bukan transaksi sungguhan\n\n");
        sb.Append("Jumlah: *").Append(Money.Format(card.Amount)).Append("*\n");
        sb.Append("Waktu transaksi: ").Append(TransactionTime(card, clock)).Append('\n');
        sb.Append("Dibaca sistem: ").Append(clock.FormatDateTime(card.ReadTimeUtc, Indonesian)).Append('\n');
        sb.Append("Rekening tujuan: ").Append(card.Destination).Append('\n');
        if (!string.IsNullOrWhiteSpace(card.SenderName)) sb.Append("Pengirim: ").Append(card.SenderName).Append('\n');
        if (!string.IsNullOrWhiteSpace(card.OrderReference)) sb.Append("No. pesanan: ").Append(card.OrderReference).Append('\n');
        sb.Append('\n');
        sb.Append("Kode verifikasi: *").Append(card.VerificationCode).Append("*\n");
        sb.Append(ProofCard.VerifiedText).Append(", ").Append(clock.FormatDateTime(card.VerifiedAtUtc, Indonesian)).Append('\n');
        sb.Append("Cek keaslian bukti ini: ").Append(card.VerificationUrl).Append('\n');
        sb.Append("\nTerima kasih 🙏");
        return sb.ToString();
    }

    /// <summary>Bank records that carry only the day must not pretend to a time of day.</summary>
    public static string TransactionTime(ProofCard card, BusinessClock clock, CultureInfo? culture = null) =>
        card.HasTimeOfDay ? clock.FormatDateTime(card.TransactionTimeUtc, culture ?? Indonesian) : clock.FormatDate(card.TransactionTimeUtc, culture ?? Indonesian);
}
