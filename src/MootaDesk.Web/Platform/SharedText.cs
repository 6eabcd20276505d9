namespace MootaDesk.Web.Platform;

/// <summary>Marker for the app-wide strings (SharedText.resx is Indonesian, SharedText.en.resx English). Each area keeps its own strings next to its pages.</summary>
public sealed class SharedText;
