using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Saphan.Access;
using Saphan.Audit;
using Saphan.Geography;
using Saphan.Storage;

namespace Saphan.DemoData;

/// <summary>Loads the synthetic demo data set and its demo users into an empty database.</summary>
public sealed class DemoDataSeeder(UserManager<SaphanUser> users, ILogger<DemoDataSeeder> log, TimeProvider clock)
{
    /// <summary>The demo users: one per role, district officers for the pilot districts of seed 004 and Phra Nakhon.</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? District, Department? Department)> Users =
    [
        ("admin", "ผู้ดูแลระบบ (ตัวอย่าง)", Roles.Administrator, null, null),
        ("steward", "ผู้ดูแลข้อมูล (ตัวอย่าง)", Roles.DataSteward, null, null),
        ("executive", "ผู้บริหาร (ตัวอย่าง)", Roles.Executive, null, null),
        ("officer1001", "เจ้าหน้าที่เขตพระนคร (ตัวอย่าง)", Roles.DistrictOfficer, "1001", null),
        ("officer1002", "เจ้าหน้าที่เขตดุสิต (ตัวอย่าง)", Roles.DistrictOfficer, "1002", null),
        ("officer1009", "เจ้าหน้าที่เขตพระโขนง (ตัวอย่าง)", Roles.DistrictOfficer, "1009", null),
        ("officer1043", "เจ้าหน้าที่เขตคันนายาว (ตัวอย่าง)", Roles.DistrictOfficer, "1043", null),
        ("dep.disabilities", "เจ้าหน้าที่ พก. (ตัวอย่าง)", Roles.DepartmentOfficer, null, Department.PersonsWithDisabilities),
        ("dep.older", "เจ้าหน้าที่ ผส. (ตัวอย่าง)", Roles.DepartmentOfficer, null, Department.OlderPersons),
        ("dep.children", "เจ้าหน้าที่ ดย. (ตัวอย่าง)", Roles.DepartmentOfficer, null, Department.ChildrenAndYouth),
        ("dep.women", "เจ้าหน้าที่ สค. (ตัวอย่าง)", Roles.DepartmentOfficer, null, Department.WomenAndFamily),
        ("dep.welfare", "เจ้าหน้าที่ พส. (ตัวอย่าง)", Roles.DepartmentOfficer, null, Department.SocialDevelopmentAndWelfare),
        ("dep.housing", "เจ้าหน้าที่ พอช. (ตัวอย่าง)", Roles.DepartmentOfficer, null, Department.Housing),
        ("volunteer1002", "อพม. เขตดุสิต (ตัวอย่าง)", Roles.Volunteer, null, null),
    ];

    public async Task SeedAsync(SaphanDb db, DemoDataOptions options, CancellationToken ct = default)
    {
        if (await db.People.IgnoreQueryFilters().AnyAsync(ct)) return;
        var now = clock.GetUtcNow();
        var population = new DemoPopulation(options.Seed, now).Generate(options.People,
            await db.Subdistricts.ToListAsync(ct), await db.Communities.ToListAsync(ct), ReferenceGeography.PopulationByDistrict());
        db.Households.AddRange(population.Households);
        db.People.AddRange(population.People.Where(p => p.HouseholdId is null));
        db.AuditLog.Add(new AuditEntry(now, null, db.Scope.UserName, AuditAction.Create, "DemoData", "synthetic",
            "startup", $"synthetic demo data: {population.People.Count} people, {population.Households.Count} households"));
        await db.SaveChangesAsync(ct);
        await DemoRegistrySource.AttachAsync(db, population.People, now, ct);

        foreach (var demo in Users)
        {
            var user = new SaphanUser
            {
                UserName = demo.UserName, Email = $"{demo.UserName}@demo.saphan.invalid", EmailConfirmed = true,
                DisplayName = demo.DisplayName, DistrictCode = demo.District, Department = demo.Department, IsDemo = true,
            };
            var created = await users.CreateAsync(user, options.Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, demo.Role);
            if (demo.Role == Roles.Volunteer)
            {
                var assigned = population.Households.Where(h => h.DistrictCode == "1002").Take(25);
                db.VolunteerAssignments.AddRange(assigned.Select(h => new VolunteerAssignment(user.Id, h.Id, now)));
            }
        }
        await db.SaveChangesAsync(ct);
        await Registry.Import.DemoSources.SeedAsync(db, now, ct);
        await Assessment.AssessmentDemoData.SeedAsync(db, now, ct);
        await Rights.DemoRights.SeedAsync(db, population.People, now, options.Seed, ct);
        log.LogInformation("Loaded synthetic demo data: {People} people in {Households} households, {Users} demo users",
            population.People.Count, population.Households.Count, Users.Count);
    }
}
