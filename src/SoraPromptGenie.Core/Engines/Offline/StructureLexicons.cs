using System.Collections.Frozen;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>Word lists that sort a prompt's sentences into the parts of the Sora 2 template.</summary>
internal static class StructureLexicons
{
    public static readonly FrozenSet<string> CameraWords = WordForms.Words(
        "camera", "cameras", "shot", "shots", "lens", "lenses", "dolly", "dollies", "pan", "pans", "panning", "tilt",
        "tilts", "tilting", "tracking", "crane", "zoom", "zooms", "zooming", "angle", "angles", "closeup", "overhead",
        "aerial", "drone", "handheld", "steadicam", "gimbal", "pov", "framing", "framed", "focus", "bokeh",
        "establishing", "telephoto", "dutch", "24mm", "35mm", "50mm", "85mm", "135mm", "anamorphic", "viewfinder");

    /// <summary>Two-word camera terms, matched on adjacent tokens ("close-up" tokenises as "close", "up").</summary>
    public static readonly FrozenSet<string> CameraPhrases = WordForms.Words(
        "close up", "eye level", "push in", "pulls back", "wide angle", "bird s", "worm s", "over shoulder", "low angle", "high angle");

    /// <summary>Words that mark a sentence as being about the mood itself.</summary>
    public static readonly FrozenSet<string> MoodMarkers = WordForms.Words(
        "mood", "atmosphere", "tone", "feel", "feels", "feeling", "vibe", "ambience", "ambiance");

    public static readonly FrozenSet<string> MoodWords = WordForms.Words(
        "tense", "tension", "melancholy", "melancholic", "serene", "calm", "peaceful", "joyful", "joyous", "eerie",
        "ominous", "mysterious", "nostalgic", "romantic", "dreamy", "dreamlike", "somber", "sombre", "hopeful",
        "playful", "whimsical", "haunting", "uneasy", "suspense", "suspenseful", "triumphant", "intimate", "lonely",
        "cozy", "cosy", "foreboding", "menacing", "sad", "happy", "gloomy", "uplifting", "epic", "bittersweet",
        "tranquil", "chaotic", "frantic", "anxious", "dread", "wistful", "tender", "brooding", "ethereal", "surreal",
        "cheerful", "festive", "solemn", "meditative", "contemplative", "energetic", "lighthearted", "desolate",
        "carefree", "dramatic", "moody");

    /// <summary>Verbs of visible action. Words that are mostly nouns in prompts ("hand", "rock", "fill light") are left out.</summary>
    public static readonly FrozenSet<string> ActionVerbs = WordForms.Verbs(
        "walk", "run+", "jump", "leap", "dance", "turn", "spin+", "look", "glance", "smile", "laugh", "cry", "reach",
        "grab+", "hold", "lift", "drop+", "throw", "catch", "push", "pull", "open", "sit+", "stand", "rise", "fall",
        "climb", "crawl", "swim+", "fly", "ride", "drive", "kneel", "bend", "lean", "nod+", "step+", "stride",
        "stroll", "sprint", "chase", "race", "fight", "kick", "punch", "hug+", "kiss", "whisper", "shout", "sing",
        "play", "pour", "stir+", "knead", "write", "read", "eat", "drink", "cook", "slide", "skid+", "crash",
        "splash", "dive", "breach", "trot+", "gallop", "hop+", "skip+", "roll", "tumble", "stumble", "wander",
        "cross", "enter", "exit", "leave", "arrive", "approach", "follow", "flee", "escape", "hide", "peek", "stare",
        "gaze", "watch", "blink", "breathe", "sigh", "shrug", "clap+", "tap+", "knock", "pick", "carry", "drag+",
        "toss", "swing", "strike", "shake", "wipe", "tend", "stack", "unroll", "unfold", "carve", "skate", "surf",
        "paddle", "burst", "explode", "float", "drift", "glide", "soar", "dart", "rush", "hurry", "pause", "stop+",
        "freeze", "collapse", "emerge", "vanish", "appear", "pace", "tiptoe", "march", "sneak", "lunge", "dodge",
        "crouch", "hover", "swoop", "sweep", "chop+", "slice", "sip+", "bite", "chew", "sway", "flip+", "twirl",
        "stretch", "yawn", "scramble", "trudge", "sprawl", "swirl", "refill", "load", "unload", "haul", "feed",
        "brush", "wash", "fold", "mend", "knit", "sew", "bake", "blow", "serve", "repair", "build", "sniff", "pounce",
        "wade", "harvest", "examine", "howl", "perform", "sculpt", "weave");

    /// <summary>Words that end the subject phrase at the start of a scene sentence ("A red fox | trots across ...").</summary>
    public static readonly FrozenSet<string> SubjectStops = WordForms.Words(
        "in", "on", "at", "by", "with", "across", "through", "under", "over", "into", "onto", "near", "beside",
        "behind", "along", "from", "of", "for", "against", "toward", "towards", "past", "inside", "outside", "beneath",
        "is", "are", "was", "were", "has", "have", "and", "while", "as", "who", "that", "which", "during", "amid", "among");

    /// <summary>Words of sound: a sentence with one belongs in a target's audio section, and never in a silent target's prompt.</summary>
    public static readonly FrozenSet<string> SoundWords = WordForms.Words(
        "sound", "sounds", "audio", "music", "musical", "soundtrack", "soundscape", "song", "songs", "melody", "hum",
        "hums", "humming", "noise", "noises", "silence", "echo", "echoes", "echoing", "roar", "roars", "roaring",
        "rumble", "rumbles", "rumbling", "crackle", "crackles", "crackling", "chirping", "birdsong", "footsteps",
        "drums", "drumbeat", "dialogue", "voice", "voices");

    /// <summary>Whether the tokens name a sound; "music video" names a visual style, not music.</summary>
    public static bool HasSoundWord(IReadOnlyList<string> tokens) =>
        tokens.Where((t, i) => !(t == "music" && i + 1 < tokens.Count && tokens[i + 1] == "video")).Any(SoundWords.Contains);

    /// <summary>Whether a sentence says what the video must not show ("No text on screen.", "Avoid lens flares.").</summary>
    public static bool IsNegative(string sentence)
    {
        var tokens = TextTokens.Tokenize(sentence);
        return tokens is ["no" or "never" or "avoid" or "without" or "nothing", ..] or ["don" or "do", "t" or "not", ..];
    }

    public static bool HasCameraTerm(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (CameraWords.Contains(tokens[i])
                || (i + 1 < tokens.Count && CameraPhrases.Contains(tokens[i] + " " + tokens[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasActionVerb(IReadOnlyList<string> tokens) => tokens.Any(ActionVerbs.Contains);

    /// <summary>A mood sentence names the mood outright, or is mostly mood words ("Tense and quiet.").</summary>
    public static bool IsMoodSentence(IReadOnlyList<string> tokens)
    {
        if (tokens.Any(MoodMarkers.Contains))
        {
            return true;
        }

        var content = tokens.Count(t => !TextTokens.StopWords.Contains(t));
        var mood = tokens.Count(MoodWords.Contains);
        return mood > 0 && mood * 2 > content;
    }
}
