using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace MootaDesk.Web.Platform;

/// <summary>Marker for MudBlazor's own strings in Indonesian (MudComponentText.resx; keys are MudBlazor's, e.g. <c>MudDataGridPager_InfoFormat</c>).</summary>
public sealed class MudComponentText;

/// <summary>
/// Gives MudBlazor's components (pager, date picker, grid menus, close buttons) their Indonesian texts. For English,
/// MudBlazor's built-in texts are used: this answers "not found" so nothing Indonesian leaks into the English UI, and a
/// key MudBlazor adds in a later version falls back to its English text rather than to the key.
/// </summary>
public sealed class IndonesianMudLocalizer(IStringLocalizer<MudComponentText> texts) : MudLocalizer
{
    public override LocalizedString this[string key] =>
        IsEnglish ? new LocalizedString(key, key, resourceNotFound: true) : texts[key];

    public override LocalizedString this[string key, params object[] arguments] =>
        IsEnglish ? new LocalizedString(key, key, resourceNotFound: true) : texts[key, arguments];

    private static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
