using System.Text.RegularExpressions;

namespace SoraPromptGenie.Core.Lint;

/// <summary>
/// Multi-word and shaped patterns of the lint rules, source-generated. Every pattern is anchored on word boundaries
/// and avoids nested quantifiers, so matching stays linear in the prompt's length.
/// </summary>
internal static partial class LintPatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>Shot sizes and camera angles.</summary>
    [GeneratedRegex("""
        \b(?:
            (?:extreme|medium|tight)[\s-]+close[\s-]?ups?
          | close[\s-]?ups?
          | (?:extreme[\s-]+|medium[\s-]+)?(?:wide|long|full|medium|establishing|two|cowboy|insert|master|overhead|aerial|profile)[\s-]+shots?
          | medium[\s-]+(?:wide|long|full)
          | wide[\s-]+angle
          | (?:low|high|dutch|canted|oblique)[\s-]+angle
          | eye[\s-]+level
          | (?:bird|worm)['’]?s[\s-]+eye
          | over[\s-]+the[\s-]+shoulder
          | point[\s-]+of[\s-]+view
          | pov | ecu | mcu | ots
          | top[\s-]+down
        )\b
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    public static partial Regex Framing { get; }

    [GeneratedRegex(@"\bdoll(?:y|ies|ying|ied)\b", Options)]
    public static partial Regex Dolly { get; }

    // The look-ahead keeps "pushes in the door" (a subject action with an object) from reading as a camera move.
    [GeneratedRegex(@"\b(?:push(?:es|ing)?[\s-]+in(?:to|wards?)?(?![\s-]+(?:the|a|an|her|his|their|its)\b)|slow[\s-]+push)\b", Options)]
    public static partial Regex PushIn { get; }

    [GeneratedRegex(@"\bpull(?:s|ing)?[\s-]+(?:back|out)\b(?![\s-]+(?:the|a|an|her|his|their|its)\b)", Options)]
    public static partial Regex PullBack { get; }

    [GeneratedRegex(@"\b(?:tracking[\s-]+(?:shot|camera|move)|camera[\s-]+(?:tracks|follows|trails)|follow(?:ing)?[\s-]+(?:shot|cam)|trucks?[\s-]+(?:left|right))\b", Options)]
    public static partial Regex Tracking { get; }

    [GeneratedRegex(@"\b(?:whip[\s-]+pan|(?:slow|slowly|quick)[\s-]+pan|pan(?:s|ning|ned)?[\s-]+(?:left|right|across|over|slowly|up|down|from|to)|panning|camera[\s-]+pans?)\b", Options)]
    public static partial Regex Pan { get; }

    [GeneratedRegex(@"\b(?:camera[\s-]+tilts?|tilt(?:s|ing|ed)?[\s-]+(?:up|down)(?![\s-]+(?:her|his|their|its)\b)|tilting[\s-]+shot)\b", Options)]
    public static partial Regex Tilt { get; }

    [GeneratedRegex(@"\b(?:crane[\s-]+(?:shot|up|down|move|rises|descends)|cranes?[\s-]+(?:up|down)|jib(?:[\s-]+(?:shot|up|down|arm))?)\b", Options)]
    public static partial Regex Crane { get; }

    [GeneratedRegex(@"\bhand[\s-]?held\b", Options)]
    public static partial Regex Handheld { get; }

    [GeneratedRegex(@"\b(?:steadi[\s-]?cam|gimbal)\b", Options)]
    public static partial Regex Steadicam { get; }

    // "Dolly zoom" is one move (the dolly and the lens change together), counted once as a dolly.
    [GeneratedRegex(@"(?<!\bdolly[\s-]+)\b(?:(?:crash|snap|slow)[\s-]+)?zoom(?:s|ing|ed)?(?:[\s-]+(?:in|out))?\b", Options)]
    public static partial Regex Zoom { get; }

    [GeneratedRegex(@"\b(?:orbit(?:s|ing)?|arc(?:s|ing)?[\s-]+(?:shot|around)|360[\s-]?degree[\s-]+(?:shot|move|turn))\b", Options)]
    public static partial Regex Orbit { get; }

    [GeneratedRegex(@"\b(?:drone[\s-]+(?:shot|footage|flyover)|aerial[\s-]+(?:shot|view|flyover)|fly[\s-]?(?:over|through))\b", Options)]
    public static partial Regex Aerial { get; }

    [GeneratedRegex(@"\b(?:static[\s-]+(?:shot|camera|frame|wide|take)|locked[\s-]+(?:off|down|camera)|locked-off|tripod|camera[\s-]+(?:holds|stays|remains)[\s-]+(?:still|static))\b", Options)]
    public static partial Regex Static { get; }

    [GeneratedRegex(@"\b(?:golden|blue|magic)[\s-]+hour\b|\bpracticals\b", Options)]
    public static partial Regex LightPhrases { get; }

    /// <summary>Counts and sequencing words that break an action into beats ("takes four steps, pauses").</summary>
    [GeneratedRegex("""
        \b(?:
            once | twice | then | finally | pauses? | paused
          | (?:after|for)[\s-]+a[\s-]+(?:beat|moment|pause|breath)
          | (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a[\s-]+few|\d{1,3})[\s-]+(?:\p{L}+[\s-]+)?
            (?:steps?|times|beats?|paces|strides|breaths?|loops|turns|seconds?|counts?|sips?|stairs|jumps|laps|bites|claps
              |knocks|blinks|nods|spins|strokes|swings|taps|bounces|hops|shots|blows|waves|flaps|rounds|pushes|pulls)
        )\b
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    public static partial Regex BeatMarkers { get; }

    /// <summary>A bulleted or numbered line, the template's way of listing action beats.</summary>
    [GeneratedRegex(@"^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+\S", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    public static partial Regex BulletLine { get; }

    [GeneratedRegex("""
        \b(?:
            cinematic[\s-]+(?:look|feel|vibe|style|quality|shot|scene|video|footage)
          | very[\s-]+cinematic
          | (?:moves?|moving|goes|going)[\s-]+(?:very[\s-]+|really[\s-]+)?(?:quickly|fast)
          | (?:high|best|top|ultra)[\s-]+quality
          | (?:highly|hyper|ultra|super)[\s-]+detailed
          | looks?[\s-]+(?:good|great|nice|cool)
        )\b
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    public static partial Regex VaguePhrases { get; }

    /// <summary>Quoted text on one line, in straight or curly double quotes.</summary>
    [GeneratedRegex("\"[^\"\\r\\n]*\"|“[^”\\r\\n]*”", RegexOptions.CultureInvariant)]
    public static partial Regex Quote { get; }

    /// <summary>Resolution, duration, frame rate and aspect ratio written into the prose, where they have no effect.</summary>
    [GeneratedRegex("""
        (?<![\p{L}\p{N}.])(?:
            \d{1,4}(?:\.\d+)?[\s-]*(?:seconds?|secs?|minutes?|mins?)
          | \d{1,4}(?:\.\d+)?[\s-]*(?:fps|frames[\s-]+per[\s-]+second)
          | [24568]k | uhd | (?:ultra|full)[\s-]*hd | hd
          | \d{3,4}[pi]
          | \d{3,4}[ ]?[x×][ ]?\d{3,4}
          | (?:16:9|9:16|4:3|3:4|21:9|9:21|1:1|4:5|5:4|3:2|2:3|2:1|2\.39:1|2\.35:1|1\.85:1)
          | aspect[\s-]+ratio
          | (?:vertical|portrait|landscape|horizontal|widescreen)[\s-]+(?:video|format|orientation|mode|aspect)
        )(?![\p{L}\p{N}]|[.:]\d)
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    public static partial Regex ProseParameter { get; }

    /// <summary>
    /// Settings written into the prose, one named group per kind of request parameter, for a prompt linted for a target:
    /// the <see cref="ProseParameter"/> forms plus audio switches, seeds and model names.
    /// </summary>
    [GeneratedRegex("""
        (?<![\p{L}\p{N}.])(?:
            (?<duration>\d{1,4}(?:\.\d+)?[\s-]*(?:seconds?|secs?|minutes?|mins?))
          | (?<fps>\d{1,4}(?:\.\d+)?[\s-]*(?:fps|frames[\s-]+per[\s-]+second))
          | (?<resolution>[24568]k | uhd | (?:ultra|full)[\s-]*hd | hd | \d{3,4}[pi])
          | (?<size>\d{3,4}[ ]?[x×][ ]?\d{3,4})
          | (?<aspect>16:9|9:16|4:3|3:4|21:9|9:21|1:1|4:5|5:4|3:2|2:3|2:1|2\.39:1|2\.35:1|1\.85:1
              | aspect[\s-]+ratio
              | (?:vertical|portrait|landscape|horizontal|widescreen)[\s-]+(?:video|format|orientation|mode|aspect))
          | (?<audio>(?:with|add|enable|turn[\s-]+on)[\s-]+(?:sound|audio)
              | (?:sound|audio)[\s-]+(?:on|off|enabled|disabled)
              | (?:no|without)[\s-]+(?:sound|audio)
              | silent[\s-]+(?:video|clip|film|movie))
          | (?<seed>seed[\s:#=]*\d{1,10})
          | (?<model>sora(?:[\s-]?2(?:[\s-]?pro)?)?
              | veo(?:[\s-]?\d(?:\.\d)?)?(?:[\s-]fast)?
              | kling(?:[\s-]?(?:ai|v?\d(?:\.\d)?))?
              | seedance(?:[\s-]?\d(?:\.\d)?)?
              | runway[\s-]+(?:gen[\s-]?\d(?:\.\d)?|ml)
              | gen[\s-]?4(?:\.5)?
              | luma(?:[\s-]+(?:ray|ai|dream[\s-]+machine))
              | ray[\s-]?3(?:\.\d)?
              | dream[\s-]+machine
              | gemini[\s-]+omni)
        )(?![\p{L}\p{N}]|[.:]\d)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    public static partial Regex TargetParameterProse { get; }

    /// <summary>Words that ask for sound: speech, music, effects and ambience.</summary>
    [GeneratedRegex("""
        \b(?:
            sounds? | sound[\s-]+effects? | sfx | audio | soundtrack | soundscape | music | musical | song | melody | lyrics
          | hums? | humming | noises? | ambience | voices? | voice[\s-]?over | narrat(?:or|ion|es|ed) | dialogue | dialog
          | says | said | whispers? | whispered | shouts? | shouted | yells? | yelled | murmurs? | murmured
          | sings? | sang | singing | speaks | spoke | chants?
        )\b
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    public static partial Regex SoundCue { get; }

    /// <summary>Verbs that introduce spoken words ("she says we are late").</summary>
    [GeneratedRegex("""
        \b(?:say | says | said | whispers? | whispered | shouts? | shouted | yells? | yelled | murmurs? | murmured
          | mutters? | muttered | asks? | asked | replies | replied | exclaims? | exclaimed | announces? | announced)\b
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    public static partial Regex SpeechVerb { get; }

    /// <summary>
    /// The start of an exclusion: "no", "without", "free of", "don't show" / "do not include", and "avoid" / "exclude" at
    /// the start of a clause (so a subject that "tries to avoid the car" is not one). <c>plain</c> marks a bare "no".
    /// </summary>
    [GeneratedRegex("""
        (?:
            (?<plain>\bno)(?=[\s-]+\p{L})(?![\s-]+(?:longer|matter|doubt|sooner|more[\s-]+than|less[\s-]+than)\b)
          | \bwithout(?=[\s-]+\p{L})
          | \bfree[\s-]+of
          | \b(?:don['’]?t|do[\s-]+not|never)[\s-]+(?:show|include|add|depict|feature|put)
          | (?<=(?:^|[.!?;:,])[ \t]*)(?:avoid|exclude)
        )\b
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.IgnorePatternWhitespace)]
    public static partial Regex NegativeCue { get; }

    /// <summary>A resolution named in a parameter's description ("std is 720p").</summary>
    [GeneratedRegex(@"\b\d{3,4}p\b", RegexOptions.CultureInvariant)]
    public static partial Regex ResolutionValue { get; }

    /// <summary>An allowed value that is a frame size in pixels: <c>1280x720</c> (Sora) or <c>1280:720</c> (Runway).</summary>
    [GeneratedRegex(@"^\d{3,4}[x:]\d{3,4}$", RegexOptions.CultureInvariant)]
    public static partial Regex PixelSize { get; }

    /// <summary>A word of a parameter name in camelCase, snake_case or a dotted path.</summary>
    [GeneratedRegex(@"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", RegexOptions.CultureInvariant)]
    public static partial Regex NameWord { get; }
}
