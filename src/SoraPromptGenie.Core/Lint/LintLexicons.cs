using System.Collections.Frozen;

namespace SoraPromptGenie.Core.Lint;

/// <summary>
/// Single-word vocabularies of the lint rules. Multi-word phrases live in <see cref="LintPatterns"/>. Every set
/// compares ordinally and ignores case, and each exposes a span lookup so the linter never allocates a string per word.
/// </summary>
internal static class LintLexicons
{
    /// <summary>Colour word to the colour it names, so "gray" and "grey" count as one anchor.</summary>
    public static readonly FrozenDictionary<string, string> Colours = BuildColours();

    /// <summary>Inflected verb form to its base form, so "walks" and "walking" count as one action.</summary>
    public static readonly FrozenDictionary<string, string> ActionVerbs = BuildActionVerbs();

    public static readonly FrozenSet<string> LightWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "light", "lights", "lit", "lighting", "lamplight", "backlit", "backlight", "backlighting", "sidelight", "sidelit",
        "sunlight", "sunlit", "sunbeam", "sunbeams", "sun", "sunrise", "sunset", "moonlight", "moonlit", "starlight",
        "candlelight", "candlelit", "candle", "candles", "firelight", "torchlight", "daylight", "twilight", "lamp", "lamps",
        "lantern", "lanterns", "neon", "glow", "glows", "glowing", "shadow", "shadows", "shadowed", "silhouette",
        "silhouetted", "spotlight", "spotlit", "floodlight", "floodlights", "streetlight", "streetlights", "headlights",
        "fluorescent", "tungsten", "sodium", "softbox", "diffused", "overcast", "flare", "chiaroscuro", "illuminated",
        "illuminates", "illuminating", "luminous", "bioluminescent", "halation", "rays", "godrays", "fire", "firelit",
        "bonfire", "flashlight", "lightning", "strobe", "strobing", "screenlight", "skylight");

    public static readonly FrozenSet<string> VagueWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "beautiful", "beautifully", "stunning", "stunningly", "amazing", "amazingly", "awesome", "epic", "nice", "gorgeous",
        "breathtaking", "incredible", "incredibly", "wonderful", "fantastic", "magnificent", "spectacular", "perfect",
        "perfectly", "masterpiece", "lovely", "mesmerizing", "mesmerising", "jaw-dropping", "dope", "insane");

    /// <summary>Verbs that attribute quoted speech to a speaker ("she whispers").</summary>
    public static readonly FrozenSet<string> SpeechVerbs = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "say", "says", "said", "saying", "ask", "asks", "asked", "asking", "whisper", "whispers", "whispered", "whispering",
        "shout", "shouts", "shouted", "shouting", "reply", "replies", "replied", "replying", "mutter", "mutters",
        "muttered", "call", "calls", "called", "yell", "yells", "yelled", "murmur", "murmurs", "murmured", "tell", "tells",
        "told", "answer", "answers", "answered", "add", "adds", "added", "exclaim", "exclaims", "exclaimed", "sing",
        "sings", "sang", "speak", "speaks", "spoke", "cry", "cries", "cried", "scream", "screams", "screamed", "laugh",
        "laughs", "laughed", "sigh", "sighs", "sighed", "announce", "announces", "announced", "mumble", "mumbles",
        "mumbled", "snap", "snaps", "snapped", "insist", "insists", "insisted", "begin", "begins", "continue",
        "continues", "hiss", "hisses", "hissed", "growl", "growls", "growled");

    /// <summary>Words that introduce quoted text which is not speech: signs, titles, labels.</summary>
    public static readonly FrozenSet<string> QuotedLabelWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "reads", "reading", "read", "labeled", "labelled", "titled", "entitled", "named", "marked", "spelling", "spells",
        "word", "words", "text", "sign", "logo", "caption", "slogan", "banner", "lettering", "nicknamed");

    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ColourLookup =
        Colours.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ActionVerbLookup =
        ActionVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LightLookup =
        LightWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> VagueLookup =
        VagueWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbLookup =
        SpeechVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> QuotedLabelLookup =
        QuotedLabelWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, string> BuildColours()
    {
        // "colour:alias,alias"; an entry without aliases names only itself.
        string[] entries =
        [
            "red:reds,reddish", "crimson", "scarlet", "maroon", "burgundy", "vermilion", "orange:orangey",
            "amber", "gold:golden", "yellow:yellowish", "ochre:ocher", "mustard", "green:greens,greenish", "emerald",
            "olive", "sage", "jade", "lime", "teal", "turquoise", "cyan", "aqua", "blue:blues,bluish", "navy", "cobalt",
            "azure", "cerulean", "indigo", "violet", "purple:purples,purplish", "lavender", "lilac", "magenta", "fuchsia",
            "pink:pinks,pinkish", "rose", "coral", "salmon", "peach", "brown:browns,brownish", "tan", "beige", "khaki",
            "sepia", "rust", "copper", "bronze", "black:blacks", "white:whites", "ivory", "cream", "grey:gray,greys,grays,greyish,grayish",
            "silver", "charcoal", "slate", "pastel:pastels", "monochrome",
        ];
        return ExpandEntries(entries);
    }

    private static FrozenDictionary<string, string> BuildActionVerbs()
    {
        // A bare verb gets its regular forms (walk, walks, walking, walked). "base:forms" lists irregular forms
        // in full; a leading "!" leaves out the base form itself when it is mostly a noun or adjective in prompts
        // ("close-up", "open field", "a wave"). Verbs that double as common scene nouns (waves, leaves, lights, hands, sets) are left out, and so
        // are camera moves (pan, tilt, push, pull, track, zoom), which the camera-move rule counts instead.
        string[] entries =
        [
            "walk", "stroll", "wander", "march", "hurry:hurries,hurrying,hurried", "rush", "dash", "race", "sprint",
            "run:runs,running,ran", "jog:jogs,jogging,jogged", "trudge", "limp", "stagger", "stumble", "gallop",
            "trot:trots,trotting,trotted", "prowl", "pace", "stride:strides,striding,strode", "step:steps,stepping,stepped",
            "climb", "crawl", "jump", "leap:leaps,leaping,leapt,leaped", "hop:hops,hopping,hopped", "dance",
            "spin:spins,spinning,spun", "twirl", "roll", "tumble", "fall:falls,falling,fell", "drop:drops,dropping,dropped",
            "sit:sits,sitting,sat", "stand:stands,standing,stood", "rise:rises,rising", "kneel:kneels,kneeling,knelt",
            "crouch", "lean", "bend:bends,bending,bent", "stretch", "turn", "pivot", "look", "glance", "gaze", "stare",
            "peer", "watch", "scan", "blink", "smile", "grin:grins,grinning,grinned", "frown", "laugh", "cry:cries,crying,cried",
            "nod:nods,nodding,nodded", "shrug:shrugs,shrugging,shrugged", "sigh", "yawn", "breathe", "exhale", "inhale",
            "reach", "grab:grabs,grabbing,grabbed", "pick", "lift", "raise", "!lower:lowers,lowering,lowered", "hold:holds,holding,held",
            "carry:carries,carrying,carried", "throw:throws,throwing,threw,thrown", "toss", "catch:catches,catching,caught",
            "!open:opens,opening,opened", "!close:closes,closing,closed", "pour", "sip:sips,sipping,sipped", "drink:drinks,drinking,drank", "eat:eats,eating,ate",
            "bite:bites,biting", "chew", "write:writes,writing,wrote", "read:reads,reading", "paint", "draw:draws,drawing,drew",
            "cook", "stir:stirs,stirring,stirred", "slice", "chop:chops,chopping,chopped", "knead", "wipe", "sweep:sweeps,sweeping,swept",
            "fold", "unfold", "tie:ties,tying,tied", "coil", "!place:places,placing,placed", "adjust", "check", "tap:taps,tapping,tapped", "knock",
            "!wave:waving,waved", "!point:pointing,pointed", "gesture", "beckon", "salute", "bow", "hug:hugs,hugging,hugged",
            "kiss", "embrace", "shake:shakes,shaking,shook", "tremble", "shiver", "sing:sings,singing,sang", "speak:speaks,speaking,spoke",
            "whisper", "shout", "scream", "drive:drives,driving,drove", "ride:rides,riding,rode", "skate", "surf", "ski",
            "swim:swims,swimming,swam", "dive", "fly:flies,flying,flew", "soar", "glide", "drift", "float", "chase", "hunt",
            "sniff", "pounce", "lunge", "dodge", "punch", "kick", "swing:swings,swinging,swung", "enter", "exit",
            "approach", "emerge", "disappear", "vanish", "collapse", "take:takes,taking,took", "give:gives,giving,gave",
            "flip:flips,flipping,flipped", "bounce", "splash", "plunge", "ascend", "descend", "cross", "follow", "play",
            "!type:typing,typed", "scroll", "dig:digs,digging,dug", "!plant:planting,planted", "!water:watering,watered",
            "!brush:brushing,brushed", "comb", "clap:claps,clapping,clapped", "stop:stops,stopping,stopped",
            "pause", "wait", "hesitate", "freeze:freezes,freezing,froze", "burst:bursts,bursting", "shatter", "explode",
            "ignite", "crash", "!land:landing,landed", "launch", "stomp", "sway", "!rock:rocking,rocked", "!row:rowing,rowed",
            "!paddle:paddling,paddled", "!sail:sailing,sailed", "feed:feeds,feeding,fed", "scatter", "knit",
            "sew:sews,sewing,sewed,sewn", "wash", "scrub", "juggle", "slam:slams,slamming,slammed", "!hammer:hammering,hammered", "tend", "repair", "mend",
            "garnish", "!plate:plates,plating,plated",
        ];
        return ExpandEntries(entries, regularForms: true);
    }

    private static FrozenDictionary<string, string> ExpandEntries(string[] entries, bool regularForms = false)
    {
        var forms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            var skipBase = entry.StartsWith('!');
            var body = skipBase ? entry[1..] : entry;
            var colon = body.IndexOf(':', StringComparison.Ordinal);
            var baseForm = colon < 0 ? body : body[..colon];
            if (!skipBase)
            {
                forms.TryAdd(baseForm, baseForm);
            }

            if (colon >= 0)
            {
                foreach (var form in body[(colon + 1)..].Split(','))
                {
                    forms.TryAdd(form, baseForm);
                }
            }
            else if (regularForms)
            {
                foreach (var form in RegularForms(baseForm))
                {
                    forms.TryAdd(form, baseForm);
                }
            }
        }

        return forms.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> RegularForms(string verb)
    {
        var stem = verb.EndsWith('e') && !verb.EndsWith("ee", StringComparison.Ordinal) ? verb[..^1] : verb;
        var sibilant = verb.EndsWith('s') || verb.EndsWith('x') || verb.EndsWith('z')
            || verb.EndsWith("sh", StringComparison.Ordinal) || verb.EndsWith("ch", StringComparison.Ordinal);
        yield return sibilant ? verb + "es" : verb + "s";
        yield return stem + "ing";
        yield return verb.EndsWith('e') ? verb + "d" : verb + "ed";
    }
}
