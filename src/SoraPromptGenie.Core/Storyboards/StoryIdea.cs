using System.Collections.Frozen;
using SoraPromptGenie.Core.Engines.Offline;

namespace SoraPromptGenie.Core.Storyboards;

/// <summary>
/// An idea read for a storyboard, in its own words: the subject phrase it opens with ("a fisherman" gives the character
/// "The fisherman"), the rest of the idea as written (what the subject does and where), and the place that rest names
/// after a place word ("on a quiet harbour at dawn" gives the setting "a quiet harbour at dawn"). The offline engine
/// cannot invent a name or a costume, so the description asks for the subject to stay the same from shot to shot.
/// </summary>
internal sealed record StoryIdea(string Name, string Description, string Rest, string? Setting, IdeaTrait SubjectTraits)
{
    /// <summary>What a shot says when the idea is nothing but its subject.</summary>
    private const string NoAction = "comes into view";

    private static readonly FrozenSet<string> PlaceWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "in", "on", "at", "across", "through", "along", "under", "beside", "inside", "near", "over", "into", "onto", "past",
        "beneath", "among", "around", "outside", "toward", "towards", "atop", "within", "amid");

    /// <summary>Words that end the place phrase: the idea goes on with another clause.</summary>
    private static readonly FrozenSet<string> PlaceEnds = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "while", "as", "then", "where", "when", "who", "which", "until", "before", "after", "so");

    private static readonly FrozenSet<string> TimeWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "a", "an", "the", "dawn", "dusk", "night", "midnight", "noon", "midday", "sunrise", "sunset", "twilight", "daybreak",
        "evening", "morning", "afternoon", "nightfall", "sundown", "first", "light", "last", "daylight");

    private static readonly FrozenSet<string> ObjectOpeners = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "a", "an", "the", "his", "her", "its", "their", "my", "our", "your", "some");

    private static readonly FrozenSet<string> Counts = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many", "several", "few", "some", "all");

    private static readonly string[] PersonEndings = ["er", "or", "ist", "man", "woman", "men", "women", "ess", "ian", "ant", "ent"];

    private static readonly FrozenSet<string> People = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "person", "people", "girl", "boy", "child", "kid", "lady", "guy", "couple", "family", "chef", "cook", "monk", "nun",
        "king", "queen", "knight", "witch", "wizard", "detective", "nurse", "doctor", "pilot", "soldier", "astronaut",
        "grandmother", "grandfather", "grandma", "grandpa", "mother", "father", "son", "daughter", "friends", "student",
        "teenager", "toddler", "baby", "bride", "groom", "she", "he");

    public static StoryIdea Read(string idea)
    {
        var words = TextTokens.CollapseWhitespace(idea).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var subject = WithoutTrailingVerb(PromptStructurer.Subject(string.Join(' ', words)));
        var rest = RestAfter(words, subject);
        var name = Capped(TextTokens.UpperFirst(subject), StoryboardLimits.MaxCharacterNameLength);
        var traits = IdeaTraits.Read(subject);
        return new StoryIdea(name, DescriptionFor(subject, traits), rest, SettingIn(rest), traits);
    }

    /// <summary>
    /// "the chef plates dessert" is "the chef": a third word or later in -s, after a word that is not a count, starts the
    /// action when more words follow it in the subject phrase.
    /// </summary>
    private static string WithoutTrailingVerb(string subject)
    {
        var words = subject.Split(' ');
        for (var i = 2; i < words.Length - 1; i++)
        {
            var word = words[i];
            if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
                && word.All(char.IsLower) && !Counts.Contains(words[i - 1]))
            {
                return string.Join(' ', words.Take(i));
            }
        }

        return subject;
    }

    /// <summary>The idea's words after the subject phrase, sentence end trimmed; "comes into view" when there are none.</summary>
    private static string RestAfter(string[] words, string subject)
    {
        var last = subject.Split(' ')[^1];
        var at = subject == "the subject" ? -1 : Array.FindIndex(words, w => string.Equals(Bare(w), last, StringComparison.OrdinalIgnoreCase));
        var rest = TextTokens.TrimSentenceEnd(string.Join(' ', words.Skip(at + 1))).Trim(',', ';', ':', ' ');
        return rest.Length == 0 ? NoAction : rest;
    }

    /// <summary>The phrase after the first place word whose phrase is more than a time of day, up to the next clause.</summary>
    private static string? SettingIn(string rest)
    {
        var words = rest.Split(' ');
        for (var i = 0; i < words.Length - 1; i++)
        {
            if (!PlaceWords.Contains(words[i]))
            {
                continue;
            }

            var phrase = new List<string>();
            for (var j = i + 1; j < words.Length && !PlaceEnds.Contains(words[j]) && !(words[j] == "and" && StartsAClause(words, j + 1)); j++)
            {
                var bare = words[j].TrimEnd(',', ';', ':', '.', '!', '?');
                phrase.Add(bare);
                if (bare.Length != words[j].Length)
                {
                    break;
                }
            }

            if (phrase.Count > 0 && !phrase.All(TimeWords.Contains))
            {
                var setting = string.Join(' ', phrase).Trim();
                return setting.Length is > 0 and <= StoryboardLimits.MaxContinuityTextLength ? setting : null;
            }
        }

        return null;
    }

    /// <summary>"releases a kite", "turns": a verb, or a word in -s that an object follows, after "and".</summary>
    private static bool StartsAClause(string[] words, int at) =>
        at < words.Length
        && (StructureLexicons.ActionVerbs.Contains(Bare(words[at]).ToLowerInvariant())
            || (words[at].EndsWith('s') && at + 1 < words.Length && ObjectOpeners.Contains(words[at + 1])));

    private static string DescriptionFor(string subject, IdeaTrait traits)
    {
        if ((traits & IdeaTrait.Animal) != 0)
        {
            return "with the same coat and markings throughout";
        }

        if ((traits & IdeaTrait.Vehicle) != 0 && !IsPerson(subject))
        {
            return "with the same shape, colour and markings throughout";
        }

        return IsPerson(subject) || (traits & (IdeaTrait.Child | IdeaTrait.Elder | IdeaTrait.Sport | IdeaTrait.Romance)) != 0
            ? "with the same face, build and clothes throughout"
            : "with the same shape and colour throughout";
    }

    /// <summary>A proper name ("Maria Lopez") or a noun for a person ("fisherman", "chef", "pianist").</summary>
    private static bool IsPerson(string subject)
    {
        var words = subject.Split(' ');
        var head = Bare(words[^1]);
        return (words.Length > 0 && words[0].Length > 0 && char.IsUpper(words[0][0]) && !string.Equals(words[0], "the", StringComparison.OrdinalIgnoreCase))
            || People.Contains(head)
            || PersonEndings.Any(e => head.Length > e.Length + 2 && head.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    private static string Capped(string name, int max)
    {
        var words = name.Split(' ');
        var kept = words[0].Length > max ? words[0][..max] : words[0];
        foreach (var word in words.Skip(1))
        {
            if (kept.Length + 1 + word.Length > max)
            {
                break;
            }

            kept += " " + word;
        }

        return kept;
    }

    private static string Bare(string word) => word.Trim('"', '“', '”', '(', ')', ',', '.', ';', ':', '!', '?');
}
