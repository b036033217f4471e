using System.Globalization;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Studio;

/// <summary>A mark beside a target's name: its <see cref="Kind"/> styles it, its <see cref="Text"/> says it.</summary>
public sealed record TargetMark(string Kind, string Text);

/// <summary>How the studio names a target: its display name with what a person must know before writing for it.</summary>
public static class TargetLabels
{
    /// <summary>"Sora 2 — retired 2026-09-24", "Kling 3 — unverified", "Runway Gen-4.5".</summary>
    public static string Label(TargetProfile target, string status)
    {
        ArgumentNullException.ThrowIfNull(target);
        var marks = Marks(target, status);
        return marks.Count == 0 ? target.DisplayName : $"{target.DisplayName} — {string.Join(", ", marks.Select(m => m.Text))}";
    }

    /// <summary>The status (retired or retiring with its date, preview) and whether the request is unverified.</summary>
    public static IReadOnlyList<TargetMark> Marks(TargetProfile target, string status)
    {
        ArgumentNullException.ThrowIfNull(target);
        var marks = new List<TargetMark>();
        if (status == TargetStatus.Retired)
        {
            marks.Add(new TargetMark(TargetStatus.Retired, "retired " + Date(target.RetiredOn ?? target.RetiresOn)));
        }
        else if (status == TargetStatus.Deprecated)
        {
            marks.Add(new TargetMark(TargetStatus.Deprecated, "retires " + Date(target.RetiresOn)));
        }
        else if (status == TargetStatus.Preview)
        {
            marks.Add(new TargetMark(TargetStatus.Preview, "preview"));
        }

        if (!target.Verified)
        {
            marks.Add(new TargetMark("unverified", "unverified"));
        }

        return marks;
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
