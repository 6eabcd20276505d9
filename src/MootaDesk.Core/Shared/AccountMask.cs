
namespace MootaDesk.Core.Shared;

/// <summary>
/// How a destination account appears on anything a customer sees: the bank's short name and the last four
/// digits ("BCA ••••0123"). The full number never leaves the back office, since a proof is forwarded freely.
/// </summary>
public static class AccountMask
{
    public const string Dots = "••••";

    /// <summary>
    /// The last four characters of the number (digits only, spaces and dashes dropped). Numbers of six or fewer
    /// characters show only their last two, so a short number (an e-wallet id, a test account) is never
    /// shown nearly whole; an empty number shows only the dots.
    /// </summary>
    public static string MaskNumber(string? accountNumber)
    {
        var compact = new string((accountNumber ?? "").Where(char.IsLetterOrDigit).ToArray());
        if (compact.Length == 0) return Dots;
        var visible = compact.Length > 6 ? 4 : Math.Min(2, compact.Length - 1);
        return visible <= 0 ? Dots : Dots + compact[^visible..];
    }

    /// <summary>"BCA ••••0123".</summary>
    public static string Describe(string bankCode, string? accountNumber) => BankNames.ForCustomer(bankCode) + " " + MaskNumber(accountNumber);
}
