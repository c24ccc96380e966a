using System.Globalization;
using System.Text;
using QRCoder;

namespace Saphan.Access.Account;

/// <summary>
/// What the authenticator pages show and read: the setup key in groups of four, the otpauth URI that authenticator
/// apps (Google Authenticator, Microsoft Authenticator) understand, its QR code, and the 6-digit code a user types.
/// </summary>
public static class AuthenticatorCode
{
    /// <summary>The name the authenticator app lists the account under. ASCII, because some apps mangle Thai issuers.</summary>
    public const string Issuer = "Saphan";

    /// <summary>The code as typed (spaces and hyphens allowed, as the apps show "123 456"), or null unless it is 6 digits.</summary>
    public static string? Clean(string? typed)
    {
        if (typed is null) return null;
        var digits = typed.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>The base32 key in lower-case groups of four, easier to type into a phone; the apps ignore spaces and case.</summary>
    public static string FormatKey(string key)
    {
        var grouped = new StringBuilder(key.Length + key.Length / 4);
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) grouped.Append(' ');
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return grouped.ToString().ToLowerInvariant();
    }

    /// <summary>The Key URI Format of Google Authenticator: otpauth://totp/Issuer:account?secret=…&amp;issuer=…&amp;digits=6.</summary>
    public static string Uri(string userName, string key) =>
        string.Format(CultureInfo.InvariantCulture, "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            System.Uri.EscapeDataString(Issuer), System.Uri.EscapeDataString(userName), key);

    /// <summary>The URI as a QR code in a PNG data URI, drawn on the server so the page needs no script.</summary>
    public static string QrPngDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
