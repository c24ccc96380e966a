using System.Text;
using nietras.SeparatedValues;
using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Io;

/// <summary>Row counts of one input file. Every row read is either accepted (linked) or rejected.</summary>
public sealed record FileCounts(string File, string Source)
{
    public long Read { get; internal set; }
    public long Accepted { get; internal set; }
    public long Rejected { get; internal set; }
    public long FieldsIgnored { get; internal set; }
}

/// <summary>
/// Streams one agency CSV file through its mapping: never loads the file whole, so a 2 GB file costs the same
/// memory as a small one (plus the features of the records kept).
/// </summary>
public static class AgencyFileReader
{
    private const int SniffBytes = 64 * 1024;

    /// <summary>
    /// Reads <paramref name="path"/> without a gazetteer (place names compared as text); calls <paramref name="accept"/> for each
    /// linked record and <paramref name="reject"/> for each problem (rows rejected, fields ignored, file warnings).
    /// </summary>
    public static FileCounts Read(string path, SourceMapping mapping, Action<LinkRecord> accept, Action<Reject> reject,
        Action<long, long>? progress = null, ISet<string>? seenIds = null) =>
        Read(path, mapping, null, accept, reject, progress, seenIds);

    /// <summary>
    /// Reads <paramref name="path"/>, normalising each row with the shared <see cref="Normaliser"/> (subdistricts and districts
    /// matched to DOPA codes when <paramref name="gazetteer"/> is given). A row is rejected only when it cannot be linked;
    /// a field the linkage cannot use is reported as ignored and the row is linked without it.
    /// </summary>
    public static FileCounts Read(string path, SourceMapping mapping, Gazetteer? gazetteer, Action<LinkRecord> accept, Action<Reject> reject,
        Action<long, long>? progress = null, ISet<string>? seenIds = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(accept);
        ArgumentNullException.ThrowIfNull(reject);
        var file = Path.GetFileName(path);
        var counts = new FileCounts(file, mapping.Source);
        var encoding = mapping.ParsedEncoding;
        var normaliser = new Normaliser(mapping.ParsedDateConvention, gazetteer);
        seenIds ??= new HashSet<string>(StringComparer.Ordinal);

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var length = stream.Length;
        if (length == 0)
        {
            reject(Reasons.EmptyFile(file));
            return counts;
        }
        var mismatch = SniffEncoding(stream, encoding);
        if (mismatch is not null) reject(Reasons.WrongEncodingFile(file, mapping.Encoding, mismatch));
        var declaredSingleByteButUtf8 = mismatch == "utf-8" && TextEncodings.IsThaiSingleByte(encoding);

        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: !TextEncodings.IsThaiSingleByte(encoding), 1 << 16);
        var separator = mapping.Separator;
        // Lines above the header (a title block) are skipped; rows keep their line numbers in the file.
        long above = Math.Max(0, mapping.HeaderLine - 1);
        for (var i = 0; i < above && text.ReadLine() is not null; i++) { }
        using var reader = Sep.Reader(o => o with { Sep = new Sep(separator), Unescape = true, DisableColCountCheck = true, HasHeader = true })
            .From(text);
        if (reader.Header.IsEmpty)
        {
            reject(Reasons.EmptyFile(file));
            return counts;
        }

        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = reader.Header.ColNames;
        for (var i = 0; i < names.Count; i++) header.TryAdd(names[i].Trim().Trim('\uFEFF'), i);
        var columnCount = names.Count;

        int Col(string field, string? column, bool required, List<string> missingRequired)
        {
            if (column is null) return -1;
            if (header.TryGetValue(column.Trim(), out var idx)) return idx;
            reject(Reasons.MissingColumn(file, field, column, required));
            if (required) missingRequired.Add(column);
            return -1;
        }

        var missing = new List<string>();
        var c = mapping.Columns;
        var cRecordId = Col("recordId", mapping.RecordId, true, missing);
        var cTitle = Col("title", c.Title, false, missing);
        var cGiven = Col("givenName", c.GivenName, false, missing);
        var cFamily = Col("familyName", c.FamilyName, false, missing);
        var cFull = Col("fullName", c.FullName, false, missing);
        var cId = Col("citizenId", c.CitizenId, false, missing);
        var cOther = Col("otherId", c.OtherId, false, missing);
        var cSex = Col("sex", c.Sex, false, missing);
        var cBirth = Col("birthDate", c.BirthDate, false, missing);
        var cHouse = Col("houseNumber", c.HouseNumber, false, missing);
        var cMoo = Col("moo", c.Moo, false, missing);
        var cSoi = Col("soi", c.Soi, false, missing);
        var cRoad = Col("road", c.Road, false, missing);
        var cSub = Col("subdistrict", c.Subdistrict, false, missing);
        var cDist = Col("district", c.District, false, missing);
        var cPost = Col("postcode", c.Postcode, false, missing);
        var cAddress = Col("address", c.Address, false, missing);
        var cPhone = Col("phone", c.Phone, false, missing);
        if (cGiven < 0 && cFamily < 0 && cFull < 0 && cId < 0 && cOther < 0 && (c.GivenName ?? c.FamilyName ?? c.FullName ?? c.CitizenId) is { } anyName)
        {
            // No column to link on survived: that is as fatal as a missing record id.
            missing.Add(anyName);
        }

        var lastReport = 0L;
        var lastRowLine = above + 1;
        try
        {
            foreach (var row in reader)
            {
                counts.Read++;
                var line = above + row.LineNumberFrom;
                if (counts.Read - lastReport >= 50_000)
                {
                    lastReport = counts.Read;
                    progress?.Invoke(stream.Position, length);
                }
                var recordId = Get(row, cRecordId);
                if (missing.Count > 0)
                {
                    Rejected(Reasons.MissingRequiredColumnRow(file, line, missing[0]) with { RecordId = recordId });
                    continue;
                }
                var lastLine = lastRowLine = above + StrayQuote.LastLine(row.LineNumberToExcl, row.ColCount > 0 ? row[row.ColCount - 1].Span : default);
                if (lastLine > line && StrayQuote.TookOtherRows(CellsOf(row), columnCount, separator))
                {
                    Rejected(Reasons.StrayQuote(file, line, recordId, lastLine));
                    continue;
                }
                if (row.ColCount != columnCount)
                {
                    Rejected(Reasons.ColumnCount(file, line, recordId, columnCount, row.ColCount));
                    continue;
                }
                if (declaredSingleByteButUtf8 || row.Span.Contains('\uFFFD'))
                {
                    Rejected(Reasons.BadEncoding(file, line, recordId));
                    continue;
                }
                if (recordId is null)
                {
                    Rejected(Reasons.NoRecordId(file, line));
                    continue;
                }
                var read = normaliser.Normalise(new RawPerson
                {
                    Source = mapping.Source, RecordId = recordId, Title = Get(row, cTitle), GivenName = Get(row, cGiven), FamilyName = Get(row, cFamily),
                    FullName = Get(row, cFull), CitizenId = Get(row, cId), OtherId = Get(row, cOther), Sex = Get(row, cSex), BirthDate = Get(row, cBirth),
                    HouseNumber = Get(row, cHouse), Moo = Get(row, cMoo), Soi = Get(row, cSoi), Road = Get(row, cRoad), Subdistrict = Get(row, cSub),
                    District = Get(row, cDist), Postcode = Get(row, cPost), Address = Get(row, cAddress), Phone = Get(row, cPhone),
                });
                if (!read.IsLinkable)
                {
                    Rejected(Reasons.Problem(file, line, recordId, RejectAction.RowRejected, read.Problems.First(p => p.Severity == FieldProblemSeverity.Rejected)));
                    continue;
                }
                if (!seenIds.Add(recordId))
                {
                    Rejected(Reasons.DuplicateRecordId(file, line, recordId));
                    continue;
                }
                foreach (var p in read.Problems)
                {
                    if (!NotCompared(p, read.Record)) continue;
                    counts.FieldsIgnored++;
                    reject(Reasons.Problem(file, line, recordId, RejectAction.FieldIgnored, p));
                }
                counts.Accepted++;
                accept(read.Record);
            }
        }
        catch (NotSupportedException)
        {
            // Sep stops a row at 16 million characters: a quote that never closed has taken the rest of the file.
            reject(Reasons.NeverClosedQuote(file, lastRowLine));
        }
        progress?.Invoke(length, length);
        return counts;

        static string[] CellsOf(SepReader.Row row)
        {
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = row[i].ToString();
            return cells;
        }

        static string? Get(SepReader.Row row, int idx)
        {
            if (idx < 0 || idx >= row.ColCount) return null;
            var span = row[idx].Span.Trim();
            return span.Length == 0 ? null : span.ToString();
        }

        void Rejected(Reject r)
        {
            counts.Rejected++;
            reject(r);
        }
    }

    /// <summary>
    /// A problem the linkage run must report as an ignored field: a dropped value, and a citizen ID kept for the officer that
    /// the model never compares because it is not 13 digits. Other flagged values are compared and not reported here.
    /// </summary>
    private static bool NotCompared(FieldProblem problem, LinkRecord record) =>
        problem.Severity == FieldProblemSeverity.Dropped
        || problem.Field == FieldNames.CitizenId && record.CitizenId is not { Digits.Length: 13 };

    /// <summary>
    /// Looks at the first 64 KB: a file declared UTF-8 that is not valid UTF-8 but has Thai single-byte characters
    /// "looks like tis-620"; a file declared TIS-620 that is valid UTF-8 with multi-byte characters "looks like utf-8".
    /// </summary>
    internal static string? SniffEncoding(Stream stream, Encoding declared)
    {
        var buffer = new byte[SniffBytes];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var span = buffer.AsSpan(0, n);
        var high = false;
        foreach (var b in span) if (b >= 0x80) { high = true; break; }
        if (!high) return null;
        // Do not judge a multi-byte character cut at the end of the sample.
        var end = n;
        if (n == SniffBytes) while (end > 0 && end > n - 4 && (buffer[end - 1] & 0xC0) == 0x80) end--;
        if (n == SniffBytes && end > 0 && buffer[end - 1] >= 0xC0) end--;
        var validUtf8 = System.Text.Unicode.Utf8.IsValid(span[..end]);
        if (TextEncodings.IsThaiSingleByte(declared)) return validUtf8 ? "utf-8" : null;
        return validUtf8 ? null : "tis-620";
    }
}
