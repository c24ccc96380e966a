using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MiniExcelLibs;
using Saphan.EndToEnd.Tests.Support;
using Saphan.Linkage.Io;
using Saphan.Linkage.Normalisation;
using Saphan.Registry.Sources;

namespace Saphan.EndToEnd.Tests.Registry;

/// <summary>
/// A data steward imports a TIS-620 CSV with Buddhist-era dates into one source and an .xlsx into another through the
/// wizard, maps the columns, runs both imports to completion and sees the counts. (The review queue and the district
/// officer's search extend this journey.)
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportJourneyTests(BrowserFixture app)
{
    /// <summary>One person who is in both files, for the linkage and search steps.</summary>
    public static readonly string SharedId = Id(424242);

    private static string Id(long n)
    {
        var first12 = "9" + n.ToString("00000000000", CultureInfo.InvariantCulture);
        return first12 + CitizenId.CheckDigit(first12).ToString(CultureInfo.InvariantCulture);
    }

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotFolder, name);

    public static string WriteOlderPersonsCsv()
    {
        var rows = new[]
        {
            "เลขที่ทะเบียน,ชื่อ-สกุล,เลขประจำตัวประชาชน,เพศ,วันเกิด,ที่อยู่,โทรศัพท์",
            $"E0001,นางสมศรี ใจงาม,{SharedId},หญิง,15/1/2490,12 ถ.สามเสน แขวงวชิรพยาบาล เขตดุสิต 10300,081-234-5678",
            $"E0002,นายบุญชู ศรีสวัสดิ์,{Id(1002)},ชาย,3/4/2485,45/1 ถ.ราชวิถี แขวงดุสิต เขตดุสิต 10300,",
            $"E0003,นางสาวมาลัย ทองคำ,{Id(1003)},หญิง,29/2/2496,7 ซ.สุโขทัย 2 แขวงดุสิต เขตดุสิต 10300,02-241-1234",
            $"E0004,นายประยูร แก้วใส,{Id(1004)},ชาย,10/13/2488,99 ถ.นครราชสีมา แขวงวชิรพยาบาล เขตดุสิต 10300,",
            $",นางเยาวลักษณ์ มีสุข,{Id(1005)},หญิง,1/1/2490,5 ถ.ขาว แขวงวชิรพยาบาล เขตดุสิต 10300,",
            $"E0006,นายสมพงษ์ รุ่งเรือง,{Id(1006)},ชาย,20/12/2492,3 ถ.พระรามที่ 5 แขวงดุสิต เขตดุสิต 10300,089-000-1111",
            $"E0007,นางทองใบ สุขสม,{Id(1007)},หญิง,8/8/2487,18 ถ.สวรรคโลก แขวงสวนจิตรลดา เขตดุสิต 10300,",
            $"E0008,นายเฉลิม ชัยมงคล,{Id(1008)},ชาย,2490,1 ถ.อู่ทองใน แขวงดุสิต เขตดุสิต 10300,",
        };
        var path = Path.Combine(Path.GetTempPath(), $"older-allowance-dusit-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\r\n", rows) + "\r\n", TextEncodings.Tis620);
        return path;
    }

    public static string WriteDisabilityXlsx()
    {
        var path = Path.Combine(Path.GetTempPath(), $"disability-register-{Guid.NewGuid():N}.xlsx");
        var rows = new List<Dictionary<string, object?>>
        {
            Row("DP-0001", "นาง", "สมศรี", "ใจงาม", SharedId, "15/01/2490", "การเคลื่อนไหว", "ดุสิต"),
            Row("DP-0002", "นาย", "วิชัย", "พูลผล", Id(2002), new DateTime(1975, 6, 30), "การมองเห็น", "ดุสิต"),
            Row("DP-0003", "เด็กหญิง", "ปิยะดา", "ศรีงาม", Id(2003), "5 มี.ค. 2558", "สติปัญญา", "ดุสิต"),
            Row("DP-0004", "นาย", "อำนาจ", "เข้มแข็ง", Id(2004), "12/9/2500", "การได้ยิน", "บางซื่อ"),
            Row("DP-0005", "นางสาว", "กนกวรรณ", "ดีงาม", Id(2005), "1/10/2530", "ออทิสติก", "ดุสิต"),
            // E0006 of the older-persons list again, without an ID card and with another birth year: only a person can tell.
            Row("DP-0006", "นาย", "สมพงษ์", "รุ่งเรือง", "", "20/12/2493", "การเคลื่อนไหว", "ดุสิต"),
        };
        // Agencies often add a sheet of notes: the wizard names it, since only the first sheet is imported.
        var notes = new List<Dictionary<string, object?>> { new() { ["หมายเหตุ"] = "ข้อมูล ณ 30 ก.ย. 2569" } };
        MiniExcel.SaveAs(path, new Dictionary<string, object> { ["ทะเบียนคนพิการ"] = rows, ["หมายเหตุ"] = notes });
        return path;

        static Dictionary<string, object?> Row(string no, string title, string given, string family, string id, object birth, string kind, string district) => new()
        {
            ["หมายเลขบัตรคนพิการ"] = no, ["คำนำหน้า"] = title, ["ชื่อ"] = given, ["นามสกุล"] = family, ["เลขประจำตัวประชาชน"] = id,
            ["วันเกิด"] = birth, ["ประเภทความพิการ"] = kind, ["เขต"] = district,
        };
    }

    [Fact]
    public async Task A_data_steward_imports_a_tis620_csv_and_an_xlsx_through_the_wizard_and_sees_the_counts()
    {
        var csv = WriteOlderPersonsCsv();
        var xlsx = WriteDisabilityXlsx();
        try
        {
            var page = await app.NewPageAsync();
            await app.SignInAsync(page, "steward");

            // The registered sources, with owner and legal basis.
            await page.GotoAsync(app.BaseUrl + "/registry/sources");
            await Assertions.Expect(page.Locator("[data-testid=sources-table] tr[data-source=bma-older-allowance]")).ToContainTextAsync("สำนักพัฒนาสังคม");
            await Assertions.Expect(page.Locator("[data-testid=sources-table]")).ToContainTextAsync("กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ");
            await page.ScreenshotAsync(new() { Path = Shot("import-0-sources.png"), FullPage = true });

            var first = await ImportAsync(page, "bma-older-allowance", csv, "csv", async () =>
            {
                // Detected as TIS-620; Thai headers read correctly and guessed.
                await Assertions.Expect(page.Locator("[data-testid=import-detected]")).ToContainTextAsync("tis-620");
                await Assertions.Expect(page.Locator("[data-testid=import-header]")).ToContainTextAsync("ชื่อ-สกุล");
            }, async () =>
            {
                await Assertions.Expect(page.Locator("[data-testid=map-fullName]")).ToHaveValueAsync("ชื่อ-สกุล");
                await Assertions.Expect(page.Locator("[data-testid=map-recordId]")).ToHaveValueAsync("เลขที่ทะเบียน");
            }, async () =>
            {
                // The preview: title split, Buddhist-era date shown as such, the check digit checked, problems by row.
                var shared = page.Locator("[data-testid=import-preview] tr[data-line='2']");
                await Assertions.Expect(shared).ToContainTextAsync("นาง");
                await Assertions.Expect(shared).ToContainTextAsync("สมศรี");
                await Assertions.Expect(shared.Locator("[data-testid=preview-birth]")).ToHaveTextAsync("15 ม.ค. 2490");
                await Assertions.Expect(shared.Locator("[data-testid=id-ok]")).ToBeVisibleAsync();
                // The address as read: against the gazetteer, shown by place names, not codes.
                await Assertions.Expect(shared.Locator("[data-testid=preview-address]")).ToHaveTextAsync("12 ถนนสามเสน แขวงวชิรพยาบาล เขตดุสิต 10300");
                await Assertions.Expect(page.Locator("[data-testid=import-preview] tr[data-line='5']")).ToContainTextAsync("เดือนเกิน 12");
                await Assertions.Expect(page.Locator("[data-testid=import-preview] tr[data-line='6']")).ToContainTextAsync("ไม่มีรหัสระเบียน");
            });
            Assert.Equal(("8", "7", "0", "0", "1"), first);

            var second = await ImportAsync(page, "dep-disability-register", xlsx, "xlsx",
                () => Assertions.Expect(page.Locator("[data-testid=import-other-sheets]")).ToContainTextAsync("หมายเหตุ"), async () =>
            {
                // "หมายเลขบัตรคนพิการ" is the register's own key: no header word says so, the steward chooses it.
                await Assertions.Expect(page.Locator("[data-testid=map-recordId]")).ToHaveValueAsync("");
                await Assertions.Expect(page.Locator("[data-testid=map-citizenId]")).ToHaveValueAsync("เลขประจำตัวประชาชน");
                await page.SelectOptionAsync("[data-testid=map-recordId]", "หมายเลขบัตรคนพิการ");
                await page.SelectOptionAsync("[data-testid=map-district]", "เขต");
            }, async () =>
            {
                await Assertions.Expect(page.Locator("[data-testid=import-preview] tr[data-line='3'] [data-testid=preview-birth]")).ToHaveTextAsync("30 มิ.ย. 2518");
                await Assertions.Expect(page.Locator("[data-testid=import-preview] tr[data-line='4'] [data-testid=preview-birth]")).ToHaveTextAsync("5 มี.ค. 2558");
            });
            Assert.Equal(("6", "6", "0", "0", "0"), second);

            // What was stored: CE dates from BE text, provenance, the source's mapping remembered for next time.
            var (record, profile) = await app.QueryAsync(async db =>
            {
                var source = await db.Sources.SingleAsync(s => s.Code == "bma-older-allowance");
                return (await db.SourceRecords.SingleAsync(r => r.SourceId == source.Id && r.RecordKey == "E0001"), source.MappingProfile);
            });
            Assert.Equal(new DateOnly(1947, 1, 15), record.BirthDate);
            Assert.Equal(("steward", 2L), (record.ImportedBy, record.Line));
            Assert.Contains("ชื่อ-สกุล", profile, StringComparison.Ordinal);

            // The steward resolves the uncertain pair: E0006 (older-persons list) and DP-0006 (disability register, no ID card).
            // Linking follows the import in the background: wait until the new records belong to people.
            for (var i = 0; i < 120 && !await app.QueryAsync(db => db.RecordLinks.AnyAsync(l => l.RecordKey == "DP-0006")); i++) await Task.Delay(500);
            await page.GotoAsync(app.BaseUrl + "/registry/review");
            var pairLink = page.Locator("[data-testid=review-list] a", new() { HasTextString = "DP-0006" });
            await Assertions.Expect(pairLink).ToContainTextAsync("E0006");
            await pairLink.ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=review-pair]")).ToContainTextAsync("สมพงษ์");
            await Assertions.Expect(page.Locator("[data-testid=review-explanation]")).ToContainTextAsync("นามสกุล");
            await Assertions.Expect(page.Locator("[data-testid=review-pair]")).ToContainTextAsync("3 ถนนพระรามที่ 5 แขวงดุสิต เขตดุสิต 10300");
            await page.ScreenshotAsync(new() { Path = Shot("registry-review-pair.png"), FullPage = true });
            await page.ClickAsync("[data-testid=decide-same]");
            await Assertions.Expect(page.Locator("[data-testid=review-message]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            var (e6, d6) = await app.QueryAsync(async db => (
                await db.RecordLinks.SingleAsync(l => l.RecordKey == "E0006"), await db.RecordLinks.SingleAsync(l => l.RecordKey == "DP-0006")));
            Assert.Equal(e6.PersonId, d6.PersonId);

            // A district officer of Dusit finds the linked person by a misspelt Thai name and sees both agencies' records.
            var officer = await app.NewPageAsync(390, 844);
            await app.SignInAsync(officer, "officer1002");
            await officer.GotoAsync(app.BaseUrl + "/people");
            await officer.FillAsync("[data-testid=people-query]", "สมพง รุ่งเรือง");
            await officer.ClickAsync("[data-testid=people-find]");
            var hit = officer.Locator("[data-testid=people-hits] a", new() { HasTextString = "รุ่งเรือง" });
            await Assertions.Expect(hit).ToHaveCountAsync(1);
            await hit.ClickAsync();
            await Assertions.Expect(officer.Locator("[data-testid=person-name]")).ToContainTextAsync("สมพงษ์ รุ่งเรือง", new() { Timeout = 20_000 });
            await Assertions.Expect(officer.Locator("[data-testid=person-sources] tr[data-source=bma-older-allowance]")).ToHaveCountAsync(1);
            await Assertions.Expect(officer.Locator("[data-testid=person-sources] tr[data-source=bma-older-allowance]")).ToContainTextAsync("แขวงดุสิต เขตดุสิต");
            await Assertions.Expect(officer.Locator("[data-testid=person-sources] tr[data-source=dep-disability-register]")).ToHaveCountAsync(1);
            // On a phone each row of the wide tables is a card: a cell has the screen's width, not a sliver of it.
            await Assertions.Expect(officer.Locator("[data-testid=rights-table] [data-testid=rights-why]").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
            foreach (var cell in new[] { "[data-testid=rights-table] [data-testid=rights-why]", "[data-testid=person-sources] td[data-label]" })
            {
                var width = await officer.Locator(cell).First.EvaluateAsync<double>("e => e.getBoundingClientRect().width");
                Assert.True(width >= 300, $"{cell} is {width:0} px wide on a 390 px screen");
            }
            await officer.ScreenshotAsync(new() { Path = Shot("registry-person-two-sources-phone.png"), FullPage = true });
        }
        finally
        {
            File.Delete(csv);
            File.Delete(xlsx);
        }
    }

    /// <summary>Runs the wizard for one file and returns the run page's counts (read, new, updated, unchanged, rejected).</summary>
    private static async Task<(string, string, string, string, string)> ImportAsync(IPage page, string source, string file, string tag,
        Func<Task> checkRead, Func<Task> map, Func<Task> checkPreview)
    {
        await page.GotoAsync(page.Url[..page.Url.IndexOf("/registry", StringComparison.Ordinal)] + "/registry/sources");
        await page.ClickAsync($"[data-testid=sources-table] tr[data-source={source}] [data-testid=source-import]");
        await Assertions.Expect(page.Locator("[data-testid=step-source]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=import-source]")).ToHaveValueAsync(source);
        await page.ScreenshotAsync(new() { Path = Shot($"import-{tag}-1-source.png"), FullPage = true });
        await page.ClickAsync("[data-testid=wizard-next]");

        await Assertions.Expect(page.Locator("[data-testid=step-file]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot($"import-{tag}-2-file.png"), FullPage = true });
        await page.SetInputFilesAsync("[data-testid=import-file]", file);

        await Assertions.Expect(page.Locator("[data-testid=step-read]")).ToBeVisibleAsync();
        await checkRead();
        await page.ScreenshotAsync(new() { Path = Shot($"import-{tag}-3-read.png"), FullPage = true });
        await page.ClickAsync("[data-testid=wizard-next]");

        await Assertions.Expect(page.Locator("[data-testid=step-mapping]")).ToBeVisibleAsync();
        await map();
        await page.ScreenshotAsync(new() { Path = Shot($"import-{tag}-4-mapping.png"), FullPage = true });
        await page.ClickAsync("[data-testid=wizard-preview]");

        await Assertions.Expect(page.Locator("[data-testid=step-preview]")).ToBeVisibleAsync();
        await checkPreview();
        await page.ScreenshotAsync(new() { Path = Shot($"import-{tag}-5-preview.png"), FullPage = true });
        await page.ClickAsync("[data-testid=wizard-start]");

        await page.WaitForURLAsync(url => url.Contains("/registry/imports/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=import-status]")).ToHaveAttributeAsync("data-status", nameof(ImportStatus.Completed), new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=import-progress]")).ToHaveTextAsync("100%");
        await Assertions.Expect(page.Locator("[data-testid=import-add-up]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("text-success"));
        await page.ScreenshotAsync(new() { Path = Shot($"import-{tag}-6-run.png"), FullPage = true });
        return (await page.InnerTextAsync("[data-testid=import-read]"), await page.InnerTextAsync("[data-testid=import-new]"),
            await page.InnerTextAsync("[data-testid=import-updated]"), await page.InnerTextAsync("[data-testid=import-unchanged]"),
            await page.InnerTextAsync("[data-testid=import-rejected]"));
    }
}
