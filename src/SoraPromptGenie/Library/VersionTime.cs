using System.Globalization;

namespace SoraPromptGenie.Library;

/// <summary>When a version was saved, as the version list shows it: relative to now, with the full UTC time beside it.</summary>
public static class VersionTime
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Relative(DateTime savedUtc, DateTimeOffset now)
    {
        var age = now.UtcDateTime - DateTime.SpecifyKind(savedUtc, DateTimeKind.Utc);
        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => Count((int)age.TotalMinutes, "minute") + " ago",
            { TotalDays: < 1 } => Count((int)age.TotalHours, "hour") + " ago",
            { TotalDays: < 2 } => "yesterday",
            { TotalDays: < 7 } => Count((int)age.TotalDays, "day") + " ago",
            _ => savedUtc.ToString(savedUtc.Year == now.UtcDateTime.Year ? "d MMM" : "d MMM yyyy", Invariant),
        };
    }

    public static string Full(DateTime savedUtc) => savedUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Invariant);

    /// <summary>The machine-readable form for the <c>datetime</c> attribute of <c>&lt;time&gt;</c>.</summary>
    public static string Iso(DateTime savedUtc) => DateTime.SpecifyKind(savedUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", Invariant);

    private static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n.ToString(Invariant)} {unit}s";
}
