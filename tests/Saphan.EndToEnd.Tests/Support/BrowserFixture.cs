using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Saphan.Access;
using Saphan.Storage;

namespace Saphan.EndToEnd.Tests.Support;

/// <summary>
/// Saphan on a real Kestrel socket (temporary SQLite file, small synthetic demo data) and Debian's Chromium, headless,
/// driven by Playwright. No browser is downloaded: Playwright is pointed at /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Saphan-demo-2567";
    private readonly string file = Path.Combine(Path.GetTempPath(), $"saphan-e2e-{Guid.NewGuid():N}.db");
    private IPlaywright? playwright;

    public BrowserFixture() => UseKestrel(0);

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Screenshots land here so that a person can look at what the tests saw.</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Saphan.slnx"))) dir = dir.Parent;
            var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Test");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:ConnectionString", $"Data Source={file};Pooling=False");
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("DemoData:People", "600");
        builder.UseSetting("DemoData:Password", DemoPassword);
    }

    public async Task InitializeAsync()
    {
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SAPHAN_TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "th-TH" });
        // Generous waits: CI machines have two cores, and a Blazor circuit on a busy machine can take seconds to answer.
        // These bound a hang; they assert nothing about speed.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync(BaseUrl + "/Account/Login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        // Pages render in the Blazor circuit (no prerendering): wait until it has drawn the page, so that the next click
        // lands on the live page and not on markup about to be replaced.
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await Assertions.Expect(page.Locator("main h1").First).ToBeVisibleAsync();
    }

    /// <summary>Runs a query against the app's database with every person visible (for choosing test subjects and checking audit rows).</summary>
    public async Task<T> QueryAsync<T>(Func<SaphanDb, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        await using var db = (await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SaphanDb>>().CreateDbContextAsync())
            .WithScope(AccessScope.System("e2e", DateOnly.FromDateTime(DateTime.UtcNow)));
        return await query(db);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
