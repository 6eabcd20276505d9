using System.Globalization;
using MootaDesk.Core.Formatting;

namespace MootaDesk.Core.Orders;

/// <summary>The message a CS agent pastes to the customer: always Indonesian, since it is read by the shop's customers.</summary>
public static class PaymentInstruction
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static readonly Dictionary<string, string> BankNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bca"] = "BCA", ["bcaVA"] = "BCA Virtual Account", ["bcaGiro"] = "BCA",
        ["mandiri"] = "Mandiri", ["mandiriOnline"] = "Mandiri", ["mandiriMcm"] = "Mandiri", ["mandiriMcmV2"] = "Mandiri", ["mandiriSyariah"] = "BSI",
        ["bni"] = "BNI", ["bniBisnis"] = "BNI", ["bniBisnisV2"] = "BNI", ["bri"] = "BRI", ["briCms"] = "BRI", ["briGiro"] = "BRI",
        ["bsi"] = "BSI", ["muamalat"] = "Muamalat", ["megaSyariahCms"] = "Mega Syariah", ["permata"] = "Permata", ["cimb"] = "CIMB Niaga",
        ["danamon"] = "Danamon", ["btn"] = "BTN", ["jago"] = "Bank Jago", ["seabank"] = "SeaBank", ["gojek"] = "GoPay", ["gopay"] = "GoPay",
        ["ovo"] = "OVO", ["dana"] = "DANA", ["shopeepay"] = "ShopeePay", ["qris"] = "QRIS",
    };

    public static string BankName(string bankCode) =>
        BankNames.TryGetValue(bankCode, out var name) ? name : bankCode.ToUpperInvariant();

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
            $"Bank: {BankName(bankCode)}",
            $"No. rekening: {accountNumber}",
        };
        if (!string.IsNullOrWhiteSpace(holderName)) lines.Add($"Atas nama: {holderName}");
        lines.Add($"Batas pembayaran: {clock.FormatDateTime(expiresAtUtc, Indonesian)}");
        lines.Add("Nominal harus persis sama (sampai 3 digit terakhir) agar pembayaran terkonfirmasi otomatis.");
        return string.Join("\n", lines);
    }
}
