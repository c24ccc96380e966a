namespace Saphan.Registry.Sources;

/// <summary>
/// A registered agency dataset (แหล่งข้อมูล): who owns it, what it holds, why Saphan may process it (PDPA), and who looks
/// after it. Every source record, person link and import points back to one.
/// </summary>
public sealed class Source
{
    private Source() { }

    public int Id { get; private set; }

    /// <summary>A short stable key, e.g. "bma-1002-welfare", used in files and URLs.</summary>
    public string Code { get; private set; } = "";

    public string NameTh { get; private set; } = "";
    public string NameEn { get; private set; } = "";

    /// <summary>The agency that owns the data (e.g. สำนักงานเขตดุสิต, กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ).</summary>
    public string OwnerAgency { get; private set; } = "";

    /// <summary>What the dataset holds (e.g. the district's welfare register, the disability register).</summary>
    public string Holds { get; private set; } = "";

    public string Purpose { get; private set; } = "";
    public LegalBasis LegalBasis { get; private set; }

    /// <summary>The law or regulation behind the legal basis, in words.</summary>
    public string LegalBasisNote { get; private set; } = "";

    /// <summary>The data steward responsible (user name).</summary>
    public string Steward { get; private set; } = "";

    /// <summary>The column mapping used last time (JSON of <see cref="Saphan.Linkage.Io.SourceMapping"/>), offered again on the next import.</summary>
    public string? MappingProfile { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public static Source Register(string code, string nameTh, string nameEn, string ownerAgency, string holds, string purpose,
        LegalBasis legalBasis, string legalBasisNote, string steward, DateTimeOffset now)
    {
        code = code.Trim().ToLowerInvariant();
        if (code.Length is < 2 or > 60 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException("A source code is 2–60 letters, digits, '-' or '_'.", nameof(code));
        if (string.IsNullOrWhiteSpace(nameTh)) throw new ArgumentException("A source needs a Thai name.", nameof(nameTh));
        if (string.IsNullOrWhiteSpace(purpose)) throw new ArgumentException("A source needs a purpose (PDPA s.21).", nameof(purpose));
        return new Source
        {
            Code = code, NameTh = nameTh.Trim(), NameEn = nameEn.Trim(), OwnerAgency = ownerAgency.Trim(), Holds = holds.Trim(),
            Purpose = purpose.Trim(), LegalBasis = legalBasis, LegalBasisNote = legalBasisNote.Trim(), Steward = steward.Trim(), RegisteredAt = now,
        };
    }

    public void RememberMapping(string mappingJson) => MappingProfile = mappingJson;
}

/// <summary>PDPA lawful bases that fit welfare work (s.24, and s.26 for sensitive data).</summary>
public enum LegalBasis
{
    /// <summary>s.24(4): a task in the public interest or official authority.</summary>
    PublicTask = 1,

    /// <summary>s.24(6): a legal obligation of the controller.</summary>
    LegalObligation = 2,

    /// <summary>s.24(2) / s.26(1): to prevent danger to life, body or health.</summary>
    VitalInterest = 3,

    /// <summary>s.26(5): necessary under a law for social protection, health or social care (sensitive data).</summary>
    SocialProtectionLaw = 4,

    /// <summary>s.19: the data subject's consent.</summary>
    Consent = 5,
}
