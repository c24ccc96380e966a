using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Access;
using Saphan.Tests.Support;

namespace Saphan.Tests.Access.Account;

/// <summary>
/// Two-factor sign-in and lockout through the real account pages, over HTTP, against the whole app on its own
/// database (this class's fixture). Each test uses its own demo user, so the order of the tests does not matter.
/// </summary>
public sealed class TwoFactorTests(SaphanWebFactory factory) : IClassFixture<SaphanWebFactory>
{
    private const string Setup = "/Account/Manage/EnableAuthenticator";

    [Fact]
    public async Task A_user_turns_on_the_authenticator_then_needs_the_code_after_the_password()
    {
        var browser = new AccountBrowser(factory);
        Assert.Equal("/", AccountBrowser.PathOf(await browser.SignInAsync("officer1043")));

        // The setup page, in Thai, names the apps and shows the key, the otpauth URI and its QR code.
        var setup = await browser.PageAsync(Setup);
        Assert.Contains("ตั้งค่าแอปยืนยันตัวตน", setup);
        Assert.Contains("Google Authenticator", setup);
        Assert.Contains("Microsoft Authenticator", setup);
        Assert.Contains("data:image/png;base64,", setup);
        var key = AccountBrowser.TestId(setup, "authenticator-key");
        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", key);
        var secret = key.Replace(" ", "").ToUpperInvariant();
        Assert.Equal($"otpauth://totp/Saphan:officer1043?secret={secret}&issuer=Saphan&digits=6", AccountBrowser.TestId(setup, "authenticator-uri"));

        // A wrong code does not turn two-factor sign-in on.
        var wrong = await browser.SubmitAsync(Setup, "send-code", new() { ["Input.Code"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("รหัสยืนยันไม่ถูกต้อง", AccountBrowser.TestId(await wrong.Content.ReadAsStringAsync(), "status-message"));
        Assert.False((await UserAsync("officer1043")).TwoFactorEnabled);

        // The right one does, and shows ten recovery codes once.
        var right = await browser.SubmitAsync(Setup, "send-code", new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var shown = await right.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("ตั้งค่าแอปยืนยันตัวตนเรียบร้อยแล้ว", shown);
        Assert.Equal(10, RecoveryCodes(shown).Count);
        Assert.True((await UserAsync("officer1043")).TwoFactorEnabled);

        await browser.SignOutAsync();
        Assert.False(await browser.IsSignedInAsync());

        // The password alone now leads to the second step, not into Saphan.
        var second = AccountBrowser.PathOf(await browser.SignInAsync("officer1043"));
        Assert.StartsWith("/Account/LoginWith2fa", second);
        Assert.False(await browser.IsSignedInAsync());
        var step = await browser.PageAsync(second);
        Assert.Contains("ยืนยันตัวตนขั้นที่สอง", step);
        Assert.Contains("รหัสยืนยัน 6 หลักจากแอป", step);

        var refused = await browser.SubmitAsync(second, "login-with-2fa", new() { ["Input.TwoFactorCode"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("รหัสยืนยันไม่ถูกต้องหรือหมดอายุแล้ว กรุณากรอกรหัสล่าสุดจากแอป", AccountBrowser.TestId(await refused.Content.ReadAsStringAsync(), "status-message"));
        Assert.False(await browser.IsSignedInAsync());

        var notACode = await browser.SubmitAsync(second, "login-with-2fa", new() { ["Input.TwoFactorCode"] = "12ab" });
        Assert.Contains("กรุณากรอกรหัสตัวเลข 6 หลัก", await notACode.Content.ReadAsStringAsync());

        // Typed as the app shows it, with a space in the middle.
        var code = Totp.Code(key, DateTimeOffset.UtcNow);
        var accepted = await browser.SubmitAsync(second, "login-with-2fa", new() { ["Input.TwoFactorCode"] = code[..3] + " " + code[3..] });
        Assert.Equal("/", AccountBrowser.PathOf(accepted));
        Assert.True(await browser.IsSignedInAsync());
        Assert.Equal(0, (await UserAsync("officer1043")).AccessFailedCount);

        var state = await browser.PageAsync("/Account/Manage/TwoFactorAuthentication");
        Assert.Contains("เปิดใช้งานอยู่", AccountBrowser.TestId(state, "two-factor-state"));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var browser = new AccountBrowser(factory);
        await browser.SignInAsync("dep.housing");
        var (_, recoveryCodes) = await TurnOnAsync(browser);
        await browser.SignOutAsync();

        Assert.StartsWith("/Account/LoginWith2fa", AccountBrowser.PathOf(await browser.SignInAsync("dep.housing")));
        var recovery = await browser.SubmitAsync("/Account/LoginWithRecoveryCode", "login-with-recovery-code", new() { ["Input.RecoveryCode"] = recoveryCodes[0] });
        Assert.Equal("/", AccountBrowser.PathOf(recovery));
        Assert.True(await browser.IsSignedInAsync());

        // Nine are left; the used one is refused the next time.
        var left = await browser.PageAsync("/Account/Manage/TwoFactorAuthentication");
        Assert.DoesNotContain("data-testid=\"recovery-codes-left\"", left);
        await browser.SignOutAsync();
        await browser.SignInAsync("dep.housing");
        var again = await browser.SubmitAsync("/Account/LoginWithRecoveryCode", "login-with-recovery-code", new() { ["Input.RecoveryCode"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("รหัสกู้คืนไม่ถูกต้องหรือถูกใช้ไปแล้ว", await again.Content.ReadAsStringAsync());
        Assert.False(await browser.IsSignedInAsync());
        Assert.Equal(9, await CountRecoveryCodesAsync("dep.housing"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_thai_lockout_page_shows()
    {
        var browser = new AccountBrowser(factory);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await browser.SignInAsync("dep.women", "wrong-password-" + attempt);
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", await failed.Content.ReadAsStringAsync());
        }
        Assert.Null((await UserAsync("dep.women")).LockoutEnd);

        var fifth = await browser.SignInAsync("dep.women", "wrong-password-5");
        Assert.Equal("/Account/Lockout", AccountBrowser.PathOf(fifth));
        var lockout = await browser.PageAsync("/Account/Lockout");
        Assert.Contains("บัญชีถูกระงับชั่วคราว", lockout);
        Assert.Contains("15 นาที", lockout);
        Assert.True((await UserAsync("dep.women")).LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));

        // Locked means locked: the right password does not get in either.
        Assert.Equal("/Account/Lockout", AccountBrowser.PathOf(await browser.SignInAsync("dep.women")));
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task Five_wrong_authenticator_codes_lock_the_account_too()
    {
        var browser = new AccountBrowser(factory);
        await browser.SignInAsync("dep.children");
        var (key, _) = await TurnOnAsync(browser);
        await browser.SignOutAsync();

        var second = AccountBrowser.PathOf(await browser.SignInAsync("dep.children"));
        HttpResponseMessage last = null!;
        for (var attempt = 1; attempt <= 5; attempt++)
            last = await browser.SubmitAsync(second, "login-with-2fa", new() { ["Input.TwoFactorCode"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/Account/Lockout", AccountBrowser.PathOf(last));
        Assert.True((await UserAsync("dep.children")).LockoutEnd > DateTimeOffset.UtcNow);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task The_second_step_sends_anyone_who_has_not_given_a_password_to_sign_in()
    {
        var browser = new AccountBrowser(factory);
        foreach (var page in new[] { "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode" })
            Assert.Equal("/Account/Login", AccountBrowser.PathOf(await browser.GetAsync(page)));
    }

    [Fact]
    public async Task Turning_two_factor_off_lets_the_password_alone_sign_in_again()
    {
        var browser = new AccountBrowser(factory);
        await browser.SignInAsync("dep.older");
        await TurnOnAsync(browser);

        var off = await browser.SubmitAsync("/Account/Manage/Disable2fa", "disable-2fa");
        Assert.Equal("/Account/Manage/TwoFactorAuthentication", AccountBrowser.PathOf(off));
        var state = await browser.PageAsync("/Account/Manage/TwoFactorAuthentication");
        Assert.Contains("ปิดการยืนยันตัวตนสองขั้นตอนแล้ว", AccountBrowser.TestId(state, "status-message"));
        Assert.Contains("ยังไม่ได้เปิดใช้", AccountBrowser.TestId(state, "two-factor-state"));

        // Pages that only make sense with two-factor sign-in on send the user back with a Thai explanation.
        Assert.Equal("/Account/Manage/TwoFactorAuthentication", AccountBrowser.PathOf(await browser.GetAsync("/Account/Manage/GenerateRecoveryCodes")));
        Assert.Contains("ท่านยังไม่ได้เปิดใช้การยืนยันตัวตนสองขั้นตอน", await browser.PageAsync("/Account/Manage/TwoFactorAuthentication"));

        await browser.SignOutAsync();
        Assert.Equal("/", AccountBrowser.PathOf(await browser.SignInAsync("dep.older")));
    }

    [Fact]
    public async Task Resetting_the_key_turns_two_factor_off_and_the_old_key_stops_working()
    {
        var browser = new AccountBrowser(factory);
        await browser.SignInAsync("dep.disabilities");
        var (oldKey, _) = await TurnOnAsync(browser);

        Assert.Equal(Setup, AccountBrowser.PathOf(await browser.SubmitAsync("/Account/Manage/ResetAuthenticator", "reset-authenticator")));
        var setup = await browser.PageAsync(Setup);
        Assert.Contains("เปลี่ยนคีย์แล้ว", AccountBrowser.TestId(setup, "status-message"));
        var newKey = AccountBrowser.TestId(setup, "authenticator-key");
        Assert.NotEqual(oldKey, newKey);
        Assert.False((await UserAsync("dep.disabilities")).TwoFactorEnabled);

        var withOld = await browser.SubmitAsync(Setup, "send-code", new() { ["Input.Code"] = Totp.Code(oldKey, DateTimeOffset.UtcNow) });
        Assert.Contains("รหัสยืนยันไม่ถูกต้อง", await withOld.Content.ReadAsStringAsync());
        Assert.False((await UserAsync("dep.disabilities")).TwoFactorEnabled);

        // Recovery codes from the first setup are kept, so verifying the new key goes straight back to the overview.
        var withNew = await browser.SubmitAsync(Setup, "send-code", new() { ["Input.Code"] = Totp.Code(newKey, DateTimeOffset.UtcNow) });
        Assert.Equal("/Account/Manage/TwoFactorAuthentication", AccountBrowser.PathOf(withNew));
        Assert.True((await UserAsync("dep.disabilities")).TwoFactorEnabled);
    }

    /// <summary>Turns on two-factor sign-in for the signed-in user; returns the key and the recovery codes shown.</summary>
    private static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> TurnOnAsync(AccountBrowser browser)
    {
        var key = AccountBrowser.TestId(await browser.PageAsync(Setup), "authenticator-key");
        var response = await browser.SubmitAsync(Setup, "send-code", new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var codes = RecoveryCodes(await response.Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    private static List<string> RecoveryCodes(string page) =>
        Regex.Matches(page, "<code class=\"recovery-code\">([^<]+)</code>").Select(m => m.Groups[1].Value).ToList();

    private async Task<SaphanUser> UserAsync(string userName)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<SaphanUser>>().FindByNameAsync(userName))!;
    }

    private async Task<int> CountRecoveryCodesAsync(string userName)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SaphanUser>>();
        return await users.CountRecoveryCodesAsync((await users.FindByNameAsync(userName))!);
    }
}
