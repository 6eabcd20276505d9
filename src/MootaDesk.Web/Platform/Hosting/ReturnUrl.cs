
namespace MootaDesk.Web.Platform.Hosting;

/// <summary>
/// Return addresses after sign-in and the language switch: a path on this site only. Stricter than a browser needs, since
/// browsers drop tabs and line breaks ("/\t/evil.example" opens evil.example) and read "\" as "/".
/// </summary>
public static class ReturnUrl
{
    /// <summary>True for "/", "/mutasi?akun=2"; false for "//x", "/\x", "https://x", "mutasi", anything with a control character or space.</summary>
    public static bool IsLocalPath(this string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\');

    /// <summary>The answer to a bad return address: 400 with a plain explanation, never a redirect elsewhere or an error page.</summary>
    public static IResult Refused() => Results.Text(
        "Alamat kembali tidak sah: hanya alamat di situs ini yang diterima. / The return address is not a path on this site.",
        "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
