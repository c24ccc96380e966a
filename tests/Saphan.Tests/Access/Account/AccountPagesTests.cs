using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Access;
using Saphan.Tests.Support;

namespace Saphan.Tests.Access.Account;

/// <summary>The profile and password pages, Thai first, and the texts every account page uses.</summary>
public sealed class AccountPagesTests(SaphanWebFactory factory) : IClassFixture<SaphanWebFactory>
{
    [Fact]
    public async Task The_profile_shows_who_the_user_is_in_thai_and_keeps_a_valid_phone_number()
    {
        var browser = new AccountBrowser(factory);
        await browser.SignInAsync("officer1009");

        var profile = await browser.PageAsync("/Account/Manage");
        Assert.Equal("officer1009", AccountBrowser.TestId(profile, "profile-user-name"));
        Assert.Equal("เจ้าหน้าที่เขตพระโขนง (ตัวอย่าง)", AccountBrowser.TestId(profile, "profile-display-name"));
        Assert.Equal("เจ้าหน้าที่สำนักงานเขต", AccountBrowser.TestId(profile, "profile-role"));
        Assert.Equal("พระโขนง", AccountBrowser.TestId(profile, "profile-district"));
        Assert.Contains("ข้อมูลผู้ใช้", profile);
        // Nothing of the template's e-mail, passkey, external login or personal-data pages is left.
        foreach (var gone in new[] { "Email", "Passkey", "ExternalLogin", "PersonalData", "Register" })
            Assert.DoesNotContain("Account/Manage/" + gone, profile);

        var saved = await browser.SubmitAsync("/Account/Manage", "profile", new() { ["Input.PhoneNumber"] = " 02 123  4567 " });
        Assert.Equal("/Account/Manage", AccountBrowser.PathOf(saved));
        Assert.Contains("บันทึกข้อมูลผู้ใช้เรียบร้อยแล้ว", AccountBrowser.TestId(await browser.PageAsync("/Account/Manage"), "status-message"));
        Assert.Equal("02 123 4567", (await UserAsync("officer1009")).PhoneNumber);

        var refused = await browser.SubmitAsync("/Account/Manage", "profile", new() { ["Input.PhoneNumber"] = "call me" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("หมายเลขโทรศัพท์ไม่ถูกต้อง", AccountBrowser.TestId(await refused.Content.ReadAsStringAsync(), "status-message"));
        Assert.Equal("02 123 4567", (await UserAsync("officer1009")).PhoneNumber);

        await browser.SubmitAsync("/Account/Manage", "profile", new() { ["Input.PhoneNumber"] = "" });
        Assert.Null((await UserAsync("officer1009")).PhoneNumber);
    }

    [Fact]
    public async Task A_department_officer_sees_their_department_not_a_district()
    {
        var browser = new AccountBrowser(factory);
        await browser.SignInAsync("dep.welfare");
        var profile = await browser.PageAsync("/Account/Manage");
        Assert.Equal("กรมพัฒนาสังคมและสวัสดิการ", AccountBrowser.TestId(profile, "profile-department"));
        Assert.Equal("เจ้าหน้าที่หน่วยงาน พม.", AccountBrowser.TestId(profile, "profile-role"));
        Assert.DoesNotContain("profile-district", profile);
    }

    [Fact]
    public async Task A_password_change_is_refused_with_thai_reasons_and_then_accepted()
    {
        var browser = new AccountBrowser(factory);
        await browser.SignInAsync("steward");
        const string page = "/Account/Manage/ChangePassword";
        const string newPassword = "Saphan-new-2568!";

        async Task<string> ChangeAsync(string old, string password, string confirm)
        {
            var response = await browser.SubmitAsync(page, "change-password", new()
            {
                ["Input.OldPassword"] = old, ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = confirm,
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("รหัสผ่านปัจจุบันไม่ถูกต้อง", await ChangeAsync("not-my-password", newPassword, newPassword));
        Assert.Contains("รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน", await ChangeAsync(SaphanWebFactory.DemoPassword, newPassword, newPassword + "x"));
        var weak = await ChangeAsync(SaphanWebFactory.DemoPassword, "short", "short");
        Assert.Contains("รหัสผ่านใหม่ต้องยาวอย่างน้อย 10 ตัวอักษร", weak);
        Assert.Contains("รหัสผ่านใหม่ต้องมีตัวอักษรภาษาอังกฤษพิมพ์ใหญ่อย่างน้อย 1 ตัว", weak);
        Assert.DoesNotContain("Passwords must", weak);

        var done = await browser.SubmitAsync(page, "change-password", new()
        {
            ["Input.OldPassword"] = SaphanWebFactory.DemoPassword, ["Input.NewPassword"] = newPassword, ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal(page, AccountBrowser.PathOf(done));
        Assert.Contains("เปลี่ยนรหัสผ่านเรียบร้อยแล้ว", AccountBrowser.TestId(await browser.PageAsync(page), "status-message"));

        await browser.SignOutAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync("steward")).StatusCode);
        Assert.Equal("/", AccountBrowser.PathOf(await browser.SignInAsync("steward", newPassword)));
    }

    [Fact]
    public async Task The_account_pages_switch_to_english()
    {
        var browser = new AccountBrowser(factory);
        await browser.SignInAsync("volunteer1002");
        await browser.GetAsync("/culture/set?culture=en-GB&redirectUri=/");

        var profile = await browser.PageAsync("/Account/Manage");
        Assert.Contains("Display name", profile);
        Assert.Equal("Community volunteer", AccountBrowser.TestId(profile, "profile-role"));
        var setup = await browser.PageAsync("/Account/Manage/EnableAuthenticator");
        Assert.Contains("Set up an authenticator app", setup);
        Assert.DoesNotContain("ตั้งค่าแอปยืนยันตัวตน", setup);
    }

    [Fact]
    public async Task Account_pages_need_a_signed_in_user()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var page in new[] { "/Account/Manage", "/Account/Manage/ChangePassword", "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/EnableAuthenticator" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
        }
    }

    /// <summary>
    /// Every text key the account pages use has a Thai and an English text (a missing key would show its name),
    /// and no English sentence of the template is left in their markup.
    /// </summary>
    [Fact]
    public void Every_text_the_account_pages_use_is_in_thai_and_english()
    {
        var root = RepositoryRoot();
        var folder = Path.Combine(root, "src", "Saphan", "Access", "Account");
        var sources = Directory.GetFiles(folder, "*.razor", SearchOption.AllDirectories).Concat(Directory.GetFiles(folder, "*.cs"))
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);
        var keys = sources.Values.SelectMany(s => Regex.Matches(s, "(?:L\\[|Done\\(|Failed\\()\"([A-Za-z0-9]+)\"").Select(m => m.Groups[1].Value)).ToHashSet();
        // Keys made from a prefix and a value.
        keys.UnionWith(Roles.All.Select(r => "Role" + r));
        keys.UnionWith(Enum.GetNames<Department>().Select(d => "Department" + d));
        keys.ExceptWith(["Role", "Department", "AccountPasswordError"]);
        Assert.True(keys.Count > 60, $"only {keys.Count} keys found");

        var localization = Path.Combine(root, "src", "Saphan", "Localization");
        foreach (var file in new[] { "Text.resx", "Text.en.resx" })
        {
            var texts = XDocument.Load(Path.Combine(localization, file)).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
            var missing = keys.Where(k => !texts.TryGetValue(k, out var text) || text.Length == 0).ToList();
            Assert.True(missing.Count == 0, $"{file} lacks {string.Join(", ", missing)}");
            foreach (var code in new[] { "PasswordMismatch", "PasswordTooShort", "PasswordRequiresDigit", "PasswordRequiresLower", "PasswordRequiresUpper", "PasswordRequiresNonAlphanumeric", "PasswordRequiresUniqueChars" })
                Assert.True(texts.ContainsKey("AccountPasswordError" + code), $"{file} lacks AccountPasswordError{code}");
        }

        foreach (var (file, source) in sources.Where(s => s.Key.EndsWith(".razor", StringComparison.Ordinal)))
        {
            var markup = Regex.Replace(source, "@code\\s*\\{.*", "", RegexOptions.Singleline);
            markup = Regex.Replace(markup, "@\\*.*?\\*@", "", RegexOptions.Singleline);
            foreach (var english in new[] { "authenticator", "recovery", "Log in", "password", "Profile", "Phone number", "Save", "Verify", "Disable", "Reset", "Invalid" })
                Assert.False(Regex.IsMatch(markup, $">[^<@]*\\b{english}\\b", RegexOptions.IgnoreCase), $"{file} shows the English \"{english}\" outside the texts");
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Saphan.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Saphan.slnx not found above " + AppContext.BaseDirectory);
    }

    private async Task<SaphanUser> UserAsync(string userName)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<SaphanUser>>().FindByNameAsync(userName))!;
    }
}
