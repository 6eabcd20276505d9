namespace MootaDesk.Web.Tests.Platform;

/// <summary>Issue 13: one UI library. Radzen carried the pages before MudBlazor and must not come back by a stray reference.</summary>
public class UiLibraryTests
{
    [Fact]
    public void The_web_app_references_MudBlazor_and_no_Radzen_assembly()
    {
        var references = typeof(MootaDesk.Web.Platform.AppUrls).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldContain("MudBlazor");
        references.ShouldNotContain(name => name.StartsWith("Radzen", StringComparison.OrdinalIgnoreCase));
    }
}
