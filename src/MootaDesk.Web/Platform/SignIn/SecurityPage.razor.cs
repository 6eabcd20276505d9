using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MootaDesk.Core.Platform.Access;
using MootaDesk.Core.Platform.Audit;
using MootaDesk.Web.Platform.Hosting;

namespace MootaDesk.Web.Platform.SignIn;

/// <summary>
/// A person's two-factor sign-in: scan a QR code, confirm one code, keep the recovery codes. A plain server-rendered page,
/// because each step changes the security stamp and must re-issue the person's cookie in the same answer.
/// </summary>
public partial class SecurityPage
{
    [Inject] public required SignInManager<AppUser> SignIn { get; init; }
    [Inject] public required TwoFactorSetup Setup { get; init; }
    [Inject] public required TwoFactorPolicy Policy { get; init; }
    [Inject] public required IStringLocalizer<SharedText> T { get; init; }
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    // Null until the form posts or OnInitialized creates it: an initializer would be overwritten with null on a post (BL0008).
    [SupplyParameterFromForm] private CodeInput Input { get; set; } = default!;

    private TwoFactorStatus? Status { get; set; }
    private IReadOnlyList<string>? RecoveryCodes { get; set; }
    private string? Message { get; set; }
    private bool MessageIsError { get; set; }
    private bool MustSetUp { get; set; }
    private bool PassedTwoFactor => TwoFactorPolicy.PassedTwoFactor(HttpContext.User);

    public sealed class CodeInput
    {
        public string Code { get; set; } = "";
    }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        MustSetUp = await Policy.MustSetUpAsync(HttpContext.User);
        // Also on a post: the form being posted must be on the page for the post to reach its handler.
        await LoadAsync();
    }

    private async Task<AppUser> UserAsync() => await SignIn.UserManager.GetUserAsync(HttpContext.User)
        ?? throw new InvalidOperationException("The signed-in user no longer exists.");

    private async Task LoadAsync() => Status = await Setup.StatusAsync(await UserAsync());

    private Actor Actor => HttpContext.User.ToActor(HttpContext.Connection.RemoteIpAddress?.ToString());

    private async Task StartAsync()
    {
        var user = await UserAsync();
        await Setup.StartAsync(user, Actor);
        await TwoFactorSetup.ReissueCookieAsync(SignIn, user, HttpContext.User, passedTwoFactor: false);
        await LoadAsync();
    }

    private async Task EnableAsync()
    {
        var user = await UserAsync();
        var codes = await Setup.EnableAsync(user, Input.Code ?? "", Actor);
        if (codes is null)
        {
            (Message, MessageIsError) = (T["Security.WrongCode"], true);
            await LoadAsync();
            return;
        }
        // The person just proved the code: this session counts as a two-factor sign-in.
        await TwoFactorSetup.ReissueCookieAsync(SignIn, user, HttpContext.User, passedTwoFactor: true);
        MustSetUp = false;
        RecoveryCodes = codes;
        (Message, MessageIsError) = (T["Security.Enabled"], false);
    }

    private async Task DisableAsync()
    {
        var user = await UserAsync();
        if (!await Setup.DisableAsync(user, Actor))
            (Message, MessageIsError) = (T["Security.CannotDisable"], true);
        else
        {
            await TwoFactorSetup.ReissueCookieAsync(SignIn, user, HttpContext.User, passedTwoFactor: false);
            (Message, MessageIsError) = (T["Security.Disabled"], false);
        }
        await LoadAsync();
    }

    private async Task NewCodesAsync()
    {
        RecoveryCodes = await Setup.NewRecoveryCodesAsync(await UserAsync(), Actor);
    }
}
