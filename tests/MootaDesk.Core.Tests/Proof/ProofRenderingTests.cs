using MootaDesk.Core.Formatting;
using MootaDesk.Core.Proof;
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
        text.ShouldContain("Diverifikasi oleh Sari (CS), 21 Nov 2026 15.00 WIB");
        text.ShouldContain("https://toko.example/v/");
        text.ShouldNotContain("1234560123");
        text.ShouldNotContain("CONTOH");
    }

    [Fact]
    public void A_sandbox_proof_says_it_is_not_real_money() =>
        ProofWhatsAppText.Build(ProofCardSamples.Card(sandbox: true), Clock).ShouldContain("bukan transaksi sungguhan");

    [Fact]
    public void The_PDF_is_receipt_width_contains_the_card_text_and_embeds_its_font()
    {
        var pdf = ProofPdfRenderer.Render(ProofCardSamples.Card(), Clock);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");

        var reader = new PdfTextExtractor(pdf);
        var text = reader.Text();
        text.ShouldContain("Toko Kopi Nusantara");
        text.ShouldContain("Pembayaran diterima");
        text.ShouldContain("Rp 150.123");
        text.ShouldContain("BCA ••••0123");
        text.ShouldContain("BUDI SANTOSO");
        text.ShouldContain("INV-2026-0042");
        text.ShouldContain("K7QX-3M9P");
        text.ShouldContain("Sari (CS)");
        text.ShouldContain("21 Nov 2026 14.33 WIB");
        text.ShouldNotContain("1234560123");

        // 80 mm wide: a receipt.
        var box = System.Text.RegularExpressions.Regex.Match(reader.Page, @"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]");
        (double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) / 72 * 25.4).ShouldBe(80, 0.5);

        // Both faces are embedded, as subsets that are themselves valid TrueType fonts with the glyphs the page draws.
        var fonts = reader.Fonts();
        fonts.Count.ShouldBe(2);
        foreach (var (name, program) in fonts)
        {
            name.ShouldMatch(@"^[A-Z]{6}\+DejaVuSans(-Bold)?$");
            program.ShouldNotBeNull();
            program.Length.ShouldBeLessThan(120_000);
            var subset = new TrueTypeOutlines(program);
            subset.Outline(ProofFonts.Outlines(name.EndsWith("Bold")).GlyphIndex('a')).Count.ShouldBeGreaterThan(0);
        }
        pdf.Length.ShouldBeLessThan(150_000);
    }

    [Fact]
    public void The_PNG_decodes_and_shows_the_card()
    {
        var png = ProofImageRenderer.Render(ProofCardSamples.Card(), Clock);
        var image = PngReader.Decode(png);
        image.Width.ShouldBe((int)Math.Ceiling(ProofCardLayout.Width * ProofImageRenderer.Scale));
        image.Height.ShouldBeGreaterThan(image.Width);

        // Corners stay white paper; the brand mark's teal is where the layout puts it; the text area holds dark ink.
        image[0, 0].ShouldBe(((byte)255, (byte)255, (byte)255));
        var brand = image[(int)(14 * ProofImageRenderer.Scale + 10), (int)(14 * ProofImageRenderer.Scale + 4)];
        brand.ShouldBe(((byte)15, (byte)118, (byte)110));
        var dark = 0;
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
                if (image[x, y].R < 80) dark++;
        dark.ShouldBeGreaterThan(image.Width * 10);

        if (Environment.GetEnvironmentVariable("PROOF_SAMPLE_DIR") is { Length: > 0 } dir)
        {
            File.WriteAllBytes(Path.Combine(dir, "proof-sample.png"), png);
            File.WriteAllBytes(Path.Combine(dir, "proof-sample.pdf"), ProofPdfRenderer.Render(ProofCardSamples.Card(), Clock));
        }
    }

    [Fact]
    public void The_card_font_has_every_character_the_card_uses()
    {
        var font = new TrueTypeOutlines(ProofFonts.Load(bold: false));
        foreach (var c in "✓•—Rp 0123456789,.ÁéABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz()/-:")
            font.HasGlyph(c).ShouldBeTrue($"missing {c}");
        font.Outline(font.GlyphIndex('o')).Count.ShouldBe(2); // outer ring and the hole
    }
}
