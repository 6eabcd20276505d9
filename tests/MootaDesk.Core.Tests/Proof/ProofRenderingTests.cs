using SkiaSharp;
using UglyToad.PdfPig;
using MootaDesk.Core.Documents;
using MootaDesk.Core.Proof;
using MootaDesk.Core.Shared;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Core.Tests.Proof;

public class ProofRenderingTests
{
    private static readonly BusinessClock Clock = new(TestTime.Create());

    [Fact]
    public void The_WhatsApp_text_is_Indonesian_and_carries_the_masked_card()
    {
        var text = ProofWhatsAppText.Build(ProofCardSamples.Card(), Clock);
        text.ShouldContain("*Pembayaran diterima*");
        text.ShouldContain("Rp 150.123");
        text.ShouldContain("21 Nov 2026 14.33 WIB");
        text.ShouldContain("Rekening tujuan: BCA ••••0123");
        text.ShouldContain("Pengirim: BUDI SANTOSO");
        text.ShouldContain("No. pesanan: INV-2026-0042");
        text.ShouldContain("K7QX-3M9P");
        text.ShouldContain("Diverifikasi otomatis, 21 Nov 2026 15.00 WIB");
        text.ShouldContain("https://toko.example/v/");
        text.ShouldNotContain("1234560123");
        text.ShouldNotContain("CONTOH");
    }

    [Fact]
    public void A_sandbox_proof_says_it_is_not_real_money() =>
        ProofWhatsAppText.Build(ProofCardSamples.Card(sandbox: true), Clock).ShouldContain("bukan transaksi sungguhan");

    [Fact]
    public void The_PDF_is_receipt_width_its_text_can_be_found_and_its_fonts_are_subset()
    {
        var pdf = ProofCardRenderer.Pdf(ProofCardSamples.Card(), Clock);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");

        using var document = PdfDocument.Open(pdf);
        document.NumberOfPages.ShouldBe(1);
        var page = document.GetPage(1);
        var text = string.Join(" ", page.GetWords().Select(w => w.Text));
        text.ShouldContain("Toko Kopi Nusantara");
        text.ShouldContain("Pembayaran diterima");
        text.ShouldContain("Rp 150.123");
        text.ShouldContain("BCA ••••0123");
        text.ShouldContain("BUDI SANTOSO");
        text.ShouldContain("INV-2026-0042");
        text.ShouldContain("K7QX-3M9P");
        text.ShouldContain("Diverifikasi otomatis"); // "fi" is one glyph (a ligature) and still reads as two letters
        text.ShouldNotContain("Sari (CS)");
        text.ShouldContain("21 Nov 2026 14.33 WIB");
        text.ShouldNotContain("1234560123");

        // 80 mm wide: a receipt, taller than wide.
        (page.Width / 72 * 25.4).ShouldBe(80, 0.5);
        page.Height.ShouldBeGreaterThan(page.Width);

        // Both faces are embedded as subsets (a six-letter tag before the name), which keeps the file small.
        var fonts = page.Letters.Select(l => l.FontName).Distinct().ToList();
        fonts.Count.ShouldBe(2);
        fonts.ShouldAllBe(name => System.Text.RegularExpressions.Regex.IsMatch(name ?? "", @"^[A-Z]{6}\+DejaVuSans(-Bold)?$"));
        pdf.Length.ShouldBeLessThan(60_000);
    }

    [Fact]
    public void A_long_business_name_and_a_sandbox_card_still_fit_the_receipt_and_keep_their_words()
    {
        var card = ProofCardSamples.Card(sandbox: true) with { BusinessName = "Koperasi Serba Usaha Karyawan Perkebunan Nusantara Sejahtera Abadi" };
        using var document = PdfDocument.Open(ProofCardRenderer.Pdf(card, Clock));
        var page = document.GetPage(1);
        var words = page.GetWords().Select(w => w.Text).ToList();
        words.ShouldContain("Sejahtera");
        words.ShouldContain("CONTOH");
        page.Letters.ShouldAllBe(l => l.BoundingBox.Right <= page.Width);
    }

    [Fact]
    public void The_PNG_decodes_and_shows_the_card()
    {
        var png = ProofCardRenderer.Png(ProofCardSamples.Card(), Clock);
        png.Take(8).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
        using var image = SKBitmap.Decode(png);
        image.Width.ShouldBe((int)Math.Ceiling(ProofCardLayout.Width * CardDrawing.PixelsPerPoint));
        image.Height.ShouldBeGreaterThan(image.Width);

        // Corners stay white paper; the brand mark's teal is where the layout puts it; the text area holds dark ink.
        image.GetPixel(0, 0).ShouldBe(SKColors.White);
        var brand = image.GetPixel((int)(14 * CardDrawing.PixelsPerPoint + 10), (int)(14 * CardDrawing.PixelsPerPoint + 4));
        (brand.Red, brand.Green, brand.Blue).ShouldBe(((byte)15, (byte)118, (byte)110));
        var dark = 0;
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
                if (image.GetPixel(x, y).Red < 80) dark++;
        dark.ShouldBeGreaterThan(image.Width * 10);

        if (Environment.GetEnvironmentVariable("PROOF_SAMPLE_DIR") is { Length: > 0 } dir)
        {
            File.WriteAllBytes(Path.Combine(dir, "proof-sample.png"), png);
            File.WriteAllBytes(Path.Combine(dir, "proof-sample.pdf"), ProofCardRenderer.Pdf(ProofCardSamples.Card(), Clock));
        }
    }

    [Fact]
    public void The_PNG_and_the_PDF_are_the_same_drawing()
    {
        var card = ProofCardSamples.Card();
        using var image = SKBitmap.Decode(ProofCardRenderer.Png(card, Clock));
        using var document = PdfDocument.Open(ProofCardRenderer.Pdf(card, Clock));
        var page = document.GetPage(1);
        // The PDF page is the card's height rounded up to a whole point; the PNG is the same height at 3 px per point.
        ((double)image.Height / CardDrawing.PixelsPerPoint).ShouldBe(page.Height, 1.0);
    }

    [Fact]
    public void The_card_font_has_every_character_the_card_uses()
    {
        foreach (var bold in new[] { false, true })
        {
            using var font = new SKFont(EmbeddedFonts.Typeface(bold));
            foreach (var c in "✓•—Rp 0123456789,.ÁéABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz()/-:")
                font.ContainsGlyph(c).ShouldBeTrue($"missing {c}");
        }
    }
}
