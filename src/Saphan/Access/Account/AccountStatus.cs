using System.Text.RegularExpressions;

namespace Saphan.Access.Account;

/// <summary>
/// The line shown at the top of an account page after an action: a <c>Text</c> key and whether it reports a failure.
/// The key, not the text, travels in the status cookie, so the message follows the language the page is shown in
/// and no free text (or user ID) is ever echoed from a cookie.
/// </summary>
public readonly partial record struct AccountStatus(string Key, bool IsError)
{
    private const string ErrorPrefix = "error:";
    private const string DonePrefix = "done:";

    public static AccountStatus Done(string key) => new(key, false);

    public static AccountStatus Failed(string key) => new(key, true);

    public string ToCookie() => (IsError ? ErrorPrefix : DonePrefix) + Key;

    /// <summary>Reads a status cookie; anything that is not a prefix and a plain resource key is ignored.</summary>
    public static AccountStatus? FromCookie(string? value)
    {
        if (value is null) return null;
        var isError = value.StartsWith(ErrorPrefix, StringComparison.Ordinal);
        if (!isError && !value.StartsWith(DonePrefix, StringComparison.Ordinal)) return null;
        var key = value[(isError ? ErrorPrefix : DonePrefix).Length..];
        return PlainKey().IsMatch(key) ? new AccountStatus(key, isError) : null;
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,80}$")]
    private static partial Regex PlainKey();
}
