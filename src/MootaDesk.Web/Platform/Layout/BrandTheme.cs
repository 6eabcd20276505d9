using MudBlazor;

namespace MootaDesk.Web.Platform.Layout;

/// <summary>
/// MootaDesk's one MudBlazor theme: the brand teal, money in green and money out red (the colours of
/// wwwroot-assets/brand/mootadesk.css), in light and dark, with the bundled Inter font.
/// </summary>
public static class BrandTheme
{
    private static readonly string[] Font = ["Inter", "Segoe UI", "Noto Sans", "DejaVu Sans", "system-ui", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f766e",
            PrimaryDarken = "#115e59",
            PrimaryLighten = "#14b8a6",
            Secondary = "#475569",
            Tertiary = "#0e7490",
            Success = "#15803d",
            Error = "#b91c1c",
            Warning = "#b45309",
            Info = "#0369a1",
            Background = "#f8fafc",
            Surface = "#ffffff",
            AppbarBackground = "#ffffff",
            AppbarText = "#0f172a",
            DrawerBackground = "#ffffff",
            DrawerText = "#0f172a",
            DrawerIcon = "#475569",
            TextPrimary = "#0f172a",
            TextSecondary = "#64748b",
            LinesDefault = "#e2e8f0",
            TableLines = "#e2e8f0",
            Divider = "#e2e8f0",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#2dd4bf",
            PrimaryDarken = "#14b8a6",
            PrimaryLighten = "#5eead4",
            PrimaryContrastText = "#042f2e",
            Secondary = "#94a3b8",
            Tertiary = "#22d3ee",
            Success = "#4ade80",
            Error = "#f87171",
            Warning = "#fbbf24",
            Info = "#38bdf8",
            Background = "#0b1220",
            Surface = "#111a2b",
            AppbarBackground = "#111a2b",
            AppbarText = "#e2e8f0",
            DrawerBackground = "#111a2b",
            DrawerText = "#e2e8f0",
            DrawerIcon = "#94a3b8",
            TextPrimary = "#e2e8f0",
            TextSecondary = "#94a3b8",
            LinesDefault = "#1f2a3d",
            TableLines = "#1f2a3d",
            Divider = "#1f2a3d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Font },
            H1 = new H1Typography { FontFamily = Font, FontSize = "1.5rem", FontWeight = "600", LineHeight = "1.3" },
            H2 = new H2Typography { FontFamily = Font, FontSize = "1.1rem", FontWeight = "600", LineHeight = "1.35" },
            H3 = new H3Typography { FontFamily = Font, FontSize = "1rem", FontWeight = "600", LineHeight = "1.4" },
            Button = new ButtonTypography { FontFamily = Font, FontWeight = "600", TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px", DrawerWidthLeft = "232px", AppbarHeight = "56px" },
    };
}
