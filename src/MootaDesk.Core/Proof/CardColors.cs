using System.Text;
using SkiaSharp.HarfBuzz;
using SkiaSharp;

namespace MootaDesk.Core.Proof;

/// <summary>The proof card's colours (sRGB), the same as the brand CSS in wwwroot-assets/brand.</summary>
public static class CardColors
{
    public static readonly SKColor Paper = SKColors.White;
    public static readonly SKColor Ink = new(15, 23, 42);
    public static readonly SKColor Muted = new(100, 116, 139);
    public static readonly SKColor Brand = new(15, 118, 110);
    public static readonly SKColor Accent = new(251, 191, 36);
    public static readonly SKColor Credit = new(22, 163, 74);
    public static readonly SKColor Line = new(226, 232, 240);
    public static readonly SKColor Warning = new(180, 83, 9);
}
