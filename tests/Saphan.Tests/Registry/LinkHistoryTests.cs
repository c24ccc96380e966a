using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Saphan.Localization;
using Saphan.Registry;
using Saphan.Registry.Linking;
using Saphan.Registry.Sources;

namespace Saphan.Tests.Registry;

/// <summary>The person page's link history, rendered as the page renders it.</summary>
public sealed class LinkHistoryTests
{
    private static async Task<string> RenderAsync(IReadOnlyList<LinkChange> history, string culture)
    {
        await using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var output = await renderer.RenderComponentAsync<LinkHistory>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["History"] = history }));
            // Thai is written as character references: read the page as a browser shows it.
            return System.Net.WebUtility.HtmlDecode(output.ToHtmlString());
        });
    }

    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid From = Guid.NewGuid(), To = Guid.NewGuid();

    [Theory]
    [InlineData("en", "Split by a data steward", "Confirmed by a data steward", "Linked automatically", "automatic linkage")]
    [InlineData("th", "แยกออกโดยผู้ดูแลข้อมูล", "ผู้ดูแลข้อมูลยืนยันว่าเป็นบุคคลเดียวกัน", "เชื่อมโยงอัตโนมัติ", "ระบบเชื่อมโยงอัตโนมัติ")]
    public async Task Each_change_shows_why_who_when_and_the_note(string culture, string split, string same, string automatic, string linkage)
    {
        var html = await RenderAsync(
        [
            new LinkChange(1, 2, "B10", From, To, LinkReason.Split, null, "DataSteward-somchai", At, "split 2:B10 by DataSteward-somchai"),
            new LinkChange(2, 2, "B3x", From, To, LinkReason.ReviewedSame, null, "DataSteward-malee", At, "review decision 7 by DataSteward-malee"),
            new LinkChange(3, 1, "A7", From, To, LinkReason.Automatic, null, LinkageCause.ByLinkage, At, "import 12"),
        ], culture);

        var items = html.Split("<li", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(3, items.Count);
        Assert.All([split, "DataSteward-somchai", "split 2:B10 by DataSteward-somchai", "B10", DateText.Show(At, CultureInfo.GetCultureInfo(culture))], text => Assert.Contains(text, items[0], StringComparison.Ordinal));
        Assert.All([same, "DataSteward-malee", "review decision 7 by DataSteward-malee"], text => Assert.Contains(text, items[1], StringComparison.Ordinal));
        Assert.All([automatic, linkage, "import 12"], text => Assert.Contains(text, items[2], StringComparison.Ordinal));
        Assert.DoesNotContain(">" + LinkageCause.ByLinkage + "<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_history_shows_nothing() => Assert.Equal("", (await RenderAsync([], "en")).Trim());
}
