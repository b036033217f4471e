using System.Text;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// Offline structure for a target's layout family (<see cref="TargetStyle"/>): the sentences are sorted as for the Sora 2
/// template, then written as the target reads them. Motion-first (Runway Gen-4): the subject's motion and then the camera
/// open the prompt, the rest of the scene follows, the mood closes it. Scene then audio (Veo, Gemini Omni, Seedance, Kling): the picture in prose, then
/// an <c>Audio:</c> line with dialogue in quotes and the sound. Scene: the picture in prose. A silent target loses dialogue
/// and sound; what the video must not show stays as "No ..." sentences only for a target that folds negatives into the
/// prompt. Everything left out is named in a warning. Structuring twice changes nothing.
/// </summary>
internal sealed class TargetStructurer(PromptStructurer structurer)
{
    /// <summary>The audio line of a target with sound when the prompt describes none: its audio is on, so say what it is.</summary>
    public const string DefaultSound = "Natural ambient sound of the setting.";

    private const string SingleShotSentence = TargetStyle.SingleShotOpening + ", no scene cuts.";

    public OfflineText Structure(string? prompt, TargetStyle style, OfflineBudget budget)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(budget);
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return new OfflineText(string.Empty, []);
        }

        if (style.Layout == TargetLayout.SoraTemplate)
        {
            var (text, shortened) = structurer.Structure(prompt, budget.MaxChars);
            var hit = !budget.FitsTarget(text);
            return hit || shortened
                ? new OfflineText(budget.Cut(text), [budget.LeftOutWarning(style, hit)])
                : new OfflineText(text, []);
        }

        var sections = Sort(prompt, style);
        var warnings = sections.LeftOut(style);
        var rendered = Render(sections, style);
        var targetLimitHit = !budget.FitsTarget(rendered);
        var shortenedToFit = false;
        while (!budget.Fits(rendered) && sections.DropLast())
        {
            rendered = Render(sections, style);
            shortenedToFit = true;
        }

        if (!budget.Fits(rendered))
        {
            rendered = budget.Cut(rendered);
            shortenedToFit = true;
        }

        return new OfflineText(rendered, shortenedToFit ? [.. warnings, budget.LeftOutWarning(style, targetLimitHit)] : warnings);
    }

    private Sections Sort(string prompt, TargetStyle style)
    {
        var sections = new Sections();
        var lines = prompt.Split('\n');
        foreach (var audioLine in lines.Where(PromptDocument.IsAudioLine))
        {
            foreach (var sentence in SentenceSplitter.Split(audioLine.Trim()[TargetStyle.AudioLabel.Length..].Trim()))
            {
                (StructureLexicons.IsNegative(sentence) ? sections.Negatives
                    : PromptStructurer.IsDialogue(sentence) ? sections.Dialogue
                    : sections.Sound).Add(sentence);
            }
        }

        var picture = string.Join('\n', lines.Where(l => !PromptDocument.IsAudioLine(l)));
        if (string.IsNullOrWhiteSpace(picture))
        {
            return sections;
        }

        var parts = structurer.Read(picture);
        foreach (var sentence in parts.Prose.SelectMany(SentenceSplitter.Split))
        {
            Place(sections, sentence, sections.Picture);
        }

        foreach (var extra in parts.ExtraCinematography)
        {
            Place(sections, TextTokens.EnsureSentenceEnd(extra), sections.Picture);
        }

        foreach (var beat in parts.Beats)
        {
            Place(sections, TextTokens.EnsureSentenceEnd(beat), sections.Beats);
        }

        foreach (var camera in CameraSentences(parts.Camera))
        {
            Place(sections, camera, sections.Camera);
        }

        foreach (var mood in parts.Mood.Select(MoodSentence))
        {
            Place(sections, mood, sections.Mood);
        }

        sections.Dialogue.AddRange(parts.Dialogue.Select(TextTokens.EnsureSentenceEnd));
        if (style.CutsByDefault && sections.Opening.Count == 0 && !MentionsShots(prompt))
        {
            sections.Opening.Add(SingleShotSentence);
        }

        return sections;
    }

    private static void Place(Sections sections, string sentence, List<string> otherwise)
    {
        if (sentence.Contains(TargetStyle.SingleShotOpening, StringComparison.OrdinalIgnoreCase))
        {
            sections.Opening.Add(sentence);
        }
        else if (StructureLexicons.IsNegative(sentence))
        {
            sections.Negatives.Add(sentence);
        }
        else if (PromptStructurer.IsDialogue(sentence))
        {
            sections.Dialogue.Add(sentence);
        }
        else if (StructureLexicons.HasSoundWord(TextTokens.Tokenize(sentence)))
        {
            sections.Sound.Add(sentence);
        }
        else
        {
            otherwise.Add(sentence);
        }
    }

    private static string Render(Sections sections, TargetStyle style)
    {
        var picture = new List<string>(sections.Opening);
        if (style.Layout == TargetLayout.MotionFirst)
        {
            // Subject motion, then camera motion, then the rest of the scene, then style. Without beats, the scene
            // sentence that carries the action is the subject motion.
            var scene = sections.Picture;
            var leadsWithAction = sections.Beats.Count == 0 && scene.Count > 0
                && StructureLexicons.HasActionVerb(TextTokens.Tokenize(scene[0]));
            List<string> motion = leadsWithAction ? [scene[0], .. sections.Beats] : sections.Beats;
            picture.AddRange([.. motion, .. sections.Camera, .. scene.Skip(leadsWithAction ? 1 : 0), .. sections.Mood]);
        }
        else
        {
            picture.AddRange([.. sections.Picture, .. sections.Beats, .. sections.Camera, .. sections.Mood]);
        }

        if (style.Negatives == NegativeMode.Fold)
        {
            picture.AddRange(sections.Negatives);
        }

        if (style.Sound == TargetSound.Inline)
        {
            picture.AddRange([.. sections.Dialogue, .. sections.Sound]);
        }

        var builder = new StringBuilder().AppendJoin(' ', picture);
        if (style.Sound == TargetSound.Section)
        {
            List<string> audio = [.. sections.Dialogue, .. sections.Sound];
            builder.Append(builder.Length > 0 ? "\n\n" : string.Empty).Append(TargetStyle.AudioLabel).Append(' ')
                .AppendJoin(' ', audio.Count > 0 ? audio : [DefaultSound]);
        }

        return builder.ToString();
    }

    private static bool MentionsShots(string prompt) =>
        TextTokens.Tokenize(prompt) is var tokens
        && (tokens.Contains("shots") || tokens.Contains("cuts") || TextTokens.ContainsSequence(tokens, ["cut", "to"])
            || TextTokens.ContainsSequence(tokens, ["continuous", "shot"]) || TextTokens.ContainsSequence(tokens, ["single", "shot"]));

    /// <summary>
    /// The camera parts as sentences: the phrases of camera cards are written together as the engine writes them ("In a
    /// low-angle shot, the camera tracks ..."), at the place of the first; any other part is a card's description ("Low
    /// Angle — camera below ...") or the sentence it came from.
    /// </summary>
    private List<string> CameraSentences(List<string> fragments)
    {
        var cards = fragments.Select(f => structurer.Prose.CardWithPhrase(f)).OfType<Enhancement>().ToList();
        var sentences = new List<string>();
        var cardsWritten = false;
        foreach (var fragment in fragments)
        {
            if (structurer.Prose.CardWithPhrase(fragment) is null)
            {
                sentences.Add(TextTokens.EnsureSentenceEnd(TextTokens.UpperFirst(Description(fragment))));
            }
            else if (!cardsWritten)
            {
                sentences.AddRange(SentenceSplitter.Split(ShotProse.Write(cards)));
                cardsWritten = true;
            }
        }

        return sentences;
    }

    /// <summary>
    /// A mood part as a sentence: a mood card's phrase as the engine writes it, a short mood ("hushed, tense") named as the
    /// mood, a longer one kept as written.
    /// </summary>
    private string MoodSentence(string fragment)
    {
        if (structurer.Prose.CardWithPhrase(fragment) is { } card)
        {
            return ShotProse.Write([card]);
        }

        var mood = Description(fragment);
        return mood.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3 && !fragment.Contains(PromptClause.TitleSeparator, StringComparison.Ordinal)
            ? $"The mood is {TextTokens.TrimSentenceEnd(mood)}."
            : TextTokens.EnsureSentenceEnd(TextTokens.UpperFirst(mood));
    }

    private static string Description(string fragment) =>
        fragment.Split(PromptClause.TitleSeparator, 2) is [_, var description] ? description.Trim() : fragment.Trim();

    /// <summary>The sentences of a prompt by where a target's layout puts them.</summary>
    private sealed class Sections
    {
        public List<string> Opening { get; } = [];

        public List<string> Picture { get; } = [];

        public List<string> Beats { get; } = [];

        public List<string> Camera { get; } = [];

        public List<string> Mood { get; } = [];

        public List<string> Negatives { get; } = [];

        public List<string> Dialogue { get; } = [];

        public List<string> Sound { get; } = [];

        /// <summary>What the layout has no place for, with the reason; those sentences are emptied out.</summary>
        public List<string> LeftOut(TargetStyle style)
        {
            var warnings = new List<string>();
            if (style.Negatives != NegativeMode.Fold && Negatives.Count > 0)
            {
                warnings.Add(style.Negatives == NegativeMode.Field
                    ? $"Left out what the video must not show, {Quote(Negatives)}: {style.Name} takes it in its {style.Target.Negatives?.Path} field, not in the prompt."
                    : $"Left out {Quote(Negatives)}: {style.Name} works best with positive phrasing, so describe what should be there instead.");
                Negatives.Clear();
            }

            if (style.Sound == TargetSound.None && Dialogue.Count + Sound.Count > 0)
            {
                warnings.Add($"Left out the dialogue and sound, {Quote([.. Dialogue, .. Sound])}: {style.Name} makes silent video.");
                Dialogue.Clear();
                Sound.Clear();
            }

            return warnings;
        }

        /// <summary>Removes the last sentence of the first part that has one to spare; false when nothing is left to remove.</summary>
        public bool DropLast()
        {
            List<string>[] parts = [Picture, Beats, Sound, Dialogue, Mood, Negatives, Camera, Opening];
            int[] keep = [1, 1, 0, 0, 0, 0, 1, 1];
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i].Count > keep[i])
                {
                    parts[i].RemoveAt(parts[i].Count - 1);
                    return true;
                }
            }

            return false;
        }

        private static string Quote(IEnumerable<string> sentences) => $"\"{string.Join(" ", sentences)}\"";
    }
}

/// <summary>An offline result and what the user should know about how it was made to fit.</summary>
internal sealed record OfflineText(string Text, IReadOnlyList<string> Warnings);
