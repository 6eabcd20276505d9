using System.Globalization;
using MootaDesk.Core.Formatting;
using QRCoder;

namespace MootaDesk.Core.Proof;

/// <summary>
/// The printed proof card, receipt width (80 mm), as both the PDF and the PNG show it: brand mark and business
/// name, "Pembayaran diterima", the amount, the masked details, the verification code, who verified it, and a
/// QR code pointing at the public verification page. Indonesian, because the reader is the customer.
/// </summary>
public static class ProofCardLayout
{
    public const double Width = 80 / 25.4 * 72; // 80 mm in points
    private const double Margin = 14;
    private const double Inner = Width - 2 * Margin;
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>Draws the card and returns its height; call with a measuring surface first to size the page.</summary>
    public static double Draw(ICardSurface s, ProofCard card, BusinessClock clock, bool paint = true)
    {
        var y = Margin;

        // Header: the brand mark (the same shapes as wwwroot-assets/brand/logo.svg) and the business name.
        const double mark = 26;
        if (paint) BrandMark.Draw(s, Margin, y, mark);
        var nameLines = Wrap(s, card.BusinessName, 11, true, Inner - mark - 8);
        var nameTop = y + Math.Max(0, (mark - nameLines.Count * 14) / 2);
        foreach (var line in nameLines)
        {
            if (paint) s.DrawText(line, Margin + mark + 8, nameTop, 11, true, Rgb.Ink);
            nameTop += 14;
        }
        y += Math.Max(mark, nameLines.Count * 14) + 12;

        if (paint) s.FillRect(Margin, y, Inner, 0.8, Rgb.Line);
        y += 10;

        if (card.IsSandbox)
        {
            foreach (var line in Wrap(s, "CONTOH (sandbox) — bukan transaksi sungguhan", 8, true, Inner))
            {
                if (paint) s.DrawText(line, Margin, y, 8, true, Rgb.Warning);
                y += 11;
            }
            y += 4;
        }

        if (paint) s.DrawText("✓ Pembayaran diterima", Margin, y, 12, true, Rgb.Credit);
        y += 18;
        if (paint) s.DrawText(Money.Format(card.Amount), Margin, y, 20, true, Rgb.Ink);
        y += 30;

        y = Row(s, paint, y, "Waktu transaksi", ProofWhatsAppText.TransactionTime(card, clock, Indonesian));
        y = Row(s, paint, y, "Dibaca sistem", clock.FormatDateTime(card.ReadTimeUtc, Indonesian));
        y = Row(s, paint, y, "Rekening tujuan", card.Destination);
        if (!string.IsNullOrWhiteSpace(card.SenderName)) y = Row(s, paint, y, "Pengirim (sesuai bank)", card.SenderName!);
        if (!string.IsNullOrWhiteSpace(card.OrderReference)) y = Row(s, paint, y, "No. pesanan", card.OrderReference!);
        y = Row(s, paint, y, ProofCard.VerifiedText, clock.FormatDateTime(card.VerifiedAtUtc, Indonesian));

        y += 2;
        if (paint) s.FillRect(Margin, y, Inner, 0.8, Rgb.Line);
        y += 10;

        // Verification: code on the left, QR on the right.
        var qr = QrModules(card.VerificationUrl);
        var module = s.Snap(78.0 / qr.Count);
        var qrSize = module * qr.Count;
        var qrX = s.Snap(Margin + Inner - qrSize);
        y = s.Snap(y);
        if (paint)
        {
            s.FillRect(qrX, y, qrSize, qrSize, Rgb.White);
            for (var r = 0; r < qr.Count; r++)
                for (var c = 0; c < qr.Count; c++)
                    if (qr[r][c]) s.FillRect(qrX + c * module, y + r * module, module, module, Rgb.Ink);
        }
        var textWidth = Inner - qrSize - 8;
        var ty = y + 4;
        if (paint) s.DrawText("Kode verifikasi", Margin, ty, 7.5, false, Rgb.Muted);
        ty += 11;
        if (paint) s.DrawText(card.VerificationCode, Margin, ty, 12, true, Rgb.Brand);
        ty += 18;
        foreach (var line in Wrap(s, "Pindai QR atau buka tautan di bawah untuk memastikan bukti ini asli.", 7, false, textWidth))
        {
            if (paint) s.DrawText(line, Margin, ty, 7, false, Rgb.Muted);
            ty += 9;
        }
        y = Math.Max(y + qrSize, ty) + 6;

        foreach (var line in WrapAnywhere(s, card.VerificationUrl, 6.5, Inner))
        {
            if (paint) s.DrawText(line, Margin, y, 6.5, false, Rgb.Brand);
            y += 8.5;
        }
        y += 6;
        foreach (var line in Wrap(s, "Bukti ini tidak memuat saldo maupun transaksi lain. Nomor rekening disamarkan.", 6.5, false, Inner))
        {
            if (paint) s.DrawText(line, Margin, y, 6.5, false, Rgb.Muted);
            y += 8.5;
        }
        return y + Margin;
    }

    private static double Row(ICardSurface s, bool paint, double y, string label, string value)
    {
        if (paint) s.DrawText(label, Margin, y, 7.5, false, Rgb.Muted);
        y += 10;
        foreach (var line in Wrap(s, value, 9.5, false, Inner))
        {
            if (paint) s.DrawText(line, Margin, y, 9.5, false, Rgb.Ink);
            y += 12.5;
        }
        return y + 4;
    }

    public static IReadOnlyList<IReadOnlyList<bool>> QrModules(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(row => (IReadOnlyList<bool>)Enumerable.Range(0, row.Length).Select(i => row[i]).ToList()).ToList();
    }

    /// <summary>Word wrap; a single word wider than the line is broken where it must be.</summary>
    internal static List<string> Wrap(ICardSurface s, string text, double size, bool bold, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (s.MeasureText(candidate, size, bold) <= width) { current = candidate; continue; }
            if (current.Length > 0) lines.Add(current);
            if (s.MeasureText(word, size, bold) <= width) { current = word; continue; }
            var pieces = WrapAnywhere(s, word, size, width, bold);
            lines.AddRange(pieces.Take(pieces.Count - 1));
            current = pieces[^1];
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current);
        return lines;
    }

    internal static List<string> WrapAnywhere(ICardSurface s, string text, double size, double width, bool bold = false)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = start + 1;
            while (end < text.Length && s.MeasureText(text[start..(end + 1)], size, bold) <= width) end++;
            lines.Add(text[start..end]);
            start = end;
        }
        if (lines.Count == 0) lines.Add("");
        return lines;
    }
}

/// <summary>The MootaDesk mark from wwwroot-assets/brand/logo.svg (64×64 viewBox), as polygons any surface can fill.</summary>
public static class BrandMark
{
    private static readonly (double X, double Y)[] Letter =
        [(14, 44), (14, 20), (20, 20), (32, 34), (44, 20), (50, 20), (50, 44), (43, 44), (43, 31), (32, 43), (21, 31), (21, 44)];

    public static void Draw(ICardSurface s, double x, double y, double size)
    {
        var k = size / 64;
        s.FillPolygon(RoundedRect(x, y, size, size, 14 * k), Rgb.Brand);
        s.FillPolygon(Letter.Select(p => (x + p.X * k, y + p.Y * k)).ToList(), Rgb.White);
        s.FillPolygon(Circle(x + 50 * k, y + 48 * k, 6 * k), Rgb.Accent);
    }

    public static List<(double X, double Y)> RoundedRect(double x, double y, double w, double h, double r)
    {
        var pts = new List<(double, double)>();
        void Arc(double cx, double cy, double from)
        {
            for (var i = 0; i <= 8; i++)
            {
                var a = (from + 90.0 * i / 8) * Math.PI / 180;
                pts.Add((cx + r * Math.Cos(a), cy + r * Math.Sin(a)));
            }
        }
        Arc(x + w - r, y + r, 270);
        Arc(x + w - r, y + h - r, 0);
        Arc(x + r, y + h - r, 90);
        Arc(x + r, y + r, 180);
        return pts;
    }

    public static List<(double X, double Y)> Circle(double cx, double cy, double r) =>
        Enumerable.Range(0, 32).Select(i => (cx + r * Math.Cos(i * Math.PI / 16), cy + r * Math.Sin(i * Math.PI / 16))).ToList();
}
