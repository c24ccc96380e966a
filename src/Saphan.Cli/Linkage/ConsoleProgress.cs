using System.Diagnostics;
using System.Globalization;

namespace Saphan.Cli.Linkage;

/// <summary>
/// A one-line progress bar on stderr, redrawn at most 5 times a second. When stderr is redirected (a log file,
/// CI), it prints a plain line per stage instead of carriage returns.
/// </summary>
internal sealed class ConsoleProgress(TextWriter stderr, bool enabled)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Stopwatch sinceDraw = Stopwatch.StartNew();
    private readonly bool interactive = !Console.IsErrorRedirected;
    private string? stage;

    public void Report(string name, long done, long total)
    {
        if (!enabled) return;
        var changed = name != stage;
        if (!changed && sinceDraw.ElapsedMilliseconds < 200 && done < total) return;
        sinceDraw.Restart();
        if (changed && stage is not null && interactive) stderr.WriteLine();
        stage = name;
        var fraction = total > 0 ? Math.Clamp((double)done / total, 0, 1) : 0;
        const int width = 30;
        var filled = (int)(fraction * width);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{name,-32} [{new string('#', filled)}{new string('.', width - filled)}] {fraction,4:P0} {clock.Elapsed.TotalSeconds,6:0.0}s");
        if (interactive) stderr.Write("\r" + line);
        else if (changed) stderr.WriteLine(line);
    }

    public void Done()
    {
        if (enabled && interactive && stage is not null) stderr.WriteLine();
    }
}
