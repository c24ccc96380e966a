using Microsoft.EntityFrameworkCore;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Registry.Import;
using Saphan.Registry.Sources;
using Saphan.Storage;
using Saphan.Tests.Support;

namespace Saphan.Tests.Registry.Import;

public sealed class SourceRegistryTests
{
    private static SourceForm Form(string code = "bma-1002-welfare") => new()
    {
        Code = code, NameTh = "ทะเบียนสวัสดิการสังคม สำนักงานเขตดุสิต", OwnerAgency = "สำนักงานเขตดุสิต", Holds = "ผู้ขอรับสวัสดิการ",
        Purpose = "ให้ความช่วยเหลือผู้ขอรับสวัสดิการ", LegalBasis = LegalBasis.PublicTask, LegalBasisNote = "พ.ร.บ.ระเบียบบริหารราชการกรุงเทพมหานคร",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_steward_registers_a_source_which_is_listed_audited_and_cannot_be_registered_twice(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var registry = new SourceRegistry(TestViewers.DataAccessFor(database, TestViewers.User(Roles.DataSteward, id: "steward-2")), database.Clock);

        var source = await registry.RegisterAsync(Form("BMA-1002-Welfare"));

        Assert.Equal("bma-1002-welfare", source.Code);
        Assert.Equal($"{Roles.DataSteward}-steward-2", source.Steward);
        var listed = Assert.Single(await registry.ListAsync());
        Assert.Equal((0L, 0), (listed.Records, listed.Imports));
        var again = await Assert.ThrowsAsync<ImportRefusedException>(() => registry.RegisterAsync(Form()));
        Assert.Contains("exists already", again.Problems[0].En, StringComparison.Ordinal);
        await using var db = database.OpenAsSystem();
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.RecordType == "Source" && a.Action == AuditAction.Create && a.RecordId == "bma-1002-welfare"));
    }

    [Fact]
    public void An_incomplete_form_is_refused_with_every_reason_in_thai_and_english()
    {
        var problems = SourceRegistry.Validate(new SourceForm { Code = "ก", LegalBasis = (LegalBasis)99 });
        Assert.Equal(6, problems.Count);
        Assert.Contains(problems, p => p.Th.Contains("มาตรา 21", StringComparison.Ordinal) && p.En.Contains("PDPA s.21", StringComparison.Ordinal));
        Assert.Empty(SourceRegistry.Validate(Form()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_district_officer_may_not_see_or_register_sources(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var registry = new SourceRegistry(TestViewers.DataAccessFor(database, TestViewers.User(Roles.DistrictOfficer, district: "1002")), database.Clock);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => registry.ListAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => registry.RegisterAsync(Form()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_demo_sources_are_registered_once(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.OpenAsSystem())
        {
            await DemoSources.SeedAsync(db, database.Clock.GetUtcNow());
            await DemoSources.SeedAsync(db, database.Clock.GetUtcNow());
        }
        await using var check = database.OpenAsSystem();
        var codes = await check.Sources.Select(s => s.Code).ToListAsync();
        Assert.Equal(DemoSources.All.Select(s => s.Code).Order(), codes.Order());
        Assert.Contains(await check.Sources.Select(s => s.OwnerAgency).ToListAsync(), o => o.Contains("กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ", StringComparison.Ordinal));
    }
}
