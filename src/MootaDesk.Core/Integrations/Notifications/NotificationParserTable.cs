using static MootaDesk.Core.Integrations.Notifications.RuleEvidence;
using static MootaDesk.Core.Integrations.Notifications.RuleOutcome;

namespace MootaDesk.Core.Integrations.Notifications;

/// <summary>
/// The banks and wallets whose notifications MootaDesk reads, one entry per app: its packages, amount notation and
/// wordings. Adding an app or a wording is a row here plus a test with a sample. Where each wording comes from (a
/// captured notification quoted in public code or datasets, public code without a capture, or our own assumption) is
/// the rule's <see cref="RuleEvidence"/>; docs/notification-forwarders.md lists the sources. Within an app the first
/// matching rule gives the fields, so specific wordings come before general ones.
/// </summary>
public static class NotificationParserTable
{
    /// <summary>Every entry, in a fixed order (used when the forwarder sends no package and the text alone is matched).</summary>
    public static IReadOnlyList<NotificationParserEntry> Entries { get; } =
    [
        new("mybca", "bca", "myBCA", ["com.bca.mybca.omni.android"], ["myBCA"], AmountNotation.Any,
        [
            // "Catatan Finansial": myBCA's own bookkeeping notice for every movement, in English notation after "IDR".
            new("income", Credit, "transfer", @"Pemasukan\s+sebesar\s+{rp}{amount}(?:\s+dari\s+(?<party>.+?))?(?:\s+di\s+kategori\b|\.|$)", Verified),
            new("expense", Debit, "payment", @"Pengeluaran\s+sebesar\s+{rp}{amount}", Verified),
            new("spent-en", Debit, "payment", @"You\s+spent\s+{rp}{amount}(?:\s+at\s+(?<party>.+?))?(?:\.|$)", Verified),
            new("received-en", Credit, "transfer", @"You\s+received\s+{rp}{amount}(?:\s+from\s+(?<party>.+?))?(?:\.|$)", Assumed),
        ]),
        new("bca-mobile", "bca", "BCA mobile", ["com.bca"], ["BCA mobile", "m-BCA"], AmountNotation.Any,
        [
            new("debit-qris", Debit, "qris", @"Debit\s+melalui\s+QRIS\s+sebesar\s+{rp}{amount}", Reported),
            new("withdrawal", Debit, "withdrawal", @"Debit\s+penarikan\s+tunai\s+sebesar\s+{rp}{amount}", Reported),
            new("debit", Debit, "transfer", @"Debit\s+melalui\s+(?:layanan\s+)?\S.*?\s+sebesar\s+{rp}{amount}", Reported),
            new("transfer-in", Credit, "transfer", @"Dana\s+masuk(?:\s+melalui\s+(?:layanan\s+)?\S.*?)?\s+sebesar\s+{rp}{amount}(?:\s+dari\s+(?<party>.+?))?(?:\.|$)", Reported),
        ]),
        new("brimo", "bri", "BRImo", ["id.co.bri.brimo"], ["BRImo", "BRImo BRI"], AmountNotation.Indonesian,
        [
            new("transfer-in", Credit, "transfer",
                @"Sobat\s+BRI!?\s+Dana\s+{rp}{amount}\s+masuk\s+ke\s+rekening(?:\s+(?<account>[\dX*]{4,}))?(?:\s+pada\s+{time})?(?:\s+KET\.?\s*:\s*(?<note>.+))?", Verified),
            new("transfer-out", Debit, "transfer",
                @"{time}\s*-\s*Transfer\s+dari\s+(?<account>[\dX*]{4,})\s+dengan\s+nomor\s+rekening\s+tujuan\s+[\dX*]+\s+sebesar\s+{rp}{amount}\s+BERHASIL", Verified),
            new("top-up-out", Debit, "top-up", @"{time}\s*-\s*Transaksi\s+Top\s*Up\s+(?<party>.+?)\s+sebesar\s+{rp}{amount}\s+BERHASIL", Verified),
            new("qris-out", Debit, "qris", @"{time}\s*-?\s*Transaksi\s+Pembelian\s+QRIS\s+sebesar\s+{rp}{amount}\s+BERHASIL", Verified),
            new("other-out", Debit, "payment", @"{time}\s*-?\s*Transaksi\s+\S.*?\s+sebesar\s+{rp}{amount}\s+BERHASIL", Assumed),
        ]),
        new("livin", "mandiri", "Livin' by Mandiri", ["id.bmri.livin", "id.bmri.livinmerchant"], ["Livin' by Mandiri", "Livin by Mandiri", "Livin' Merchant"], AmountNotation.Any,
        [
            new("transfer-in", Credit, "transfer",
                @"Kamu\s+(?:menerima|terima)\s+(?:transfer\s+)?(?:sebesar\s+)?{rp}{amount}\s+dari\s+(?<party>.+?)(?:\s+ke\s+rekening\s+(?<account>[\dX*]{4,}))?(?:\s+pada\s+{time})?(?:\.|$)", Assumed),
            new("qris-in", Credit, "qris", @"Pembayaran\s+QRIS\s+(?:sebesar\s+)?{rp}{amount}(?:\s+dari\s+(?<party>.+?))?\s+(?:telah\s+)?(?:berhasil\s+)?diterima", Assumed),
            new("qris-out", Debit, "qris", @"Transaksi\s+Livin'?\s+QR\s+sebesar\s+{rp}{amount}\s+di\s+(?<party>.+?)\s+berhasil", Reported),
            new("debit", Debit, "transfer", @"Debit\s+rekening\s+(?<account>[\dX*]{4,})\s+sebesar\s+{rp}{amount}\s+ke\s+(?<party>.+?)\s+berhasil", Reported),
            new("transfer-out", Debit, "transfer", @"Transfer\s+(?:sebesar\s+)?{rp}{amount}\s+ke\s+(?<party>.+?)\s+berhasil", Assumed),
        ]),
        new("bni", "bni", "wondr by BNI / BNI Mobile", ["id.bni.wondr", "src.com.bni"], ["wondr by BNI", "wondr", "BNI Mobile Banking", "BNI Mobile"], AmountNotation.Any,
        [
            new("received", Credit, "transfer", @"Transaksi\s+diterima!?\s+Kamu\s+baru\s+aja\s+terima\s+{rp}{amount}", Verified),
            new("spent", Debit, "payment", @"Transaksi\s+Berhasil!*\s+Kamu\s+baru\s+aja\s+transaksi\s+sebesar\s+{rp}{amount}", Verified),
            new("qris-out", Debit, "qris", @"Transaksi\s+wondr\s+QRIS\s+{rp}{amount}\s+di\s+(?<party>.+?)\s+berhasil", Reported),
            new("transfer-in", Credit, "transfer",
                @"Anda\s+menerima\s+(?:transfer\s+)?(?:sebesar\s+)?{rp}{amount}\s+dari\s+(?<party>.+?)(?:\s+ke\s+rekening\s+(?<account>[\dX*]{4,}))?(?:\s+pada\s+{time})?(?:\.|$)", Assumed),
            new("transfer-out", Debit, "transfer", @"Transfer\s+(?:sebesar\s+)?{rp}{amount}\s+ke\s+(?<party>.+?)\s+berhasil", Assumed),
        ]),
        new("bsi", "bsi", "BSI Mobile / BYOND by BSI", ["com.bsm.activity2", "co.id.bankbsi.superapp"], ["BSI Mobile", "BYOND by BSI", "BYOND"], AmountNotation.Indonesian,
        [
            new("transfer-in", Credit, "transfer",
                @"Dana\s+masuk\s+(?:sebesar\s+)?{rp}{amount}(?:\s+ke\s+rekening\s+(?<account>[\dX*]{4,}))?(?:\s+dari\s+(?<party>.+?))?(?:\s+pada\s+{time})?(?:\.|$)", Assumed),
            new("debit", Debit, "payment", @"(?:Transfer|Pembayaran|Pembelian)\s+(?:sebesar\s+)?{rp}{amount}(?:\s+(?:ke|di)\s+(?<party>.+?))?\s+berhasil", Assumed),
        ]),
        new("jago", "jago", "Jago", ["com.jago.digitalBanking"], ["Jago", "Bank Jago"], AmountNotation.Any,
        [
            new("received-en", Credit, "transfer", @"(?<party>[^\n.!]+?)\s+has\s+sent\s+{rp}{amount}\s+to\s+you", Reported),
            new("paid-en", Debit, "payment", @"You'?ve\s+paid\s+{rp}{amount}\s+to\s+(?<party>.+?)(?:\.|$)", Reported),
            new("received", Credit, "transfer", @"Kamu\s+(?:menerima|terima)\s+(?:uang\s+)?{rp}{amount}\s+dari\s+(?<party>.+?)(?:\s+(?:ke|di)\s+Kantong\b.*?)?(?:\.|$)", Assumed),
            new("paid", Debit, "payment", @"Kamu\s+telah\s+membayar\s+{rp}{amount}\s+ke\s+(?<party>.+?)\s+menggunakan", Reported),
        ]),
        new("seabank", "seabank", "SeaBank", ["id.co.bankbkemobile.digitalbank"], ["SeaBank"], AmountNotation.Indonesian,
        [
            new("funds-in", Credit, "transfer", @"Kamu\s+menerima\s+dana\s+sebesar\s+{rp}{amount}\s+dari\s+(?<party>.+?)(?:\s+pada\s+{time})?(?:\.|$)", Verified),
            new("transfer-in", Credit, "transfer", @"Kamu\s+menerima\s+transfer\s+(?:saldo\s+)?(?:senilai|sebesar)\s+{rp}{amount}(?:\s+ke\s+rekening\s+(?<account>[\dX*]{4,}))?", Verified),
            new("va-out", Debit, "transfer",
                @"Kamu\s+telah\s+melakukan\s+transfer\s+(?:virtual\s+account\s+)?sebesar\s+{rp}{amount}\s+kepada\s+(?<party>.+?)(?:\s+pada\s+{time})?(?:\s*\.{3}|\.|$)", Verified),
            new("realtime-out", Debit, "transfer", @"Kamu\s+baru\s+melakukan\s+transfer\s+real-?time\s+senilai\s+{rp}{amount}", Verified),
            new("top-up-out", Debit, "top-up", @"Kamu\s+berhasil\s+melakukan\s+Top\s*Up\s+e-?Wallet\s+senilai\s+{rp}{amount}\s+ke\s+(?<party>.+?)(?:\.|$)", Verified),
            new("qris-out", Debit, "qris", @"Pembayaran\s+QRIS\s+untuk\s+(?<party>.+?)\s+sebesar\s+(?:{rp})?{amount}\s+telah\s+berhasil", Verified),
            new("pay-instant", Debit, "payment", @"SeaBank\s+Bayar\s+Instan:\s+Pembayaran\s+(?<party>.+?)\s+kamu\s+sebesar\s+{rp}{amount}", Verified),
            new("transfer-out", Debit, "transfer", @"Berhasil\s+transfer\s+{rp}{amount}\s+ke\s+(?<party>.+?)(?:\.|$)", Reported),
        ]),
        new("ovo", "ovo", "OVO", ["ovo.id"], ["OVO"], AmountNotation.Indonesian,
        [
            new("top-up-in", Credit, "top-up", @"Top\s*up\s+(?:sebesar\s+)?{rp}{amount}\s+(?:melalui|dari)\s+(?<party>.+?),?\s+telah\s+berhasil", Verified),
            new("transfer-in", Credit, "transfer", @"Kamu\s+(?:menerima|terima)\s+(?:transfer\s+)?(?:OVO\s+Cash\s+)?(?:sebesar\s+)?{rp}{amount}\s+dari\s+(?<party>.+?)(?:\.|!|$)", Assumed),
            new("fee", Debit, "fee", @"{rp}{amount}\s+telah\s+dipotong\s+dari\s+OVO\s+Cash", Verified),
            new("transfer-out", Debit, "transfer", @"Transfer\s+{rp}{amount}\s+ke\s+(?<party>.+?)\s+berhasil", Verified),
            new("pay-out", Debit, "payment", @"Berhasil\s+bayar\s+{rp}{amount}\s+di\s+(?<party>.+?)(?:\.|!|$)", Reported),
        ]),
        new("gopay", "gojek", "GoPay", ["com.gojek.gopay", "com.gojek.app"], ["GoPay", "Gojek"], AmountNotation.Indonesian,
        [
            new("top-up-in", Credit, "top-up", @"Top\s*up\s+saldo\s+sebesar\s+{rp}{amount}\s+via\s+(?<party>.+?)\s+berhasil", Verified),
            new("qris-in", Credit, "qris", @"Kamu\s+menerima\s+{rp}{amount}\s+dari\s+(?<party>.+?)\s+via\s+QRIS", Reported),
            new("received", Credit, "transfer", @"Kamu\s+(?:menerima|terima|dapet|dapat)\s+(?:kiriman\s+)?(?:GoPay\s+)?{rp}{amount}\s+dari\s+(?<party>.+?)(?:\.|!|$)", Assumed),
            new("pay-out", Debit, "payment", @"Pembayaran\s+{rp}{amount}\s+ke\s+(?<party>.+?)\s+berhasil", Reported),
            new("transfer-out", Debit, "transfer", @"Kamu\s+telah\s+transfer\s+{rp}{amount}\s+ke\s+(?<party>.+?)(?:\.|!|$)", Reported),
        ]),
        new("dana", "dana", "DANA", ["id.dana"], ["DANA"], AmountNotation.Indonesian,
        [
            new("top-up-in", Credit, "top-up", @"Berhasil\s+top\s*up\s+saldo\s+{rp}{amount}\s+dari\s+(?<party>.+?)(?:\.|!|$)", Verified),
            new("qris-in", Credit, "qris", @"{rp}{amount}\s+masuk\s+ke\s+DANA\s+kamu(?:\s+dari\s+(?<party>.+?))?(?:\.|!|$)", Reported),
            new("received", Credit, "transfer", @"Kamu\s+(?:menerima|terima)\s+{rp}{amount}\s+dari\s+(?<party>.+?)(?:\.|!|$)", Assumed),
            new("sent", Debit, "transfer", @"{rp}{amount}\s+telah\s+dikirim\s+ke\s+(?<party>.+?)(?:\s+-\s+(?<account>[\dX*]{4,}))?[\s\p{So}\p{Cs}.!]*$", Verified),
            new("pay-out", Debit, "payment", @"Berhasil\s+bayar\s+{rp}{amount}\s+(?:di|ke)\s+(?<party>.+?)(?:\.|!|$)", Assumed),
        ]),
        new("shopeepay", "shopeepay", "ShopeePay", ["com.shopeepay.id", "com.shopee.id"], ["ShopeePay", "Shopee"], AmountNotation.Indonesian,
        [
            new("top-up-in", Credit, "top-up", @"(?:Pengisian|Isi)\s+saldo\s+(?:\S+\s+)?sebesar\s+{rp}{amount}\s+telah\s+ditambahkan\s+ke\s+ShopeePay", Verified),
            new("top-up-in-en", Credit, "top-up", @"Your\s+Top\s*up\s+request\s+of\s+{rp}{amount}\s+is\s+successful", Verified),
            new("received", Credit, "transfer", @"Kamu\s+menerima\s+(?:transfer\s+(?:ShopeePay\s+)?)?(?:sebesar\s+)?{rp}{amount}(?:\s+dari\s+(?<party>.+?))?(?:\.|!|$)", Assumed),
            new("pay-out", Debit, "payment", @"Pembayaran\s+(?:sebesar\s+)?{rp}{amount}\s+(?:di|ke)\s+(?<party>.+?)\s+(?:telah\s+)?berhasil", Reported),
        ]),
    ];
}
