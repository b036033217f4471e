using SoraPromptGenie.Core.Engines;

namespace SoraPromptGenie.Studio;

/// <summary>Short labels for the studio's chrome: engine names and category icons.</summary>
public static class EngineDisplay
{
    // The catalog names Material icons; without an icon font (no CDN under our CSP) a close Unicode glyph stands in.
    private static readonly Dictionary<string, string> Glyphs = new(StringComparer.Ordinal)
    {
        ["photo_camera"] = "◉",
        ["videocam"] = "▶",
        ["light_mode"] = "☀",
        ["palette"] = "◑",
        ["center_focus_strong"] = "◎",
        ["cloud"] = "☁",
        ["schedule"] = "◷",
        ["theater_comedy"] = "♪",
        ["movie_filter"] = "✦",
        ["slow_motion_video"] = "◌",
        ["grid_on"] = "▦",
        ["texture"] = "▤",
    };

    /// <summary>
    /// The engine as a creator reads it: <c>openrouter:openai/gpt-4o-mini</c> is "AI (gpt-4o-mini)", <c>offline</c> is
    /// "Offline". The host and the model's vendor are operator detail that the log and the API still carry.
    /// </summary>
    public static string Label(string engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (engine == EngineLabels.Offline)
        {
            return "Offline";
        }

        var model = engine[(engine.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var name = model[(model.LastIndexOf('/') + 1)..];
        return $"AI ({(name.Length > 0 ? name : model)})";
    }

    public static string Glyph(string icon) => Glyphs.TryGetValue(icon, out var glyph) ? glyph : "•";
}
