using System.Globalization;
using QRCoder;
using SkiaSharp;
using MootaDesk.Core.Documents;
using MootaDesk.Core.Mutations;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Proof;

/// <summary>
/// The printed proof card, receipt width (80 mm), as both the PDF and the PNG show it: brand mark and business
/// name, "Pembayaran diterima", the amount, the masked details, the verification code, who verified it, and a
/// QR code pointing at the public verification page. Indonesian, because the reader is the customer.
/// </summary>
public static class ProofCardLayout
{
    public const float Width = 80 / 25.4f * 72; // 80 mm in points
    private const float Margin = 14;
    private const float Inner = Width - 2 * Margin;
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>Lays the card out once, in points; the caller paints the drawing (PNG or PDF) and disposes it.</summary>
    public static CardDrawing Lay(ProofCard card, BusinessClock clock)
    {
        var s = new CardDrawing();
        var y = Margin;

        // Header: the brand mark (the same shapes as wwwroot-assets/brand/logo.svg) and the business name.
        const float mark = 26;
        BrandMark.Draw(s, Margin, y, mark);
        var nameLines = Wrap(s, card.BusinessName, 11, true, Inner - mark - 8);
        var nameTop = y + MathF.Max(0, (mark - nameLines.Count * 14) / 2);
        foreach (var line in nameLines)
        {
            s.DrawText(line, Margin + mark + 8, nameTop, 11, true, CardColors.Ink);
            nameTop += 14;
        }
        y += MathF.Max(mark, nameLines.Count * 14) + 12;

        s.FillRect(Margin, y, Inner, 0.8f, CardColors.Line);
        y += 10;

        if (card.IsSandbox)
        {
            foreach (var line in Wrap(s, "CONTOH (sandbox) — bukan transaksi sungguhan", 8, true, Inner))
            {
                s.DrawText(line, Margin, y, 8, true, CardColors.Warning);
                y += 11;
            }
            y += 4;
        }

        s.DrawText("✓ Pembayaran diterima", Margin, y, 12, true, CardColors.Credit);
        y += 18;
        s.DrawText(Money.Format(card.Amount), Margin, y, 20, true, CardColors.Ink);
        y += 30;

        y = Row(s, y, "Waktu transaksi", ProofWhatsAppText.TransactionTime(card, clock, Indonesian));
        y = Row(s, y, "Dibaca sistem", clock.FormatDateTime(card.ReadTimeUtc, Indonesian));
        y = Row(s, y, "Rekening tujuan", card.Destination);
        if (!string.IsNullOrWhiteSpace(card.SenderName)) y = Row(s, y, "Pengirim (sesuai bank)", card.SenderName!);
        if (!string.IsNullOrWhiteSpace(card.OrderReference)) y = Row(s, y, "No. pesanan", card.OrderReference!);
        y = Row(s, y, ProofCard.VerifiedText, clock.FormatDateTime(card.VerifiedAtUtc, Indonesian));

        y += 2;
        s.FillRect(Margin, y, Inner, 0.8f, CardColors.Line);
        y += 10;

        // Verification: code on the left, QR on the right, its modules on whole PNG pixels.
        var qr = QrModules(card.VerificationUrl);
        var module = CardDrawing.Snap(78f / qr.Count);
        var qrSize = module * qr.Count;
        var qrX = CardDrawing.Snap(Margin + Inner - qrSize);
        y = CardDrawing.Snap(y);
        s.FillRect(qrX, y, qrSize, qrSize, CardColors.Paper);
        // One path for every dark module: no hairline seams between neighbours in the PNG, one fill in the PDF.
        using var modules = new SKPathBuilder();
        for (var r = 0; r < qr.Count; r++)
            for (var c = 0; c < qr.Count; c++)
                if (qr[r][c]) modules.AddRect(SKRect.Create(qrX + c * module, y + r * module, module, module));
        s.FillPath(modules, CardColors.Ink);

        var textWidth = Inner - qrSize - 8;
        var ty = y + 4;
        s.DrawText("Kode verifikasi", Margin, ty, 7.5f, false, CardColors.Muted);
        ty += 11;
        s.DrawText(card.VerificationCode, Margin, ty, 12, true, CardColors.Brand);
        ty += 18;
        foreach (var line in Wrap(s, "Pindai QR atau buka tautan di bawah untuk memastikan bukti ini asli.", 7, false, textWidth))
        {
            s.DrawText(line, Margin, ty, 7, false, CardColors.Muted);
            ty += 9;
        }
        y = MathF.Max(y + qrSize, ty) + 6;

        foreach (var line in WrapAnywhere(s, card.VerificationUrl, 6.5f, Inner))
        {
            s.DrawText(line, Margin, y, 6.5f, false, CardColors.Brand);
            y += 8.5f;
        }
        y += 6;
        foreach (var line in Wrap(s, "Bukti ini tidak memuat saldo maupun transaksi lain. Nomor rekening disamarkan.", 6.5f, false, Inner))
        {
            s.DrawText(line, Margin, y, 6.5f, false, CardColors.Muted);
            y += 8.5f;
        }
        s.Height = y + Margin;
        return s;
    }

    private static float Row(CardDrawing s, float y, string label, string value)
    {
        s.DrawText(label, Margin, y, 7.5f, false, CardColors.Muted);
        y += 10;
        foreach (var line in Wrap(s, value, 9.5f, false, Inner))
        {
            s.DrawText(line, Margin, y, 9.5f, false, CardColors.Ink);
            y += 12.5f;
        }
        return y + 4;
    }

    /// <summary>The QR code's modules (true = dark), rows top to bottom, error correction level M.</summary>
    public static IReadOnlyList<IReadOnlyList<bool>> QrModules(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(row => (IReadOnlyList<bool>)Enumerable.Range(0, row.Length).Select(i => row[i]).ToList()).ToList();
    }

    /// <summary>Word wrap; a single word wider than the line is broken where it must be.</summary>
    internal static List<string> Wrap(CardDrawing s, string text, float size, bool bold, float width)
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

    internal static List<string> WrapAnywhere(CardDrawing s, string text, float size, float width, bool bold = false)
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

/// <summary>The MootaDesk mark from wwwroot-assets/brand/logo.svg (64×64 viewBox).</summary>
public static class BrandMark
{
    private static readonly SKPoint[] Letter =
        [new(14, 44), new(14, 20), new(20, 20), new(32, 34), new(44, 20), new(50, 20), new(50, 44), new(43, 44), new(43, 31), new(32, 43), new(21, 31), new(21, 44)];

    public static void Draw(CardDrawing s, float x, float y, float size)
    {
        var k = size / 64;
        using var tile = new SKPathBuilder();
        tile.AddRoundRect(SKRect.Create(x, y, size, size), 14 * k, 14 * k);
        s.FillPath(tile, CardColors.Brand);
        using var letter = new SKPathBuilder();
        letter.AddPoly(Letter.Select(p => new SKPoint(x + p.X * k, y + p.Y * k)).ToArray());
        s.FillPath(letter, SKColors.White);
        using var dot = new SKPathBuilder();
        dot.AddCircle(x + 50 * k, y + 48 * k, 6 * k);
        s.FillPath(dot, CardColors.Accent);
    }
}
