using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Saphan.Tests.Support;

/// <summary>The whole web app on a temporary SQLite file with a small synthetic demo data set.</summary>
public sealed class SaphanWebFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Saphan-demo-2567";
    private readonly string file = Path.Combine(Path.GetTempPath(), $"saphan-web-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Test");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:ConnectionString", $"Data Source={file};Pooling=False");
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("DemoData:People", "400");
        builder.UseSetting("DemoData:Password", DemoPassword);
    }

    /// <summary>A client signed in through the real sign-in form, with its cookie.</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = DemoPassword,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}
