using MootaDesk.Core.Mutations;
using MootaDesk.Core.Integrations.Notifications;
using MootaDesk.Tests.Shared;
using static MootaDesk.Core.Integrations.Notifications.NotificationVerdict;

namespace MootaDesk.Core.Tests.Integrations.Notifications;

/// <summary>
/// Every app in the parser table with real-looking samples: credits, a debit, a promotion and an OTP, each with its
/// exact reading. Samples marked "captured" are the public captures listed in docs/notification-forwarders.md (names
/// and numbers as published there); the others are written for these tests in the app's style.
/// </summary>
public class BankNotificationSamplesTests
{
    private static readonly DateTime Posted = TestTime.Start.UtcDateTime;

    private static ParsedNotification Parse(string package, string title, string text) => NotificationTextParser.Parse(package, null, title, text, Posted);

    private static ParsedNotification Tx(string bank, string app, string rule, string kind, Direction direction, decimal amount,
        string? party = null, string? account = null, DateTime? stated = null) =>
        new(Transaction, bank, app, app + "/" + rule, NotificationMatches.Package, kind, direction, amount, party, account, stated, null);

    private static ParsedNotification Not(string bank, string app, string key) =>
        new(NotATransaction, bank, app, null, NotificationMatches.Package, null, null, null, null, null, null, new NotificationProblem(key));

    private static DateTime Wib(int y, int mo, int d, int h, int mi, int s = 0) => new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.FromHours(7)).UtcDateTime;

    // ---- myBCA (com.bca.mybca.omni.android): "Catatan Finansial", English notation after IDR ----

    [Fact]
    public void MyBca_income_captured_is_a_credit_with_the_masked_payer()
    {
        Parse("com.bca.mybca.omni.android", "Catatan Finansial", "Pemasukan sebesar IDR 329,306.00 dari **KAS **CKY K di kategori Transfer Rekening.")
            .ShouldBe(Tx("bca", "mybca", "income", "transfer", Direction.Credit, 329_306m, "**KAS **CKY K"));
    }

    [Fact]
    public void MyBca_income_without_a_payer_is_a_credit_of_the_exact_amount_with_sen()
    {
        Parse("com.bca.mybca.omni.android", "Catatan Finansial", "Pemasukan sebesar IDR 1,250,000.50 di kategori Penjualan.")
            .ShouldBe(Tx("bca", "mybca", "income", "transfer", Direction.Credit, 1_250_000.50m));
    }

    [Fact]
    public void MyBca_expense_and_english_spend_are_debits()
    {
        Parse("com.bca.mybca.omni.android", "Catatan Finansial", "Pengeluaran sebesar IDR 1.00 di kategori Belanja Bulanan.")
            .ShouldBe(Tx("bca", "mybca", "expense", "payment", Direction.Debit, 1m));
        Parse("com.bca.mybca.omni.android", "Financial Notes", "You spent IDR 7,490,557.00 at Shopping.")
            .ShouldBe(Tx("bca", "mybca", "spent-en", "payment", Direction.Debit, 7_490_557m, "Shopping"));
    }

    [Fact]
    public void MyBca_promo_and_otp_are_not_transactions()
    {
        Parse("com.bca.mybca.omni.android", "myBCA", "Dapatkan cashback s.d. Rp100.000 untuk transaksi QRIS pakai myBCA!").ShouldBe(Not("bca", "mybca", NotificationProblems.Promo));
        Parse("com.bca.mybca.omni.android", "myBCA", "Kode OTP myBCA Anda: 482913. Jangan berikan kode ini ke siapa pun.").ShouldBe(Not("bca", "mybca", NotificationProblems.Security));
        Parse("com.bca.mybca.omni.android", "myBCA", "Login myBCA dari perangkat baru pada 21/11/2026 16:20.").ShouldBe(Not("bca", "mybca", NotificationProblems.Security));
    }

    // ---- BCA mobile (com.bca) ----

    [Fact]
    public void Bca_mobile_funds_in_are_credits_and_debits_are_debits()
    {
        Parse("com.bca", "BCA mobile", "Dana masuk melalui layanan BI-Fast sebesar Rp 10.000,00")
            .ShouldBe(Tx("bca", "bca-mobile", "transfer-in", "transfer", Direction.Credit, 10_000m));
        Parse("com.bca", "BCA mobile", "Dana masuk sebesar Rp 1.000.000,00 dari ANDI WIJAYA.")
            .ShouldBe(Tx("bca", "bca-mobile", "transfer-in", "transfer", Direction.Credit, 1_000_000m, "ANDI WIJAYA"));
        Parse("com.bca", "BCA mobile", "Debit melalui QRIS sebesar Rp 25.000,00")
            .ShouldBe(Tx("bca", "bca-mobile", "debit-qris", "qris", Direction.Debit, 25_000m));
        Parse("com.bca", "BCA mobile", "Debit melalui layanan Antar Bank Online sebesar Rp 150.000,00")
            .ShouldBe(Tx("bca", "bca-mobile", "debit", "transfer", Direction.Debit, 150_000m));
    }

    [Fact]
    public void Bca_mobile_advertising_is_not_a_transaction() =>
        Parse("com.bca", "BCA Info", "Investasi Reksa Dana mulai dari Rp 10.000 di Welma sekarang juga!").ShouldBe(Not("bca", "bca-mobile", NotificationProblems.Promo));

    // ---- BRImo (id.co.bri.brimo) ----

    [Fact]
    public void Brimo_funds_in_captured_is_a_credit_with_account_tail_and_the_texts_own_time()
    {
        Parse("id.co.bri.brimo", "BRImo", "Sobat BRI! Dana Rp19.000 masuk ke rekening 790001009621533 pada 06/05/2026 22:53:10 KET.:DANA20260506031725979066Bashor")
            .ShouldBe(Tx("bri", "brimo", "transfer-in", "transfer", Direction.Credit, 19_000m, null, "1533", Wib(2026, 5, 6, 22, 53, 10)));
    }

    [Fact]
    public void Brimo_funds_in_takes_the_payer_from_the_transfer_remark()
    {
        Parse("id.co.bri.brimo", "BRImo", "Sobat BRI! Dana Rp1.000.451 masuk ke rekening 736901035288537 pada 05/12/2025 11:14:59 KET.:TRANSFER DARI JANE DOE")
            .ShouldBe(Tx("bri", "brimo", "transfer-in", "transfer", Direction.Credit, 1_000_451m, "JANE DOE", "8537", Wib(2025, 12, 5, 11, 14, 59)));
        Parse("id.co.bri.brimo", "BRImo", "Sobat BRI! Dana Rp 500.000,00 masuk ke rekening Ket.: TRF DARI BUDI - BCA")
            .ShouldBe(Tx("bri", "brimo", "transfer-in", "transfer", Direction.Credit, 500_000m, "BUDI"));
    }

    [Fact]
    public void Brimo_transfer_top_up_and_qris_out_captured_are_debits()
    {
        Parse("id.co.bri.brimo", "BRImo", "02/05/2026 19:21:58 - Transfer dari XXXXXX1533 dengan nomor rekening tujuan XXXXXXXXXXXX2303 sebesar Rp200.549,00 BERHASIL.")
            .ShouldBe(Tx("bri", "brimo", "transfer-out", "transfer", Direction.Debit, 200_549m, null, "1533", Wib(2026, 5, 2, 19, 21, 58)));
        Parse("id.co.bri.brimo", "BRImo", "06/05/2026 22:17:47 - Transaksi Top Up DANA 081246699770 sebesar Rp20.000,00 BERHASIL. Info lebih lanjut hubungi Call Center BRI 1500017")
            .ShouldBe(Tx("bri", "brimo", "top-up-out", "top-up", Direction.Debit, 20_000m, "DANA 081246699770", null, Wib(2026, 5, 6, 22, 17, 47)));
        Parse("id.co.bri.brimo", "BRImo", "28/09/2026 08:46:16 Transaksi Pembelian QRIS sebesar Rp8.000,00 BERHASIL. Info lebih lanjut hubungi Call Center BRI 1500017")
            .ShouldBe(Tx("bri", "brimo", "qris-out", "qris", Direction.Debit, 8_000m, null, null, Wib(2026, 9, 28, 8, 46, 16)));
    }

    [Fact]
    public void Brimo_promo_dressed_like_funds_in_and_otp_are_not_transactions()
    {
        Parse("id.co.bri.brimo", "BRImo", "Sobat BRI! Dana Rp100.000 masuk ke rekening kamu? Ikuti undian berhadiah BRImo sekarang!").ShouldBe(Not("bri", "brimo", NotificationProblems.Promo));
        Parse("id.co.bri.brimo", "BRImo", "Kode OTP BRImo Anda 123456. JANGAN BERIKAN kode ini kepada siapapun termasuk pihak BRI.").ShouldBe(Not("bri", "brimo", NotificationProblems.Security));
    }

    // ---- Livin' by Mandiri (id.bmri.livin, id.bmri.livinmerchant): wording assumed ----

    [Fact]
    public void Livin_transfer_in_and_merchant_qris_are_credits()
    {
        Parse("id.bmri.livin", "Dana Masuk", "Kamu terima Rp250.000 dari BUDI SANTOSO ke rekening ****1234.")
            .ShouldBe(Tx("mandiri", "livin", "transfer-in", "transfer", Direction.Credit, 250_000m, "BUDI SANTOSO", "1234"));
        Parse("id.bmri.livin", "Transfer Masuk", "Kamu menerima transfer Rp1.250.000,00 dari PT MAJU JAYA pada 21 Nov 2026 14:05 WIB.")
            .ShouldBe(Tx("mandiri", "livin", "transfer-in", "transfer", Direction.Credit, 1_250_000m, "PT MAJU JAYA", null, Wib(2026, 11, 21, 14, 5)));
        Parse("id.bmri.livinmerchant", "Livin' Merchant", "Pembayaran QRIS Rp35.000 dari SITI AMINAH berhasil diterima")
            .ShouldBe(Tx("mandiri", "livin", "qris-in", "qris", Direction.Credit, 35_000m, "SITI AMINAH"));
    }

    [Fact]
    public void Livin_qr_payment_and_transfer_out_are_debits()
    {
        Parse("id.bmri.livin", "Livin' by Mandiri", "Transaksi Livin' QR sebesar IDR 75.000 di HokBen Paskal berhasil.")
            .ShouldBe(Tx("mandiri", "livin", "qris-out", "qris", Direction.Debit, 75_000m, "HokBen Paskal"));
        Parse("id.bmri.livin", "Transfer Berhasil", "Transfer Rp500.000 ke ANDI WIJAYA berhasil")
            .ShouldBe(Tx("mandiri", "livin", "transfer-out", "transfer", Direction.Debit, 500_000m, "ANDI WIJAYA"));
    }

    [Fact]
    public void Livin_loan_offer_and_pin_change_are_not_transactions()
    {
        Parse("id.bmri.livin", "Livin' by Mandiri", "Ajukan pinjaman serbaguna dengan limit s.d Rp 100.000.000 bunga ringan.").ShouldBe(Not("mandiri", "livin", NotificationProblems.Promo));
        Parse("id.bmri.livin", "Livin Alert", "PIN Livin' Anda berhasil diubah pada 28/08/2026.").ShouldBe(Not("mandiri", "livin", NotificationProblems.Security));
    }

    // ---- wondr by BNI / BNI Mobile ----

    [Fact]
    public void Wondr_received_captured_is_a_credit_whether_the_cheer_is_in_the_title_or_the_text()
    {
        Parse("id.bni.wondr", "wondr by BNI", "Transaksi diterima! Kamu baru aja terima Rp600.000. Klik untuk cek detailnya.")
            .ShouldBe(Tx("bni", "bni", "received", "transfer", Direction.Credit, 600_000m));
        Parse("id.bni.wondr", "Transaksi diterima!", "Kamu baru aja terima Rp1.750.000. Klik untuk cek detailnya.")
            .ShouldBe(Tx("bni", "bni", "received", "transfer", Direction.Credit, 1_750_000m));
    }

    [Fact]
    public void Bni_mobile_transfer_in_is_a_credit_and_wondr_spend_is_a_debit()
    {
        Parse("src.com.bni", "BNI Mobile Banking", "Anda menerima transfer Rp 2.500.000,00 dari RINA MARLINA ke rekening 0123456789.")
            .ShouldBe(Tx("bni", "bni", "transfer-in", "transfer", Direction.Credit, 2_500_000m, "RINA MARLINA", "6789"));
        Parse("id.bni.wondr", "wondr by BNI", "Transaksi Berhasil!! Kamu baru aja transaksi sebesar Rp500.000. Klik untuk cek detailnya.")
            .ShouldBe(Tx("bni", "bni", "spent", "payment", Direction.Debit, 500_000m));
    }

    [Fact]
    public void Wondr_promo_and_otp_are_not_transactions()
    {
        Parse("id.bni.wondr", "wondr by BNI", "Buka deposito di wondr, bunga hingga 6% p.a. mulai Rp 1.000.000!").ShouldBe(Not("bni", "bni", NotificationProblems.Promo));
        Parse("id.bni.wondr", "wondr by BNI", "Kode verifikasi wondr kamu 558201. Jangan bagikan ke siapa pun.").ShouldBe(Not("bni", "bni", NotificationProblems.Security));
    }

    // ---- BSI Mobile / BYOND (wording assumed) ----

    [Fact]
    public void Bsi_funds_in_are_credits_and_a_transfer_out_is_a_debit()
    {
        Parse("com.bsm.activity2", "BSI Mobile", "Dana masuk Rp 750.000,00 ke rekening 7123456789 dari AHMAD FAUZI pada 21/11/2026 10:15:00.")
            .ShouldBe(Tx("bsi", "bsi", "transfer-in", "transfer", Direction.Credit, 750_000m, "AHMAD FAUZI", "6789", Wib(2026, 11, 21, 10, 15)));
        Parse("co.id.bankbsi.superapp", "BYOND by BSI", "Dana masuk sebesar Rp 1.500.000,00 ke rekening 7123456789.")
            .ShouldBe(Tx("bsi", "bsi", "transfer-in", "transfer", Direction.Credit, 1_500_000m, null, "6789"));
        Parse("com.bsm.activity2", "BSI Mobile", "Transfer Rp 200.000,00 ke SITI NURHALIZA berhasil")
            .ShouldBe(Tx("bsi", "bsi", "debit", "payment", Direction.Debit, 200_000m, "SITI NURHALIZA"));
    }

    [Fact]
    public void Bsi_promo_and_otp_are_not_transactions()
    {
        Parse("com.bsm.activity2", "BSI Mobile", "Gebyar hadiah BSI! Tabung mulai Rp 100.000 dan menangkan umrah.").ShouldBe(Not("bsi", "bsi", NotificationProblems.Promo));
        Parse("com.bsm.activity2", "BSI Mobile", "Kode aktivasi BSI Mobile Anda 772910. Jangan berikan kepada siapa pun.").ShouldBe(Not("bsi", "bsi", NotificationProblems.Security));
    }

    // ---- Jago (com.jago.digitalBanking) ----

    [Fact]
    public void Jago_money_sent_to_you_is_a_credit_in_english_and_indonesian()
    {
        Parse("com.jago.digitalBanking", "Jago", "Raka Purnama has sent Rp125.000 to you.")
            .ShouldBe(Tx("jago", "jago", "received-en", "transfer", Direction.Credit, 125_000m, "Raka Purnama"));
        Parse("com.jago.digitalBanking", "Uang masuk", "Kamu menerima Rp75.000 dari DEWI LESTARI ke Kantong Utama.")
            .ShouldBe(Tx("jago", "jago", "received", "transfer", Direction.Credit, 75_000m, "DEWI LESTARI"));
    }

    [Fact]
    public void Jago_payments_are_debits()
    {
        Parse("com.jago.digitalBanking", "Jago", "You've paid Rp125.000 to Kedai Awan")
            .ShouldBe(Tx("jago", "jago", "paid-en", "payment", Direction.Debit, 125_000m, "Kedai Awan"));
        Parse("com.jago.digitalBanking", "Jago", "Kamu telah membayar Rp 68.000 ke FamilyMart menggunakan Kantong Jajan.")
            .ShouldBe(Tx("jago", "jago", "paid", "payment", Direction.Debit, 68_000m, "FamilyMart"));
    }

    [Fact]
    public void Jago_referral_bonus_and_otp_are_not_transactions()
    {
        Parse("com.jago.digitalBanking", "Bank Jago", "Ajak teman buka akun Jago dan dapatkan bonus saldo Rp 50.000.").ShouldBe(Not("jago", "jago", NotificationProblems.Promo));
        Parse("com.jago.digitalBanking", "Jago", "Your verification code is 904411. Do not share it with anyone.").ShouldBe(Not("jago", "jago", NotificationProblems.Security));
    }

    // ---- SeaBank (id.co.bankbkemobile.digitalbank) ----

    [Fact]
    public void Seabank_funds_in_captured_are_credits_with_payer_account_and_time()
    {
        Parse("id.co.bankbkemobile.digitalbank", "Dana Masuk ke Rekeningmu", "Kamu menerima dana sebesar Rp10.000 dari ShopeePay DAVID ARROZAQI pada 28 Agu 2026 20:43 WIB.")
            .ShouldBe(Tx("seabank", "seabank", "funds-in", "transfer", Direction.Credit, 10_000m, "ShopeePay DAVID ARROZAQI", null, Wib(2026, 8, 28, 20, 43)));
        Parse("id.co.bankbkemobile.digitalbank", "Transfer Masuk", "Kamu menerima transfer saldo senilai Rp40.000 ke rekening 7776. Ref. number 20260828BMRIIDJA01000227869030.")
            .ShouldBe(Tx("seabank", "seabank", "transfer-in", "transfer", Direction.Credit, 40_000m, null, "7776"));
    }

    [Fact]
    public void Seabank_virtual_account_qris_and_e_wallet_top_up_captured_are_debits()
    {
        Parse("id.co.bankbkemobile.digitalbank", "Pembayaran Berhasil", "Kamu telah melakukan transfer virtual account sebesar Rp10.000 kepada ShopeePay pada 28 Agu 2026 20:42 WIB")
            .ShouldBe(Tx("seabank", "seabank", "va-out", "transfer", Direction.Debit, 10_000m, "ShopeePay", null, Wib(2026, 8, 28, 20, 42)));
        Parse("id.co.bankbkemobile.digitalbank", "Pembayaran QRIS berhasil", "Pembayaran QRIS untuk PopCorn Technology sebesar 50.500 telah berhasil.")
            .ShouldBe(Tx("seabank", "seabank", "qris-out", "qris", Direction.Debit, 50_500m, "PopCorn Technology"));
        Parse("id.co.bankbkemobile.digitalbank", "Topup e-wallet", "Kamu berhasil melakukan Top Up e-Wallet senilai Rp25.000 ke GOPAY LUKAS RICKY K.")
            .ShouldBe(Tx("seabank", "seabank", "top-up-out", "top-up", Direction.Debit, 25_000m, "GOPAY LUKAS RICKY K"));
    }

    [Fact]
    public void Seabank_deposit_offer_and_otp_are_not_transactions()
    {
        Parse("id.co.bankbkemobile.digitalbank", "SeaBank", "Buka deposito dapat bunga hingga 6% p.a. mulai Rp 1.000.000!").ShouldBe(Not("seabank", "seabank", NotificationProblems.Promo));
        Parse("id.co.bankbkemobile.digitalbank", "SeaBank", "Kode OTP SeaBank: 381920. JANGAN BERIKAN kode ini.").ShouldBe(Not("seabank", "seabank", NotificationProblems.Security));
    }

    // ---- OVO (ovo.id) ----

    [Fact]
    public void Ovo_top_ups_captured_are_credits_naming_the_source()
    {
        Parse("ovo.id", "OVO", "Top up sebesar Rp100.000 melalui BANK BRI, telah berhasil")
            .ShouldBe(Tx("ovo", "ovo", "top-up-in", "top-up", Direction.Credit, 100_000m, "BANK BRI"));
        Parse("ovo.id", "OVO", "Top up Rp 10.000 dari BSI - TOP UP telah berhasil")
            .ShouldBe(Tx("ovo", "ovo", "top-up-in", "top-up", Direction.Credit, 10_000m, "BSI - TOP UP"));
        Parse("ovo.id", "Transfer Masuk", "Kamu menerima transfer OVO Cash Rp50.000 dari BUDI SANTOSO.")
            .ShouldBe(Tx("ovo", "ovo", "transfer-in", "transfer", Direction.Credit, 50_000m, "BUDI SANTOSO"));
    }

    [Fact]
    public void Ovo_transfer_out_and_top_up_fee_captured_are_debits_even_in_ovos_odd_notation()
    {
        Parse("ovo.id", "OVO", "Transfer Rp100.000.00 ke HAXIM berhasil. Kamu dikenakan biaya transaksi Rp5.000")
            .ShouldBe(Tx("ovo", "ovo", "transfer-out", "transfer", Direction.Debit, 100_000m, "HAXIM"));
        Parse("ovo.id", "OVO", "Rp1.000 telah dipotong dari OVO Cash untuk biaya top up dari BANK BRI")
            .ShouldBe(Tx("ovo", "ovo", "fee", "fee", Direction.Debit, 1_000m));
    }

    [Fact]
    public void Ovo_upgrade_offer_and_otp_are_not_transactions()
    {
        Parse("ovo.id", "OVO Premier", "Upgrade ke akun Premier untuk limit hingga Rp 20.000.000!").ShouldBe(Not("ovo", "ovo", NotificationProblems.Promo));
        Parse("ovo.id", "OVO", "JANGAN BERIKAN kode OTP 1234 kepada siapa pun, termasuk pihak OVO.").ShouldBe(Not("ovo", "ovo", NotificationProblems.Security));
    }

    // ---- GoPay (com.gojek.gopay, com.gojek.app) ----

    [Fact]
    public void Gopay_top_up_captured_and_money_received_are_credits()
    {
        Parse("com.gojek.gopay", "GoPay", "Top up saldo sebesar Rp10.000 via ATM Bersama Permata berhasil.")
            .ShouldBe(Tx("gojek", "gopay", "top-up-in", "top-up", Direction.Credit, 10_000m, "ATM Bersama Permata"));
        Parse("com.gojek.app", "GoPay", "Kamu menerima Rp50.000 dari Toko ABC via QRIS")
            .ShouldBe(Tx("gojek", "gopay", "qris-in", "qris", Direction.Credit, 50_000m, "Toko ABC"));
        Parse("com.gojek.gopay", "Kiriman masuk", "Kamu dapet kiriman GoPay Rp35.000 dari MAYA SARI!")
            .ShouldBe(Tx("gojek", "gopay", "received", "transfer", Direction.Credit, 35_000m, "MAYA SARI"));
    }

    [Fact]
    public void Gopay_payment_is_a_debit_and_cashback_bait_is_not_a_transaction()
    {
        Parse("com.gojek.app", "GoPay", "Pembayaran Rp 48.000 ke Solaria berhasil!")
            .ShouldBe(Tx("gojek", "gopay", "pay-out", "payment", Direction.Debit, 48_000m, "Solaria"));
        Parse("com.gojek.app", "GoPay Promo", "Dapet cashback Rp5.000 pas bayar pakai GoPay di merchant pilihan!").ShouldBe(Not("gojek", "gopay", NotificationProblems.Promo));
        Parse("com.gojek.gopay", "GoPay", "Jangan kasih tahu siapa pun kode OTP GoPay kamu: 4421.").ShouldBe(Not("gojek", "gopay", NotificationProblems.Security));
    }

    // ---- DANA (id.dana) ----

    [Fact]
    public void Dana_top_up_captured_and_money_received_are_credits()
    {
        Parse("id.dana", "DANA", "Berhasil top up saldo Rp20.000 dari BRI BANK RAKYAT INDONESIA. Lihat detailnya di sini!")
            .ShouldBe(Tx("dana", "dana", "top-up-in", "top-up", Direction.Credit, 20_000m, "BRI BANK RAKYAT INDONESIA"));
        Parse("id.dana", "Uang Masuk", "Kamu menerima Rp75.000 dari RUDI HARTONO.")
            .ShouldBe(Tx("dana", "dana", "received", "transfer", Direction.Credit, 75_000m, "RUDI HARTONO"));
    }

    [Fact]
    public void Dana_money_sent_captured_with_its_emoji_is_a_debit_with_the_account_tail() =>
        Parse("id.dana", "DANA", "Rp19.000 telah dikirim ke BASHOR FAUZAN MUTHOHIRIN - ****1533 💸")
            .ShouldBe(Tx("dana", "dana", "sent", "transfer", Direction.Debit, 19_000m, "BASHOR FAUZAN MUTHOHIRIN", "1533"));

    [Fact]
    public void Dana_coupon_and_verification_code_are_not_transactions()
    {
        Parse("id.dana", "DANA Deals", "Kupon belanja Rp 50.000 menantimu di aplikasi!").ShouldBe(Not("dana", "dana", NotificationProblems.Promo));
        Parse("id.dana", "DANA", "KODE VERIFIKASI DANA Anda: 839102. Waspada penipuan!").ShouldBe(Not("dana", "dana", NotificationProblems.Security));
    }

    // ---- ShopeePay (com.shopeepay.id, com.shopee.id) ----

    [Fact]
    public void Shopeepay_balance_top_ups_captured_are_credits_of_the_top_up_not_the_balance()
    {
        Parse("com.shopeepay.id", "Isi Saldo Berhasil", "Pengisian saldo sebesar Rp10.000 telah ditambahkan ke ShopeePay-mu. Saldo saat ini sebesar Rp25.191.")
            .ShouldBe(Tx("shopeepay", "shopeepay", "top-up-in", "top-up", Direction.Credit, 10_000m));
        Parse("com.shopee.id", "Isi Saldo Berhasil", "Pengisian saldo sebesar Rp.10.000 telah ditambahkan ke ShopeePay-mu. Saldo saat ini sebesar Rp.19.259")
            .ShouldBe(Tx("shopeepay", "shopeepay", "top-up-in", "top-up", Direction.Credit, 10_000m));
        Parse("com.shopee.id", "Isi saldo", "GSJGDJHGSJDGJSDGSDJGHSJ sebesar Rp10.000 telah ditambahkan ke\nShopeePay-mu. Saldo saat ini Rp140.329")
            .ShouldBe(Tx("shopeepay", "shopeepay", "top-up-in", "top-up", Direction.Credit, 10_000m));
        Parse("com.shopee.id", "Top-up Completed", "Your Top up request of Rp7.490.557 is successful and your current balance is Rp7.491.557. Transaction No.  UWSNVXUMQY52OYEWKYRSCQWVWHVIE")
            .ShouldBe(Tx("shopeepay", "shopeepay", "top-up-in-en", "top-up", Direction.Credit, 7_490_557m));
    }

    [Fact]
    public void Shopeepay_payment_is_a_debit_and_a_flash_sale_is_not_a_transaction()
    {
        Parse("com.shopee.id", "ShopeePay", "Pembayaran Rp 50.000 di Alfamart berhasil. Kamu mendapatkan 50 Koin Shopee.")
            .ShouldBe(Tx("shopeepay", "shopeepay", "pay-out", "payment", Direction.Debit, 50_000m, "Alfamart"));
        Parse("com.shopee.id", "Shopee", "Flash Sale kilat! Dapatkan barang impian serba Rp 1.000 hari ini.").ShouldBe(Not("shopeepay", "shopeepay", NotificationProblems.Promo));
        Parse("com.shopeepay.id", "ShopeePay", "Kode verifikasi ShopeePay: 662019. Jangan bagikan kode ini.").ShouldBe(Not("shopeepay", "shopeepay", NotificationProblems.Security));
    }
}
