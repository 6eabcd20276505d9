using SkiaSharp;
using MootaDesk.Core.Documents;
using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Proof;

/// <summary>
/// The proof card as files, both drawn by SkiaSharp from one <see cref="ProofCardLayout"/> drawing, so the PDF
/// and the image always say the same thing.
/// </summary>
public static class ProofCardRenderer
{
    /// <summary>
    /// A PNG for chat apps: 3 pixels per point (about 680 px wide), sharp on a phone and small enough to send.
    /// 8-bit RGBA, opaque white paper.
    /// </summary>
    public static byte[] Png(ProofCard card, BusinessClock clock)
    {
        using var drawing = ProofCardLayout.Lay(card, clock);
        var info = new SKImageInfo((int)MathF.Ceiling(ProofCardLayout.Width * CardDrawing.PixelsPerPoint),
            (int)MathF.Ceiling(drawing.Height * CardDrawing.PixelsPerPoint), SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("Skia could not make a bitmap for the proof card.");
        var canvas = surface.Canvas;
        canvas.Clear(CardColors.Paper);
        canvas.Scale(CardDrawing.PixelsPerPoint);
        using (var faces = CardFaces.Whole()) drawing.Paint(canvas, faces);
        using var pixels = surface.PeekPixels() ?? throw new InvalidOperationException("Skia gave no pixels for the proof card.");
        // The "Sub" row filter suits a card of flat colour and text: about half the encoding time of Skia's default
        // for a few per cent more bytes (measured in bench/MootaDesk.Bench.Documents).
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, zLibLevel: 6))
            ?? throw new InvalidOperationException("Skia could not encode the proof card as PNG.");
        return png.ToArray();
    }

    /// <summary>
    /// A one-page PDF 80 mm wide (a receipt) and as tall as the card, text in DejaVu Sans embedded as a subset
    /// of the characters used, so it can be searched and copied; the QR code and brand mark are vector shapes.
    /// </summary>
    public static byte[] Pdf(ProofCard card, BusinessClock clock)
    {
        using var drawing = ProofCardLayout.Lay(card, clock);
        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = "Bukti pembayaran " + card.VerificationCode,
            Author = card.BusinessName,
            Creator = "MootaDesk",
            // The verification time, not the render time: the same proof always gives the same file.
            Creation = card.VerifiedAtUtc,
            Modified = card.VerifiedAtUtc,
            RasterDpi = 300,
        };
        using (var document = SKDocument.CreatePdf(output, metadata) ?? throw new InvalidOperationException("Skia could not start a PDF."))
        {
            var canvas = document.BeginPage(ProofCardLayout.Width, MathF.Ceiling(drawing.Height));
            using (var faces = CardFaces.SubsetFor(drawing)) drawing.Paint(canvas, faces);
            document.EndPage();
            document.Close();
        }
        return output.ToArray();
    }
}
