using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Saphan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", nullable: true),
                    Department = table.Column<int>(type: "INTEGER", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_indicator_sets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PoorCutoff = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_indicator_sets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Where = table.Column<string>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "district_groups",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_district_groups", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    IsSynthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    community_id = table.Column<int>(type: "INTEGER", nullable: true),
                    house_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    moo = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    postcode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    road = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    soi = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    subdistrict_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "import_rejects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    ReasonTh = table.Column<string>(type: "TEXT", nullable: false),
                    ReasonEn = table.Column<string>(type: "TEXT", nullable: false),
                    Raw = table.Column<string>(type: "TEXT", nullable: false),
                    RecordKey = table.Column<string>(type: "TEXT", nullable: true),
                    RowRejected = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_rejects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "link_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordLinkId = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordKey = table.Column<string>(type: "TEXT", nullable: false),
                    FromPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: true),
                    By = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_pairs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceIdA = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordKeyA = table.Column<string>(type: "TEXT", nullable: false),
                    SourceIdB = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordKeyB = table.Column<string>(type: "TEXT", nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_pairs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rights_schemes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<byte>(type: "INTEGER", nullable: false),
                    ReferTo = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Department = table.Column<int>(type: "INTEGER", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_schemes", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "sources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerAgency = table.Column<string>(type: "TEXT", nullable: false),
                    Holds = table.Column<string>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false),
                    LegalBasis = table.Column<int>(type: "INTEGER", nullable: false),
                    LegalBasisNote = table.Column<string>(type: "TEXT", nullable: false),
                    Steward = table.Column<string>(type: "TEXT", nullable: false),
                    MappingProfile = table.Column<string>(type: "TEXT", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerAssignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_indicators",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IndicatorSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Dimension = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswerType = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionTh = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    QuestionEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DeprivationTh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeprivationEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitTh = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    UnitEn = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Minimum = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Maximum = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    AskWhen = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DeprivedWhen = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SourceTh = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SourceEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_indicators", x => new { x.IndicatorSetId, x.Code });
                    table.ForeignKey(
                        name: "FK_assessment_indicators_assessment_indicator_sets_IndicatorSetId",
                        column: x => x.IndicatorSetId,
                        principalTable: "assessment_indicator_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", nullable: false),
                    GroupCode = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_districts", x => x.Code);
                    table.ForeignKey(
                        name: "FK_districts_district_groups_GroupCode",
                        column: x => x.GroupCode,
                        principalTable: "district_groups",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AssessorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AssessorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    AccuracyMetres = table.Column<double>(type: "REAL", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    SubdistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsLatest = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScoreBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPoor = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeprivedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DeprivedIndicators = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    IncomeDeprived = table.Column<bool>(type: "INTEGER", nullable: false),
                    HealthDeprived = table.Column<bool>(type: "INTEGER", nullable: false),
                    EducationDeprived = table.Column<bool>(type: "INTEGER", nullable: false),
                    LivingDeprived = table.Column<bool>(type: "INTEGER", nullable: false),
                    ServicesDeprived = table.Column<bool>(type: "INTEGER", nullable: false),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HasOlderPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasPersonWithDisability = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasChild = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasBedridden = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessments_assessment_indicator_sets_IndicatorSetId",
                        column: x => x.IndicatorSetId,
                        principalTable: "assessment_indicator_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assessments_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_plans_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CitizenId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Nickname = table.Column<string>(type: "TEXT", nullable: true),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BirthDatePrecision = table.Column<int>(type: "INTEGER", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    SubdistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: true),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RoleInHousehold = table.Column<int>(type: "INTEGER", nullable: true),
                    HasDisabilityCard = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsBedridden = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsHomeless = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsSynthetic = table.Column<bool>(type: "INTEGER", nullable: false),
                    MergedIntoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Aliases = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    GivenKey = table.Column<string>(type: "TEXT", maxLength: 202, nullable: true),
                    GivenLk82 = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    GivenUdom83 = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    GivenMetaSound = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    FamilyKey = table.Column<string>(type: "TEXT", maxLength: 202, nullable: true),
                    FamilyLk82 = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    FamilyUdom83 = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    FamilyMetaSound = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    GivenCrossScript = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    FamilyCrossScript = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    OtherNamesKey = table.Column<string>(type: "TEXT", maxLength: 202, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "rights_rule_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchemeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LegalSource = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_rule_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_rule_versions_rights_schemes_SchemeCode",
                        column: x => x.SchemeCode,
                        principalTable: "rights_schemes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "import_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", nullable: false),
                    Encoding = table.Column<string>(type: "TEXT", nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Read = table.Column<long>(type: "INTEGER", nullable: false),
                    New = table.Column<long>(type: "INTEGER", nullable: false),
                    Updated = table.Column<long>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<long>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    CommittedLine = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Failure = table.Column<string>(type: "TEXT", nullable: true),
                    AwaitsLinking = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_import_runs_sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "record_links",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CurrentRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_record_links_sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "source_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RawJson = table.Column<string>(type: "TEXT", nullable: false),
                    ImportRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CitizenId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OtherId = table.Column<string>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    GivenName = table.Column<string>(type: "TEXT", nullable: true),
                    FamilyName = table.Column<string>(type: "TEXT", nullable: true),
                    Nickname = table.Column<string>(type: "TEXT", nullable: true),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BirthDatePrecision = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseNumber = table.Column<string>(type: "TEXT", nullable: true),
                    Moo = table.Column<string>(type: "TEXT", nullable: true),
                    Soi = table.Column<string>(type: "TEXT", nullable: true),
                    Road = table.Column<string>(type: "TEXT", nullable: true),
                    SubdistrictCode = table.Column<string>(type: "TEXT", nullable: true),
                    DistrictCode = table.Column<string>(type: "TEXT", nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    HasDisabilityCard = table.Column<bool>(type: "INTEGER", nullable: true),
                    Problems = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_source_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_source_records_sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "area_plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    TitleTh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FirstYear = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnersTh = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_area_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_area_plans_districts_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "districts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "communities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_communities_districts_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "districts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subdistricts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subdistricts", x => x.Code);
                    table.ForeignKey(
                        name: "FK_subdistricts_districts_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "districts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Number = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    YesNo = table.Column<bool>(type: "INTEGER", nullable: true),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assessment_answers_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assessment_photos",
                columns: table => new
                {
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SizeBytes = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_photos", x => x.AssessmentId);
                    table.ForeignKey(
                        name: "FK_assessment_photos_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProblemCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Dimension = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AgencyKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CasePlanId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_actions_case_plans_CasePlanId",
                        column: x => x.CasePlanId,
                        principalTable: "case_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "household_memberships",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_household_memberships_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_household_memberships_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FromAgency = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ToAgency = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    StatusNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referrals_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rights_enrolments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_enrolments_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_rights_enrolments_rights_schemes_SchemeCode",
                        column: x => x.SchemeCode,
                        principalTable: "rights_schemes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "rights_person_facts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Flag = table.Column<bool>(type: "INTEGER", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_person_facts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_person_facts_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rights_evaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchemeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RuleVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<byte>(type: "INTEGER", nullable: false),
                    MonthlyAmount = table.Column<int>(type: "INTEGER", nullable: false),
                    Met = table.Column<ushort>(type: "INTEGER", nullable: false),
                    Failed = table.Column<ushort>(type: "INTEGER", nullable: false),
                    Unknown = table.Column<ushort>(type: "INTEGER", nullable: false),
                    EvaluatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rights_evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rights_evaluations_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_rights_evaluations_rights_rule_versions_RuleVersionId",
                        column: x => x.RuleVersionId,
                        principalTable: "rights_rule_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "area_projects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AreaPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    NameTh = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PlanYear = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadAgencyKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BudgetBaht = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_area_projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_area_projects_area_plans_AreaPlanId",
                        column: x => x.AreaPlanId,
                        principalTable: "area_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "adoptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CommunityNameTh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AdoptedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_adoptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_adoptions_communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_adoptions_districts_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "districts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "area_project_households",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_area_project_households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_area_project_households_area_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "area_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_area_project_households_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "adoption_households",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdoptionId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_adoption_households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_adoption_households_adoptions_AdoptionId",
                        column: x => x.AdoptionId,
                        principalTable: "adoptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_adoption_households_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_adoption_households_AdoptionId_HouseholdId",
                table: "adoption_households",
                columns: new[] { "AdoptionId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_adoption_households_HouseholdId",
                table: "adoption_households",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_adoptions_CommunityId",
                table: "adoptions",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_adoptions_DistrictCode",
                table: "adoptions",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_area_plans_DistrictCode",
                table: "area_plans",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_area_project_households_HouseholdId",
                table: "area_project_households",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_area_project_households_ProjectId_HouseholdId",
                table: "area_project_households",
                columns: new[] { "ProjectId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_area_projects_AreaPlanId",
                table: "area_projects",
                column: "AreaPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessment_answers_AssessmentId",
                table: "assessment_answers",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_assessment_indicator_sets_Version",
                table: "assessment_indicator_sets",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assessments_HouseholdId_Status",
                table: "assessments",
                columns: new[] { "HouseholdId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_assessments_IndicatorSetId",
                table: "assessments",
                column: "IndicatorSetId");

            migrationBuilder.CreateIndex(
                name: "IX_assessments_latest_area",
                table: "assessments",
                columns: new[] { "IsLatest", "DistrictCode", "SubdistrictCode", "CommunityId", "IsPoor", "ScoreBasisPoints" });

            migrationBuilder.CreateIndex(
                name: "IX_assessments_latest_score",
                table: "assessments",
                columns: new[] { "IsLatest", "ScoreBasisPoints" });

            migrationBuilder.CreateIndex(
                name: "IX_assessments_one_draft",
                table: "assessments",
                column: "HouseholdId",
                unique: true,
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_At",
                table: "audit_log",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_RecordType_RecordId",
                table: "audit_log",
                columns: new[] { "RecordType", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_UserName",
                table: "audit_log",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_case_actions_AgencyKey_Status_DueOn",
                table: "case_actions",
                columns: new[] { "AgencyKey", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_case_actions_CasePlanId",
                table: "case_actions",
                column: "CasePlanId");

            migrationBuilder.CreateIndex(
                name: "IX_case_plans_HouseholdId",
                table: "case_plans",
                column: "HouseholdId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_communities_DistrictCode",
                table: "communities",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_districts_GroupCode",
                table: "districts",
                column: "GroupCode");

            migrationBuilder.CreateIndex(
                name: "IX_household_memberships_HouseholdId",
                table: "household_memberships",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_household_memberships_PersonId",
                table: "household_memberships",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_households_DistrictCode",
                table: "households",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_import_rejects_ImportRunId_Line",
                table: "import_rejects",
                columns: new[] { "ImportRunId", "Line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_import_runs_SourceId_FileHash",
                table: "import_runs",
                columns: new[] { "SourceId", "FileHash" });

            migrationBuilder.CreateIndex(
                name: "IX_link_changes_FromPersonId",
                table: "link_changes",
                column: "FromPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_link_changes_RecordLinkId",
                table: "link_changes",
                column: "RecordLinkId");

            migrationBuilder.CreateIndex(
                name: "IX_link_changes_ToPersonId",
                table: "link_changes",
                column: "ToPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_BirthDate",
                table: "people",
                column: "BirthDate");

            migrationBuilder.CreateIndex(
                name: "IX_people_CitizenId",
                table: "people",
                column: "CitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_people_DistrictCode",
                table: "people",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_people_FamilyCrossScript",
                table: "people",
                column: "FamilyCrossScript");

            migrationBuilder.CreateIndex(
                name: "IX_people_FamilyKey_GivenKey",
                table: "people",
                columns: new[] { "FamilyKey", "GivenKey" });

            migrationBuilder.CreateIndex(
                name: "IX_people_FamilyKey_known_by_other_names",
                table: "people",
                column: "FamilyKey",
                filter: "\"OtherNamesKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_people_FamilyLk82",
                table: "people",
                column: "FamilyLk82");

            migrationBuilder.CreateIndex(
                name: "IX_people_FamilyMetaSound",
                table: "people",
                column: "FamilyMetaSound");

            migrationBuilder.CreateIndex(
                name: "IX_people_FamilyName",
                table: "people",
                column: "FamilyName");

            migrationBuilder.CreateIndex(
                name: "IX_people_FamilyUdom83",
                table: "people",
                column: "FamilyUdom83");

            migrationBuilder.CreateIndex(
                name: "IX_people_GivenCrossScript_FamilyCrossScript",
                table: "people",
                columns: new[] { "GivenCrossScript", "FamilyCrossScript" });

            migrationBuilder.CreateIndex(
                name: "IX_people_GivenKey_FamilyKey",
                table: "people",
                columns: new[] { "GivenKey", "FamilyKey" });

            migrationBuilder.CreateIndex(
                name: "IX_people_GivenLk82_FamilyLk82",
                table: "people",
                columns: new[] { "GivenLk82", "FamilyLk82" });

            migrationBuilder.CreateIndex(
                name: "IX_people_GivenMetaSound_FamilyMetaSound",
                table: "people",
                columns: new[] { "GivenMetaSound", "FamilyMetaSound" });

            migrationBuilder.CreateIndex(
                name: "IX_people_GivenName_FamilyName",
                table: "people",
                columns: new[] { "GivenName", "FamilyName" });

            migrationBuilder.CreateIndex(
                name: "IX_people_GivenUdom83_FamilyUdom83",
                table: "people",
                columns: new[] { "GivenUdom83", "FamilyUdom83" });

            migrationBuilder.CreateIndex(
                name: "IX_people_HouseholdId",
                table: "people",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_record_links_PersonId",
                table: "record_links",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_record_links_SourceId_RecordKey",
                table: "record_links",
                columns: new[] { "SourceId", "RecordKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_referrals_PersonId",
                table: "referrals",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_PersonId_SchemeCode",
                table: "referrals",
                columns: new[] { "PersonId", "SchemeCode" },
                unique: true,
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_ToAgency_Status",
                table: "referrals",
                columns: new[] { "ToAgency", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_review_pairs_SourceIdA_RecordKeyA_SourceIdB_RecordKeyB",
                table: "review_pairs",
                columns: new[] { "SourceIdA", "RecordKeyA", "SourceIdB", "RecordKeyB" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_review_pairs_Status_DistrictCode",
                table: "review_pairs",
                columns: new[] { "Status", "DistrictCode" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_enrolments_PersonId_SchemeCode",
                table: "rights_enrolments",
                columns: new[] { "PersonId", "SchemeCode" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_enrolments_SchemeCode",
                table: "rights_enrolments",
                column: "SchemeCode");

            migrationBuilder.CreateIndex(
                name: "IX_rights_evaluations_PersonId",
                table: "rights_evaluations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_rights_evaluations_RuleVersionId",
                table: "rights_evaluations",
                column: "RuleVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_rights_evaluations_SchemeCode_Status",
                table: "rights_evaluations",
                columns: new[] { "SchemeCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_person_facts_PersonId_Kind",
                table: "rights_person_facts",
                columns: new[] { "PersonId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_rights_rule_versions_SchemeCode_Number",
                table: "rights_rule_versions",
                columns: new[] { "SchemeCode", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_source_records_SourceId_RecordKey_Version",
                table: "source_records",
                columns: new[] { "SourceId", "RecordKey", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sources_Code",
                table: "sources",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_subdistricts_DistrictCode",
                table: "subdistricts",
                column: "DistrictCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "adoption_households");

            migrationBuilder.DropTable(
                name: "area_project_households");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "assessment_answers");

            migrationBuilder.DropTable(
                name: "assessment_indicators");

            migrationBuilder.DropTable(
                name: "assessment_photos");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "case_actions");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "household_memberships");

            migrationBuilder.DropTable(
                name: "import_rejects");

            migrationBuilder.DropTable(
                name: "import_runs");

            migrationBuilder.DropTable(
                name: "link_changes");

            migrationBuilder.DropTable(
                name: "record_links");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "review_pairs");

            migrationBuilder.DropTable(
                name: "rights_enrolments");

            migrationBuilder.DropTable(
                name: "rights_evaluations");

            migrationBuilder.DropTable(
                name: "rights_person_facts");

            migrationBuilder.DropTable(
                name: "source_records");

            migrationBuilder.DropTable(
                name: "subdistricts");

            migrationBuilder.DropTable(
                name: "VolunteerAssignments");

            migrationBuilder.DropTable(
                name: "adoptions");

            migrationBuilder.DropTable(
                name: "area_projects");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "assessments");

            migrationBuilder.DropTable(
                name: "case_plans");

            migrationBuilder.DropTable(
                name: "rights_rule_versions");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "sources");

            migrationBuilder.DropTable(
                name: "communities");

            migrationBuilder.DropTable(
                name: "area_plans");

            migrationBuilder.DropTable(
                name: "assessment_indicator_sets");

            migrationBuilder.DropTable(
                name: "rights_schemes");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "districts");

            migrationBuilder.DropTable(
                name: "district_groups");
        }
    }
}
