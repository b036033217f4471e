using System.Collections.Frozen;
using System.Text;
using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// Offline structure: sorts a prompt's sentences and clause lines into the Sora 2 template (scene prose,
/// <c>Cinematography:</c> with <c>Camera shot:</c> and <c>Mood:</c>, <c>Actions:</c> beats, and <c>Dialogue:</c> only
/// when there is quoted speech). A prompt already in the template is read section by section, so structuring twice
/// changes nothing.
/// </summary>
internal sealed class PromptStructurer(PromptCatalog catalog)
{
    private readonly ShotProse _prose = ShotProse.For(catalog);

    /// <summary>The reader of the sentences the engine writes from cards, for the catalog this structurer sorts with.</summary>
    internal ShotProse Prose => _prose;

    public const string DefaultCameraShot = "medium shot, eye level";
    public const string DefaultMood = "grounded and natural";
    private const string CinematographyHeading = TemplateHeadings.Cinematography;
    private const string ActionsHeading = TemplateHeadings.Actions;
    private const string DialogueHeading = TemplateHeadings.Dialogue;
    private const string CameraShotLabel = "Camera shot:";
    private const string MoodLabel = "Mood:";
    private const int MaxHarvestedMoodWords = 3;
    private const int MaxSubjectWords = 6;

    private static readonly FrozenSet<string> CameraCategories = WordForms.Words(
        "camera-angles", "camera-motion", "depth-of-field", "composition");

    private static readonly FrozenSet<string> Articles = WordForms.Words("a", "an", "the");

    private static readonly FrozenSet<string> Placeholders = WordForms.Words("there", "it", "this", "here");

    /// <summary>Words after which a word ending in -s is a verb, not part of the subject ("a pilot lands a plane").</summary>
    private static readonly FrozenSet<string> ObjectOpeners = WordForms.Words(
        "a", "an", "the", "his", "her", "its", "their", "my", "our", "your", "this", "that", "some", "itself", "himself", "herself");

    /// <summary>Openers like "Portrait of ..." that precede the real subject.</summary>
    private static readonly FrozenSet<string> SubjectLeadIns = WordForms.Words(
        "portrait", "closeup", "close-up", "shot", "view", "image", "scene", "footage", "video", "clip", "story");

    /// <summary>Openers of a mood sentence that the <c>Mood:</c> label already says.</summary>
    private static readonly string[] MoodLeadIns =
    [
        "the mood is ", "the mood feels ", "the atmosphere is ", "the atmosphere feels ", "the tone is ",
        "the overall mood is ", "it feels ", "everything feels ", "the scene feels ",
    ];

    public string Structure(string? prompt) => Structure(prompt, int.MaxValue).Text;

    /// <summary>
    /// The structured prompt within <paramref name="maxChars"/>. The template adds headings and labels, so a prompt near
    /// the limit can come out over it: then the last scene sentences go first, then the last beats and dialogue lines,
    /// and only if one sentence alone is too long is it cut.
    /// </summary>
    public (string Text, bool Shortened) Structure(string? prompt, int maxChars)
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return (string.Empty, false);
        }

        var parts = Read(prompt);
        var text = Render(parts);
        if (text.Length <= maxChars)
        {
            return (text, false);
        }

        while (text.Length > maxChars && DropLast(parts))
        {
            text = Render(parts);
        }

        if (text.Length > maxChars && parts.Prose.Count > 0)
        {
            var room = parts.Prose[0].Length - (text.Length - maxChars);
            parts.Prose[0] = room > 0 ? PromptLength.Shorten(parts.Prose[0], room) : string.Empty;
            parts.Prose.RemoveAll(p => p.Length == 0);
            text = Render(parts);
        }

        return (PromptLength.Shorten(text, maxChars), true);
    }

    /// <summary>A prompt's sentences and clause lines sorted into the parts of the template (read by section when it is in the template already).</summary>
    internal TemplateParts Read(string prompt)
    {
        var lines = prompt.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return lines.Any(l => l.Equals(CinematographyHeading, StringComparison.OrdinalIgnoreCase))
            ? ReadTemplate(lines)
            : Classify(lines);
    }

    /// <summary>Removes the last item of the first list that has one to spare; false when nothing is left to remove.</summary>
    private static bool DropLast(TemplateParts parts)
    {
        List<string>[] lists = [parts.Prose, parts.Beats, parts.Dialogue, parts.ExtraCinematography, parts.Camera, parts.Mood];
        int[] keep = [1, 1, 0, 0, 1, 1];
        for (var i = 0; i < lists.Length; i++)
        {
            if (lists[i].Count > keep[i])
            {
                lists[i].RemoveAt(lists[i].Count - 1);
                return true;
            }
        }

        return false;
    }

    private TemplateParts Classify(List<string> lines)
    {
        var parts = new TemplateParts();
        foreach (var line in lines)
        {
            if (PromptClause.TryParse(line, catalog, out var clause))
            {
                AddClause(parts, clause);
                continue;
            }

            foreach (var sentence in SentenceSplitter.Split(line))
            {
                if (_prose.Read(sentence) is { } cards)
                {
                    AddCards(parts, cards, sentence);
                }
                else
                {
                    AddSentence(parts, sentence);
                }
            }
        }

        return parts;
    }

    /// <summary>
    /// A sentence the engine wrote from cards: a camera card's phrase goes to the camera shot and a mood card's to the
    /// mood; light, palette, style and the rest stay in the prose as written.
    /// </summary>
    private static void AddCards(TemplateParts parts, IReadOnlyList<Enhancement> cards, string sentence)
    {
        var inProse = false;
        foreach (var card in cards)
        {
            if (CameraCategories.Contains(card.Category))
            {
                parts.Camera.Add(card.Phrase);
            }
            else if (string.Equals(card.Category, "mood", StringComparison.Ordinal))
            {
                parts.Mood.Add(card.Phrase);
            }
            else
            {
                inProse = true;
            }
        }

        if (inProse)
        {
            parts.Prose.Add(TextTokens.EnsureSentenceEnd(sentence));
            Harvest(parts, TextTokens.Tokenize(sentence));
        }
    }

    private static void AddClause(TemplateParts parts, PromptClause clause)
    {
        if (clause.CategoryId is { } id && CameraCategories.Contains(id))
        {
            parts.Camera.Add(Fragment(clause));
        }
        else if (string.Equals(clause.CategoryId, "mood", StringComparison.Ordinal))
        {
            parts.Mood.Add(Fragment(clause));
        }
        else
        {
            var sentence = clause.HasTitle ? TextTokens.UpperFirst(clause.Description) : $"{clause.Label}: {clause.Text}";
            parts.Prose.Add(TextTokens.EnsureSentenceEnd(sentence));
            Harvest(parts, TextTokens.Tokenize(sentence));
        }
    }

    private static void AddSentence(TemplateParts parts, string sentence)
    {
        if (IsDialogue(sentence))
        {
            parts.Dialogue.Add(sentence);
            return;
        }

        var tokens = TextTokens.Tokenize(sentence);
        if (StructureLexicons.HasCameraTerm(tokens))
        {
            parts.Camera.Add(TextTokens.TrimSentenceEnd(TextTokens.LowerFirst(sentence)));
        }
        else if (StructureLexicons.IsMoodSentence(tokens))
        {
            parts.Mood.Add(WithoutMoodLeadIn(TextTokens.TrimSentenceEnd(TextTokens.LowerFirst(sentence))));
        }
        else if (parts.SceneSentence is not null && StructureLexicons.HasActionVerb(tokens))
        {
            parts.Beats.Add(WithSubject(TextTokens.TrimSentenceEnd(sentence), tokens, parts.SceneSentence));
            Harvest(parts, tokens);
        }
        else
        {
            // The first scene or action sentence introduces the subject, so it always stays in the prose.
            parts.SceneSentence ??= sentence;
            parts.Prose.Add(TextTokens.EnsureSentenceEnd(sentence));
            Harvest(parts, tokens);
        }
    }

    private TemplateParts ReadTemplate(List<string> lines)
    {
        var parts = new TemplateParts();
        var section = Section.Prose;
        foreach (var line in lines)
        {
            if (HeadingOf(line) is { } heading)
            {
                section = heading;
                continue;
            }

            switch (section)
            {
                case Section.Cinematography when TryValue(line, CameraShotLabel, out var camera):
                    parts.Camera.Add(camera);
                    break;
                case Section.Cinematography when TryValue(line, MoodLabel, out var mood):
                    parts.Mood.Add(mood);
                    break;
                case Section.Cinematography:
                    parts.ExtraCinematography.Add(line);
                    break;
                case Section.Prose or Section.Actions or Section.Dialogue when PromptClause.TryParse(line, catalog, out var clause):
                    // A card applied to an already structured prompt lands after the template; sort it in.
                    AddClause(parts, clause);
                    break;
                case Section.Actions or Section.Dialogue when _prose.TryTake(line, out var cards, out var rest) && rest.Length == 0:
                    foreach (var sentence in SentenceSplitter.Split(line))
                    {
                        AddCards(parts, _prose.Read(sentence)!, sentence);
                    }

                    break;
                case Section.Actions:
                    parts.Beats.Add(StripBullet(line));
                    break;
                case Section.Dialogue:
                    parts.Dialogue.Add(StripBullet(line));
                    break;
                default:
                    parts.Prose.Add(line);
                    break;
            }
        }

        var paragraph = string.Join(' ', parts.Prose);
        parts.SceneSentence = SentenceSplitter.Split(paragraph).FirstOrDefault();
        Harvest(parts, TextTokens.Tokenize(paragraph));
        return parts;
    }

    private static Section? HeadingOf(string line) =>
        line.Equals(CinematographyHeading, StringComparison.OrdinalIgnoreCase) ? Section.Cinematography
        : line.Equals(ActionsHeading, StringComparison.OrdinalIgnoreCase) ? Section.Actions
        : line.Equals(DialogueHeading, StringComparison.OrdinalIgnoreCase) ? Section.Dialogue
        : null;

    private static string Render(TemplateParts parts)
    {
        var builder = new StringBuilder();
        if (parts.Prose.Count > 0)
        {
            builder.AppendJoin(' ', parts.Prose).Append("\n\n");
        }

        builder.Append(CinematographyHeading).Append('\n');
        builder.Append(CameraShotLabel).Append(' ').Append(JoinOrDefault(parts.Camera, DefaultCameraShot)).Append('\n');
        builder.Append(MoodLabel).Append(' ').Append(MoodLine(parts)).Append('\n');
        foreach (var extra in parts.ExtraCinematography)
        {
            builder.Append(extra).Append('\n');
        }

        builder.Append('\n').Append(ActionsHeading).Append('\n');
        foreach (var beat in parts.Beats.Count > 0 ? parts.Beats : DerivedBeats(parts.SceneSentence))
        {
            builder.Append("- ").Append(beat).Append('\n');
        }

        if (parts.Dialogue.Count > 0)
        {
            builder.Append('\n').Append(DialogueHeading).Append('\n');
            foreach (var line in parts.Dialogue)
            {
                builder.Append("- ").Append(line).Append('\n');
            }
        }

        return builder.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// Joins the parts, or gives the default when there are none. A default left by an earlier structuring pass is a
    /// placeholder, so it gives way once a real part (a card applied since) arrives.
    /// </summary>
    private static string JoinOrDefault(List<string> parts, string fallback)
    {
        var real = parts.Where(p => !p.Equals(fallback, StringComparison.OrdinalIgnoreCase)).ToList();
        return real.Count > 0 ? string.Join("; ", real) : fallback;
    }

    private static string MoodLine(TemplateParts parts) =>
        parts.Mood.Count > 0 ? JoinOrDefault(parts.Mood, DefaultMood)
        : parts.MoodWords.Count > 0 ? string.Join(", ", parts.MoodWords.Take(MaxHarvestedMoodWords))
        : DefaultMood;

    /// <summary>Beats for a prompt with no action sentence: the scene's own action, then a held moment on its subject.</summary>
    internal static IReadOnlyList<string> DerivedBeats(string? sceneSentence)
    {
        if (sceneSentence is null)
        {
            return ["Hold on the subject for a four-count as the camera completes its move"];
        }

        var subject = Subject(sceneSentence);
        return HasAction(sceneSentence)
            ? [TextTokens.TrimSentenceEnd(sceneSentence), $"Hold on {subject} for a two-count as the shot settles"]
            : [$"Hold on {subject} for a four-count as the camera completes its move"];
    }

    /// <summary>A known action verb, or a verb the lexicon lacks that takes an object ("plates a dessert").</summary>
    private static bool HasAction(string sentence)
    {
        if (StructureLexicons.HasActionVerb(TextTokens.Tokenize(sentence)))
        {
            return true;
        }

        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 2; i + 1 < words.Length; i++)
        {
            if (IsVerbBeforeObject(words[i].ToLowerInvariant(), words[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The noun phrase a scene sentence opens with: "A red fox trots across ..." gives "the red fox".</summary>
    internal static string Subject(string sentence)
    {
        var raw = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var skip = raw.Length > 2 && SubjectLeadIns.Contains(raw[0].ToLowerInvariant())
            && raw[1].Equals("of", StringComparison.OrdinalIgnoreCase) ? 2 : 0;
        var words = new List<string>();
        var rest = raw.Skip(skip).ToList();
        for (var i = 0; i < rest.Count; i++)
        {
            var word = rest[i].Trim('"', '“', '”', '(', ')');
            var bare = word.TrimEnd(',', '.', ';', ':', '!', '?');
            var lower = bare.ToLowerInvariant();
            if (bare.Length == 0 || StructureLexicons.ActionVerbs.Contains(lower)
                || (words.Count > 0 && StructureLexicons.SubjectStops.Contains(lower))
                || (words.Count > 1 && IsVerbBeforeObject(lower, i + 1 < rest.Count ? rest[i + 1] : null)))
            {
                break;
            }

            words.Add(bare);
            if (bare.Length != word.Length || words.Count == MaxSubjectWords)
            {
                break;
            }
        }

        var first = words.Count > 0 ? words[0].ToLowerInvariant() : string.Empty;
        if (words.Count == 0 || (words.Count == 1 && (Placeholders.Contains(first) || Articles.Contains(first))))
        {
            return "the subject";
        }

        if (Articles.Contains(first))
        {
            words[0] = "the";
        }
        else if (words.Count == 1 || !char.IsUpper(words[1][0]))
        {
            // A capitalised second word suggests a name ("Maria Lopez"); otherwise the capital is only sentence case.
            words[0] = TextTokens.LowerFirst(words[0]);
        }

        return string.Join(' ', words);
    }

    /// <summary>"mends" in "a fisherman mends his net": a word in -s that an object follows is the verb.</summary>
    private static bool IsVerbBeforeObject(string word, string? next) =>
        word.Length > 3 && word[^1] == 's' && word[^2] != 's' && word[^2] != 'u' && word.All(char.IsLetter)
        && next is not null && ObjectOpeners.Contains(next.ToLowerInvariant());

    /// <summary>
    /// A beat that opens with its verb ("Turns and walks away.", "Then turns.") names the scene's subject, so the Actions
    /// list never loses who acts.
    /// </summary>
    private static string WithSubject(string beat, List<string> tokens, string sceneSentence)
    {
        var verbAt = tokens is ["then", ..] ? 1 : 0;
        if (tokens.Count <= verbAt || !StructureLexicons.ActionVerbs.Contains(tokens[verbAt])
            || !(tokens[verbAt].EndsWith('s') || tokens[verbAt].EndsWith("ed", StringComparison.Ordinal)))
        {
            return beat;
        }

        var subject = Subject(sceneSentence);
        if (verbAt == 0)
        {
            return TextTokens.UpperFirst(subject) + " " + TextTokens.LowerFirst(beat);
        }

        var then = beat.IndexOf(' ', StringComparison.Ordinal);
        return then < 0 ? beat : beat[..then] + " " + subject + beat[then..];
    }

    private static string WithoutMoodLeadIn(string fragment)
    {
        foreach (var leadIn in MoodLeadIns)
        {
            if (fragment.Length > leadIn.Length && fragment.StartsWith(leadIn, StringComparison.OrdinalIgnoreCase))
            {
                return fragment[leadIn.Length..];
            }
        }

        return fragment;
    }

    internal static string Fragment(PromptClause clause) =>
        clause.HasTitle
            ? $"{clause.Title.ToLowerInvariant()}{PromptClause.TitleSeparator}{TextTokens.TrimSentenceEnd(TextTokens.LowerFirst(clause.Description))}"
            : TextTokens.TrimSentenceEnd(TextTokens.LowerFirst(clause.Text));

    internal static bool IsDialogue(string sentence) =>
        sentence.Contains('“', StringComparison.Ordinal) || sentence.Count(c => c == '"') >= 2;

    private static void Harvest(TemplateParts parts, List<string> tokens)
    {
        foreach (var token in tokens)
        {
            if (StructureLexicons.MoodWords.Contains(token) && !parts.MoodWords.Contains(token))
            {
                parts.MoodWords.Add(token);
            }
        }
    }

    private static bool TryValue(string line, string label, out string value)
    {
        value = line.StartsWith(label, StringComparison.OrdinalIgnoreCase) ? line[label.Length..].Trim() : string.Empty;
        return value.Length > 0;
    }

    private static string StripBullet(string line) =>
        line is ['-' or '*' or '•', ' ', ..] ? line[2..].Trim() : line;

    private enum Section
    {
        Prose,
        Cinematography,
        Actions,
        Dialogue,
    }

    internal sealed class TemplateParts
    {
        public List<string> Prose { get; } = [];

        /// <summary>The first free-text scene sentence; derived beats name its subject.</summary>
        public string? SceneSentence { get; set; }

        public List<string> Camera { get; } = [];

        public List<string> Mood { get; } = [];

        public List<string> MoodWords { get; } = [];

        public List<string> ExtraCinematography { get; } = [];

        public List<string> Beats { get; } = [];

        public List<string> Dialogue { get; } = [];
    }
}
