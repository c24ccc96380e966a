using Saphan.Tests.Access.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saphan.Access;
using Saphan.EndToEnd.Tests.Support;

namespace Saphan.EndToEnd.Tests.Access;

/// <summary>
/// An officer turns on two-factor sign-in with an authenticator app and signs in with it; another is locked out by
/// wrong passwords. Each test has its own demo user (officer1043, dep.women) that no other test uses, so the shared
/// browser fixture and the order of the tests do not matter.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoFactorJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task An_officer_turns_on_the_authenticator_signs_out_and_signs_in_with_password_and_code()
    {
        const string user = "officer1043";
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, user);

        // The profile: who the officer is, in Thai.
        await page.GotoAsync(app.BaseUrl + "/Account/Manage");
        await Assertions.Expect(page.Locator("[data-testid=profile-user-name]")).ToHaveTextAsync(user);
        await Assertions.Expect(page.Locator("[data-testid=profile-role]")).ToHaveTextAsync("เจ้าหน้าที่สำนักงานเขต");
        await Assertions.Expect(page.Locator("[data-testid=profile-district]")).ToHaveTextAsync("คันนายาว");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "account-profile.png"), FullPage = true });

        // Setup, explained in Thai, with the QR code, the key and the otpauth URI.
        await page.GotoAsync(app.BaseUrl + "/Account/Manage/TwoFactorAuthentication");
        await Assertions.Expect(page.Locator("[data-testid=two-factor-state]")).ToContainTextAsync("ยังไม่ได้เปิดใช้");
        await page.ClickAsync("[data-testid=set-up-authenticator]");
        await Assertions.Expect(page.Locator("h2")).ToHaveTextAsync("ตั้งค่าแอปยืนยันตัวตน");
        await Assertions.Expect(page.Locator("ol.saphan-steps")).ToContainTextAsync("Google Authenticator");
        await Assertions.Expect(page.Locator("[data-testid=authenticator-qr]")).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-testid=authenticator-qr]").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
        var key = (await page.Locator("[data-testid=authenticator-key]").InnerTextAsync()).Trim();
        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", key);
        await Assertions.Expect(page.Locator("[data-testid=authenticator-uri]"))
            .ToHaveTextAsync($"otpauth://totp/Saphan:{user}?secret={key.Replace(" ", "").ToUpperInvariant()}&issuer=Saphan&digits=6");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "account-authenticator-setup.png"), FullPage = true });

        await page.FillAsync("#verification-code", Totp.WrongCode(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=status-message]")).ToContainTextAsync("รหัสยืนยันไม่ถูกต้อง");
        await Assertions.Expect(page.Locator("#verification-code")).ToHaveValueAsync("");

        await page.FillAsync("#verification-code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=status-message]")).ToContainTextAsync("ตั้งค่าแอปยืนยันตัวตนเรียบร้อยแล้ว");
        await Assertions.Expect(page.Locator("[data-testid=recovery-codes] li")).ToHaveCountAsync(10);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "account-recovery-codes.png"), FullPage = true });
        Assert.True(await TwoFactorEnabledAsync(user));

        // Sign out from the menu; the password alone now leads to the second step.
        await page.ClickAsync("nav form[action='Account/Logout'] button");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Manage"));
        await page.GotoAsync(app.BaseUrl + "/Account/Login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", BrowserFixture.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/Account/LoginWith2fa"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ยืนยันตัวตนขั้นที่สอง");
        await Assertions.Expect(page.Locator("label[for=two-factor-code]")).ToHaveTextAsync("รหัสยืนยัน 6 หลักจากแอป");

        await page.FillAsync("#two-factor-code", Totp.WrongCode(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=status-message]")).ToHaveTextAsync("รหัสยืนยันไม่ถูกต้องหรือหมดอายุแล้ว กรุณากรอกรหัสล่าสุดจากแอป");
        await Assertions.Expect(page.Locator("#two-factor-code")).ToHaveValueAsync("");
        Assert.Contains("/Account/LoginWith2fa", page.Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "account-two-factor-sign-in.png"), FullPage = true });

        await page.FillAsync("#two-factor-code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ภาพรวมเขตคันนายาว");
        await Assertions.Expect(page.Locator("[data-testid=user-role]")).ToHaveTextAsync("เจ้าหน้าที่สำนักงานเขต");
        await page.GotoAsync(app.BaseUrl + "/Account/Manage/TwoFactorAuthentication");
        await Assertions.Expect(page.Locator("[data-testid=two-factor-state]")).ToContainTextAsync("เปิดใช้งานอยู่");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "account-two-factor-on.png"), FullPage = true });
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_thai_lockout_page_shows()
    {
        const string user = "dep.women";
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync(app.BaseUrl + "/Account/Login");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await page.FillAsync("#username", user);
            await page.FillAsync("#password", $"not-the-password-{attempt}");
            await page.ClickAsync("main button[type=submit]");
            await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
        }

        await page.FillAsync("#username", user);
        await page.FillAsync("#password", "not-the-password-5");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/Account/Lockout"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("บัญชีถูกระงับชั่วคราว");
        await Assertions.Expect(page.Locator("p[role=alert]")).ToContainTextAsync("15 นาที");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "account-lockout-phone.png"), FullPage = true });

        // The right password is refused while the lock lasts.
        await page.GotoAsync(app.BaseUrl + "/Account/Login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", BrowserFixture.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/Account/Lockout"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("บัญชีถูกระงับชั่วคราว");
        Assert.True(await LockedOutAsync(user));
    }

    private async Task<bool> TwoFactorEnabledAsync(string userName)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<SaphanUser>>().FindByNameAsync(userName))!.TwoFactorEnabled;
    }

    private async Task<bool> LockedOutAsync(string userName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SaphanUser>>();
        return await users.IsLockedOutAsync((await users.FindByNameAsync(userName))!);
    }
}
