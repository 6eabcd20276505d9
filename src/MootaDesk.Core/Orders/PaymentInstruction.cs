using System.Globalization;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Orders;

/// <summary>The message a CS agent pastes to the customer: always Indonesian, since it is read by the shop's customers.</summary>
public static class PaymentInstruction
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Build(string reference, decimal payableAmount, int uniqueCode, string bankCode, string accountNumber, string holderName,
        DateTime expiresAtUtc, BusinessClock clock)
    {
        var codeLine = uniqueCode switch
        {
            > 0 => $" (sudah termasuk kode unik {uniqueCode})",
            < 0 => $" (sudah dipotong kode unik {-uniqueCode})",
            _ => "",
        };
        var lines = new List<string>
        {
            $"Pembayaran pesanan {reference}",
            $"Mohon transfer TEPAT {Money.Format(payableAmount)}{codeLine} ke:",
            $"Bank: {BankNames.ForCustomer(bankCode)}",
            $"No. rekening: {accountNumber}",
        };
        if (!string.IsNullOrWhiteSpace(holderName)) lines.Add($"Atas nama: {holderName}");
        lines.Add($"Batas pembayaran: {clock.FormatDateTime(expiresAtUtc, Indonesian)}");
        lines.Add("Nominal harus persis sama (sampai 3 digit terakhir) agar pembayaran terkonfirmasi otomatis.");
        return string.Join("\n", lines);
    }
}
