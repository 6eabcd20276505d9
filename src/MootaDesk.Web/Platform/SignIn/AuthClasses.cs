namespace MootaDesk.Web.Platform.SignIn;

/// <summary>
/// MudBlazor's own CSS classes for the sign-in and first-run pages. Those pages render statically (they set cookies and post
/// plain forms without a circuit), so they cannot use MudButton or MudAlert's interactivity, but with these classes their
/// buttons and notices look exactly like the rest of the app.
/// </summary>
public static class AuthClasses
{
    public const string PrimaryButton = "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-large md-auth-button";
    public const string SecondaryButton = "mud-button-root mud-button mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-large md-auth-button";
    public const string ErrorNotice = "mud-alert mud-alert-text-error md-auth-alert";
    public const string InfoNotice = "mud-alert mud-alert-text-info md-auth-alert";
    public const string SuccessNotice = "mud-alert mud-alert-text-success md-auth-alert";
}
