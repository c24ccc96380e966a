using System.Text.Unicode;

namespace Saphan.Registry.Import;

/// <summary>What the sniffer found: an encoding name <see cref="Saphan.Linkage.Io.TextEncodings"/> knows, and why.</summary>
public sealed record DetectedEncoding(string Name, ImportProblem Reason);

/// <summary>
/// Guesses the encoding of an agency CSV file: a UTF-8 byte order mark says UTF-8 with BOM; otherwise the first
/// megabytes are decoded as strict UTF-8, and anything that is not valid UTF-8 is TIS-620 (read as Windows-874, its
/// superset — the two Thai encodings Thai offices' Excel writes). Valid UTF-8 is UTF-8: TIS-620 Thai text is almost never
/// valid UTF-8 by accident, because its Thai letters (0xA1–0xFB) would have to line up as UTF-8 continuation sequences.
/// A file with only ASCII in the sample is reported as UTF-8 (both read ASCII alike). The steward can override the guess.
/// </summary>
public static class EncodingSniffer
{
    public const int SampleBytes = 4 * 1024 * 1024;

    public static DetectedEncoding Detect(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Detect(stream);
    }

    public static DetectedEncoding Detect(Stream stream)
    {
        var buffer = new byte[(int)Math.Min(SampleBytes, Math.Max(stream.CanSeek ? stream.Length : SampleBytes, 0))];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var sample = buffer.AsSpan(0, n);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new("utf-8-bom", new("พบ BOM ของ UTF-8 ที่ต้นไฟล์", "a UTF-8 byte order mark starts the file"));
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new("utf-16", new("ไฟล์เป็น UTF-16 (Unicode text ของ Excel) กรุณาบันทึกใหม่เป็น CSV UTF-8", "the file is UTF-16 (Excel's Unicode text): save it again as CSV UTF-8"));

        var high = sample.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
        if (!high) return new("utf-8", new("มีแต่อักษรละติน อ่านได้ทั้ง UTF-8 และ TIS-620", "only ASCII in the first part: UTF-8 and TIS-620 read it alike"));

        // A multi-byte character cut by the end of the sample is not a reason to call the file TIS-620.
        var end = n;
        if (n == buffer.Length && n < stream.Length)
        {
            var back = 0;
            while (end > 0 && back < 3 && (buffer[end - 1] & 0xC0) == 0x80) { end--; back++; }
            if (end > 0 && buffer[end - 1] >= 0xC0) end--;
        }
        return Utf8.IsValid(sample[..end])
            ? new("utf-8", new("ถอดรหัสเป็น UTF-8 ได้ถูกต้องทั้งหมด", "the text decodes as valid UTF-8"))
            : new("tis-620", new("ไม่ใช่ UTF-8 ที่ถูกต้อง จึงน่าจะเป็น TIS-620 / Windows-874", "not valid UTF-8, so most likely TIS-620 / Windows-874"));
    }

    /// <summary>The column separator of a CSV file, guessed from its first line: comma unless tabs, semicolons or pipes are more common.</summary>
    public static string DetectDelimiter(string firstLine)
    {
        var best = ",";
        var count = firstLine.Count(c => c == ',');
        foreach (var (sep, ch) in new[] { ("\\t", '\t'), (";", ';'), ("|", '|') })
        {
            var n = firstLine.Count(c => c == ch);
            if (n > count)
            {
                best = sep;
                count = n;
            }
        }
        return best;
    }
}
