using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Saphan.Linkage.Io;
using Saphan.Linkage.Normalisation;

namespace Saphan.Registry.Import;

/// <summary>What became of a row in an import.</summary>
public enum RowOutcome
{
    /// <summary>Not decided yet (preview, or before the batch met the database).</summary>
    Pending = 0,
    New = 1,
    Updated = 2,
    Unchanged = 3,
    Rejected = 4,
}

/// <summary>One data row read, hashed and normalised; the import decides its outcome against the database.</summary>
public sealed class RowResult
{
    public required long Line { get; init; }

    /// <summary>The record key (trimmed), or null when the row has none.</summary>
    public string? Key { get; init; }

    /// <summary>64 bits of SHA-256 of the key: the in-file duplicate check keeps only these (8 bytes a row, not the keys).</summary>
    public ulong KeyFingerprint { get; init; }

    /// <summary>SHA-256 (hex) of the raw cells in column order: the same row again is recognised as unchanged.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary>The row as given: header name → cell text.</summary>
    public string RawJson { get; init; } = "{}";

    public NormalisedRecord? Read { get; init; }

    /// <summary>The nickname or street name given in the row (registry only: the linkage engine does not compare it).</summary>
    public string? Nickname { get; init; }

    /// <summary>Whether the row says the person holds a disability card; null when it does not say.</summary>
    public bool? HasDisabilityCard { get; init; }

    public ImportProblem? Rejection { get; internal set; }

    public RowOutcome Outcome { get; internal set; }

    /// <summary>The version written for a new or updated row.</summary>
    public int Version { get; internal set; }

    /// <summary>Field problems of a row that is imported (kept, reported).</summary>
    public IReadOnlyList<FieldProblem> Problems => Rejection is null ? Read?.Problems ?? [] : [];

    /// <summary>True when the row passed the checks that make its key count for the in-file duplicate check.</summary>
    public bool HasUsableKey { get; init; }
}

/// <summary>
/// Reads rows of one file through one mapping: checks the shape (column count, readable text, a record key), hashes the
/// raw cells, keeps the raw row as JSON, and normalises the mapped fields with the linkage library's
/// <see cref="Normaliser"/> (names and titles, IDs with check digit, dates in either era, addresses against the
/// gazetteer, phones). Thread-safe: rows of a batch are interpreted in parallel.
/// </summary>
public sealed class RowInterpreter
{
    public const int MaxKeyLength = 200;

    private readonly string source;
    private readonly char delimiter;
    private readonly IReadOnlyList<string> header;
    private readonly byte[][] headerJson;
    private readonly Normaliser normaliser;
    private readonly int key, title, given, family, full, citizenId, otherId, sex, birth, house, moo, soi, road, sub, district, postcode, address, phone,
        nickname, disabilityCard;

    private static readonly JavaScriptEncoder JsonText = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Resolves the mapping's columns against the header; a mapped column that is missing refuses the file.</summary>
    public RowInterpreter(SourceMapping mapping, IReadOnlyList<string> header, Normaliser normaliser)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        this.header = header;
        this.normaliser = normaliser;
        source = mapping.Source;
        delimiter = mapping.Separator;
        headerJson = [.. header.Select(h => Encoding.UTF8.GetBytes(h))];
        var problems = new List<ImportProblem>();
        int Col(string field)
        {
            var column = ImportMapping.Column(mapping, field);
            if (column is null) return -1;
            var index = IndexOf(header, column);
            if (index < 0)
                problems.Add(new ImportProblem($"ไม่พบคอลัมน์ \"{column}\" ({FieldText.Th(field)}) ในหัวตารางของไฟล์",
                    $"column \"{column}\" ({FieldText.En(field)}) is not in the file's header"));
            return index;
        }
        if (ImportMapping.Column(mapping, "recordId") is null)
            problems.Add(new ImportProblem("ยังไม่ได้เลือกคอลัมน์รหัสระเบียน (ใช้ระบุแถวเดิมเมื่อนำเข้าซ้ำ)",
                "no record key column chosen (it identifies the same row in a later file)"));
        key = Col("recordId");
        title = Col("title");
        given = Col("givenName");
        family = Col("familyName");
        full = Col("fullName");
        citizenId = Col("citizenId");
        otherId = Col("otherId");
        sex = Col("sex");
        birth = Col("birthDate");
        house = Col("houseNumber");
        moo = Col("moo");
        soi = Col("soi");
        road = Col("road");
        sub = Col("subdistrict");
        district = Col("district");
        postcode = Col("postcode");
        address = Col("address");
        phone = Col("phone");
        nickname = Col("nickname");
        disabilityCard = Col("disabilityCard");
        var c = mapping.Columns;
        if (c.GivenName is null && c.FamilyName is null && c.FullName is null && c.CitizenId is null && c.OtherId is null)
            problems.Add(new ImportProblem("ต้องเลือกคอลัมน์ชื่อ หรือเลขประจำตัว อย่างน้อยหนึ่งคอลัมน์", "map at least one name or identifier column"));
        if (problems.Count > 0) throw new ImportRefusedException(problems);
    }

    public IReadOnlyList<string> Header => header;

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (var i = 0; i < header.Count; i++)
            if (string.Equals(header[i], column.Trim(), StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>Only what the in-file duplicate check needs, for rows a resumed import skips.</summary>
    public (bool Usable, ulong Fingerprint) KeyOf(TableRow row)
    {
        if (row.Cells.Length != header.Count || row.TookOtherRows(header.Count, delimiter)) return (false, 0);
        var k = Cell(row, key);
        // The same checks, in the same order, as Interpret's before it counts the key: a resumed run must reject exactly the
        // duplicates an uninterrupted one would (a row rejected for an unreadable cell anywhere does not use up its key).
        return Array.Exists(row.Cells, c => c.Contains('\uFFFD')) || k is null || k.Length > MaxKeyLength ? (false, 0) : (true, Fingerprint(k));
    }

    public RowResult Interpret(TableRow row)
    {
        var cells = row.Cells;
        var raw = RawJson(cells);
        var hash = ContentHash(cells);
        if (row.TookOtherRows(header.Count, delimiter))
        {
            // Told apart from a wrong column count: the steward must know that the rows in between were not read at all.
            return new RowResult
            {
                Line = row.Line, ContentHash = hash, RawJson = raw, Outcome = RowOutcome.Rejected,
                Key = key < cells.Length ? Cell(row, key) : null,
                Rejection = new ImportProblem(StrayQuote.Th(row.Line, row.LastLine), StrayQuote.En(row.Line, row.LastLine)),
            };
        }
        if (cells.Length != header.Count)
        {
            return new RowResult
            {
                Line = row.Line, ContentHash = hash, RawJson = raw, Outcome = RowOutcome.Rejected,
                Key = key < cells.Length ? Cell(row, key) : null,
                Rejection = new ImportProblem($"จำนวนคอลัมน์ไม่ตรงกับหัวตาราง (หัวตารางมี {header.Count} พบ {cells.Length})",
                    $"{cells.Length} columns, but the header has {header.Count}"),
            };
        }
        var recordKey = Cell(row, key);
        ImportProblem? rejection = null;
        if (Array.Exists(cells, c => c.Contains('\uFFFD')))
            rejection = new ImportProblem("มีตัวอักษรที่อ่านไม่ได้ (การเข้ารหัสไฟล์ไม่ตรง เช่น TIS-620 อ่านเป็น UTF-8)",
                "unreadable characters: the encoding does not match (e.g. TIS-620 read as UTF-8)");
        else if (recordKey is null)
            rejection = new ImportProblem("ไม่มีรหัสระเบียน", "no record key");
        else if (recordKey.Length > MaxKeyLength)
            rejection = new ImportProblem($"รหัสระเบียนยาวเกิน {MaxKeyLength} ตัวอักษร", $"record key longer than {MaxKeyLength} characters");
        if (rejection is not null)
            return new RowResult { Line = row.Line, Key = recordKey, ContentHash = hash, RawJson = raw, Rejection = rejection, Outcome = RowOutcome.Rejected };

        var read = normaliser.Normalise(new RawPerson
        {
            Source = source, RecordId = recordKey!, Title = Cell(row, title), GivenName = Cell(row, given), FamilyName = Cell(row, family),
            FullName = Cell(row, full), CitizenId = Cell(row, citizenId), OtherId = Cell(row, otherId), Sex = Cell(row, sex),
            BirthDate = Cell(row, birth), HouseNumber = Cell(row, house), Moo = Cell(row, moo), Soi = Cell(row, soi), Road = Cell(row, road),
            Subdistrict = Cell(row, sub), District = Cell(row, district), Postcode = Cell(row, postcode), Address = Cell(row, address),
            Phone = Cell(row, phone),
        });
        var card = DisabilityCard(Cell(row, disabilityCard), out var cardProblem);
        if (cardProblem is not null) read = read with { Problems = [.. read.Problems, cardProblem] };
        var result = new RowResult
        {
            Line = row.Line, Key = recordKey, KeyFingerprint = Fingerprint(recordKey!), ContentHash = hash, RawJson = raw, Read = read, HasUsableKey = true,
            Nickname = Cell(row, nickname) is { } nick ? Clip(ThaiText.Normalise(nick).Trim(), 100) : null, HasDisabilityCard = card,
        };
        if (!read.IsLinkable)
        {
            var p = read.Problems.First(x => x.Severity == FieldProblemSeverity.Rejected);
            result.Rejection = new ImportProblem(p.MessageTh, p.MessageEn);
            result.Outcome = RowOutcome.Rejected;
        }
        return result;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    // How agencies fill a yes/no column: Thai words, English words, 1/0, or a tick ("/" on Thai paper forms).
    private static readonly string[] Yes = ["มี", "มีบัตร", "ใช่", "y", "yes", "true", "1", "/", "✓", "✔"];
    private static readonly string[] No = ["ไม่มี", "ไม่มีบัตร", "ไม่ใช่", "ไม่", "n", "no", "false", "0", "-"];

    /// <summary>Reads a disability-card cell; an unreadable value keeps the row, drops the field and says why.</summary>
    internal static bool? DisabilityCard(string? cell, out FieldProblem? problem)
    {
        problem = null;
        if (cell is null) return null;
        var value = ThaiText.Normalise(cell).Trim().ToLowerInvariant();
        if (Yes.Contains(value, StringComparer.Ordinal)) return true;
        if (No.Contains(value, StringComparer.Ordinal)) return false;
        problem = new FieldProblem("disabilityCard", "disabilityCard.unreadable", "อ่านช่องบัตรคนพิการไม่ได้ (ใช้ มี/ไม่มี)", "unreadable disability card value (use yes/no)")
        {
            Value = cell.Length <= 40 ? cell : cell[..40],
        };
        return null;
    }

    private static string? Cell(TableRow row, int index)
    {
        if (index < 0 || index >= row.Cells.Length) return null;
        var text = row.Cells[index].AsSpan().Trim();
        return text.Length == 0 ? null : text.Length == row.Cells[index].Length ? row.Cells[index] : text.ToString();
    }

    public static ulong Fingerprint(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        var max = Encoding.UTF8.GetMaxByteCount(key.Length);
        var rented = max <= 512 ? null : ArrayPool<byte>.Shared.Rent(max);
        Span<byte> bytes = rented is null ? stackalloc byte[512] : rented;
        var n = Encoding.UTF8.GetBytes(key, bytes);
        SHA256.HashData(bytes[..n], hash);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        var value = BinaryPrimitives.ReadUInt64LittleEndian(hash);
        return value == 0 ? 1 : value;
    }

    /// <summary>SHA-256 over the cells' UTF-8, each followed by the unit separator (so "a,bc" and "ab,c" differ).</summary>
    public static string ContentHash(string[] cells)
    {
        var length = 0;
        foreach (var c in cells) length += Encoding.UTF8.GetMaxByteCount(c.Length) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var n = 0;
            foreach (var c in cells)
            {
                n += Encoding.UTF8.GetBytes(c, buffer.AsSpan(n));
                buffer[n++] = 0x1F;
            }
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, n), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? jsonBuffer;

    private string RawJson(string[] cells)
    {
        var buffer = jsonBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonText, SkipValidation = true }))
        {
            json.WriteStartObject();
            for (var i = 0; i < cells.Length; i++)
            {
                if (i < headerJson.Length) json.WritePropertyName(headerJson[i]);
                else json.WritePropertyName("#" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                json.WriteStringValue(cells[i]);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>Field names for people, in Thai and English.</summary>
public static class FieldText
{
    public static string Th(string field) => field switch
    {
        "recordId" => "รหัสระเบียน", "title" => "คำนำหน้า", "givenName" => "ชื่อ", "familyName" => "นามสกุล", "fullName" => "ชื่อ-นามสกุลในช่องเดียว",
        "citizenId" => "เลขประจำตัวประชาชน", "otherId" => "เลขประจำตัวอื่น", "sex" => "เพศ", "birthDate" => "วันเกิด", "houseNumber" => "บ้านเลขที่",
        "moo" => "หมู่", "soi" => "ซอย", "road" => "ถนน", "subdistrict" => "แขวง", "district" => "เขต", "postcode" => "รหัสไปรษณีย์",
        "address" => "ที่อยู่ในช่องเดียว", "phone" => "โทรศัพท์", "nickname" => "ชื่อเล่น", "disabilityCard" => "บัตรคนพิการ (มี/ไม่มี)", _ => field,
    };

    public static string En(string field) => field switch
    {
        "recordId" => "record key", "title" => "title", "givenName" => "given name", "familyName" => "family name", "fullName" => "full name in one cell",
        "citizenId" => "citizen ID", "otherId" => "other identifier", "sex" => "sex", "birthDate" => "birth date", "houseNumber" => "house number",
        "moo" => "moo (village no.)", "soi" => "soi", "road" => "road", "subdistrict" => "subdistrict (khwaeng)", "district" => "district (khet)",
        "postcode" => "postcode", "address" => "address in one cell", "phone" => "phone", "nickname" => "nickname",
        "disabilityCard" => "disability card (yes/no)", _ => field,
    };
}
