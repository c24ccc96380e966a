using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Saphan.Tests.Support;

namespace Saphan.Tests.Access.Account;

/// <summary>
/// Uses the statically rendered account pages as a browser without script would: GET a page, post its form back with
/// the antiforgery token and the form's handler name, follow nothing automatically so each redirect can be checked.
/// </summary>
internal sealed partial class AccountBrowser(SaphanWebFactory factory)
{
    private readonly HttpClient http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpResponseMessage> GetAsync(string url) => await http.GetAsync(url);

    /// <summary>The page's HTML; fails unless it answers 200.</summary>
    public async Task<string> PageAsync(string url)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <paramref name="url"/> and posts its form named <paramref name="handler"/> with <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, string handler, Dictionary<string, string>? fields = null)
    {
        var page = await PageAsync(url);
        var form = new Dictionary<string, string>(fields ?? []) { ["_handler"] = handler, ["__RequestVerificationToken"] = Token(page) };
        return await http.PostAsync(url, new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> SignInAsync(string userName, string password = SaphanWebFactory.DemoPassword) =>
        SubmitAsync("/Account/Login", "login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>Signs out through the navigation menu's form (the /Account/Logout endpoint).</summary>
    public async Task SignOutAsync()
    {
        var page = await PageAsync("/Account/Manage");
        var response = await http.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page), ["returnUrl"] = "",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>True when the account pages open, false when they send the visitor to the sign-in page.</summary>
    public async Task<bool> IsSignedInAsync()
    {
        var response = await http.GetAsync("/Account/Manage");
        if (response.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
        return false;
    }

    public static string Token(string page)
    {
        var match = TokenPattern().Match(page);
        Assert.True(match.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The text inside the element with <c>data-testid="<paramref name="testId"/>"</c>, tags removed.</summary>
    public static string TestId(string page, string testId)
    {
        var match = Regex.Match(page, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</(?:div|dd|kbd|code|ol|p|span)>", RegexOptions.Singleline);
        Assert.True(match.Success, $"the page has no {testId}");
        return WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]+>", " ")).Trim();
    }

    public static string PathOf(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.ToString();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
