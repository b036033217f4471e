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

    /// <summary><c>openrouter:openai/gpt-4o-mini</c> reads as "openai/gpt-4o-mini via openrouter"; <c>offline</c> as "Offline engine".</summary>
    public static string Label(string engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (engine == "offline")
        {
            return "Offline engine";
        }

        var colon = engine.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? $"{engine[(colon + 1)..]} via {engine[..colon]}" : engine;
    }

    public static string Glyph(string icon) => Glyphs.TryGetValue(icon, out var glyph) ? glyph : "•";
}
