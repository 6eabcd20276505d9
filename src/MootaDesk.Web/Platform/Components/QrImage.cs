using QRCoder;

namespace MootaDesk.Web.Platform.Components;

/// <summary>QR codes as PNG data URLs: an img src the app's Content-Security-Policy allows (img-src data:), no script, no file.</summary>
public static class QrImage
{
    /// <summary>The text as a QR code (error correction M) with <paramref name="pixelsPerModule"/> pixels per module.</summary>
    public static string PngDataUrl(string text, int pixelsPerModule = 5)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(pixelsPerModule));
    }
}
