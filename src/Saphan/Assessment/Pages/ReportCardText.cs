using System.Globalization;
using Microsoft.Extensions.Localization;
using Saphan.Assessment.Indicators;
using Saphan.Localization;

namespace Saphan.Assessment.Pages;

/// <summary>How the report card's pages say things: messages for answer problems, scores, dimensions.</summary>
public static class ReportCardText
{
    public static bool Thai => SaphanCultures.IsThai(CultureInfo.CurrentUICulture);

    public static string Dimension(IStringLocalizer<Text> l, Dimension dimension) => l["RcDimension" + dimension];

    /// <summary>A clear message for one problem, in the viewer's language (Thai first).</summary>
    public static string Problem(IStringLocalizer<Text> l, AnswerProblem problem) => problem.Kind switch
    {
        AnswerProblemKind.BelowMinimum or AnswerProblemKind.AboveMaximum =>
            string.Format(CultureInfo.CurrentCulture, l["RcProblem" + problem.Kind], (problem.Bound ?? 0).ToString("N0", CultureInfo.CurrentCulture)),
        AnswerProblemKind.PhotoTooLarge =>
            string.Format(CultureInfo.CurrentCulture, l["RcProblem" + problem.Kind], ((problem.Bound ?? 0) / 1_000_000m).ToString("0.#", CultureInfo.CurrentCulture)),
        _ => l["RcProblem" + problem.Kind],
    };

    /// <summary>A score in basis points as a percentage of the weighted indicators (e.g. "26.7%").</summary>
    public static string Score(int basisPoints) => (basisPoints / 10_000m).ToString("P1", CultureInfo.CurrentCulture);

    public static string Share(decimal? share) => share is { } s ? s.ToString("P1", CultureInfo.CurrentCulture) : "–";

    public static string Count(int? value, bool protecting = false) => value is { } v ? DateText.Number(v) : Saphan.Storage.SmallCountSuppression.Mark(protecting);

    /// <summary>One count of an area: "&lt;5" when small, "×" when hidden to protect a small count beside it.</summary>
    public static string Count(Figures.AreaFigure figure, Figures.AreaMeasures measure, int? value) => Count(value, figure.Protecting.HasFlag(measure));

    public static string Year(int ceYear) => Thai ? $"พ.ศ. {ceYear + 543}" : ceYear.ToString(CultureInfo.InvariantCulture);
}
