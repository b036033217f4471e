using System.Collections.Frozen;
using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// Offline auto-generate writes the idea as a shot: the idea itself first (its subject and action, paced in beats when
/// it holds several actions), then the prose of a camera angle and move, a light and a palette, and a style (see
/// <see cref="ShotProse"/>). The cards are the ones that fit what the idea says about time, weather, place, subject and
/// mood (see <see cref="CardFits"/>); among cards that fit about as well, the idea's own text decides, so unrelated
/// ideas get different looks and the same idea always the same one.
/// </summary>
internal sealed class IdeaExpander(PromptCatalog catalog)
{
    /// <summary>A card this many points below the best fit still counts as fitting, so that looks vary between ideas.</summary>
    private const int FitMargin = 2;

    /// <summary>What an idea that names a card ("by candlelight", "a drone shot", "in autumn") adds to that card's fit.</summary>
    private const int NamedBonus = CardFit.StrongWeight;

    /// <summary>Title words too common to mean the idea asks for the card ("Warm Candlelight" is named by "candlelight").</summary>
    private static readonly FrozenSet<string> GenericTitleWords = WordForms.Stems(
        "warm", "cool", "soft", "light", "lighting", "shot", "slow", "view", "up", "in", "out", "high", "low", "tight",
        "medium", "wide", "modern", "and", "the", "of", "a", "eye", "level", "angle", "close", "extreme", "point", "over",
        "rich", "deep", "hour", "glow", "key", "static", "off", "long", "single", "film", "video", "motion", "polish",
        "hand", "drawn", "rise", "glide", "follow", "reveal", "tones", "haze", "pan", "crane", "shoulder");

    private static readonly FrozenDictionary<string, CardFit> FitsById =
        CardFits.All.ToFrozenDictionary(f => f.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The cards of each category chosen in, with the title words that name them, read once per catalog.</summary>
    private readonly (string CategoryId, Choice[] Cards)[] _choices = [.. CardFits.ChoiceOrder
        .Select(id => (id, catalog.FindCategory(id)?.Enhancements.Where(e => e.Phrase.Length > 0).Select(Choice.Of).ToArray() ?? []))
        .Where(c => c.Item2.Length > 0)];

    public string Expand(string basicPrompt) => Expand(basicPrompt, int.MaxValue).Text;

    public (string Text, bool Shortened) Expand(string basicPrompt, int maxChars) => Document(basicPrompt).RenderWithin(maxChars);

    /// <summary>
    /// The expanded idea for a target's layout: a model that cuts between shots is told to keep one, and a target with
    /// sound gets an audio line, since its audio is on.
    /// </summary>
    public OfflineText Expand(string basicPrompt, TargetStyle style, OfflineBudget budget)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(budget);
        var document = Document(basicPrompt);
        if (style.Layout != TargetLayout.SoraTemplate)
        {
            var opening = style.CutsByDefault ? TargetStyle.SingleShotOpening + ", no scene cuts. " : string.Empty;
            var audio = style.Sound == TargetSound.Section ? $"\n{TargetStyle.AudioLabel} {TargetStructurer.DefaultSound}" : string.Empty;
            document = document with { Scene = opening + document.Scene + audio };
        }

        var (text, shortened, targetLimitHit) = document.RenderWithin(budget, style);
        return new OfflineText(text, shortened ? [budget.LeftOutWarning(style, targetLimitHit)] : []);
    }

    private PromptDocument Document(string basicPrompt)
    {
        var idea = TextTokens.CollapseWhitespace(basicPrompt);
        var scene = idea.Length == 0 ? string.Empty : TextTokens.EnsureSentenceEnd(TextTokens.UpperFirst(IdeaBeats.Pace(idea)));
        var document = PromptDocument.Empty with { Scene = scene };
        foreach (var card in Pick(basicPrompt))
        {
            document = document.With(PromptClause.ForCard(card, catalog));
        }

        return document;
    }

    /// <summary>The cards of the shot, one per category of <see cref="CardFits.ChoiceOrder"/>, in catalog order.</summary>
    public IReadOnlyList<Enhancement> Pick(string basicPrompt)
    {
        var idea = TextTokens.TrimSentenceEnd(TextTokens.CollapseWhitespace(basicPrompt).ToLowerInvariant());
        var traits = IdeaTraits.Read(idea);
        var named = TextTokens.Tokenize(idea).Select(TextTokens.Stem).ToHashSet(StringComparer.Ordinal);
        var picks = new List<Enhancement>(_choices.Length);
        foreach (var (categoryId, cards) in _choices)
        {
            var choice = Choose(cards, traits, named, Seed(idea, categoryId));
            picks.Add(choice.Card);
            traits |= choice.Fit.Gives;
        }

        return [.. picks.OrderBy(e => catalog.CategoryOrder(e.Category))];
    }

    /// <summary>
    /// The card among those that suit the traits and score within <see cref="FitMargin"/> of the best, picked by the idea's
    /// seed. When no card suits the idea at all, the ones with the fewest clashes compete instead.
    /// </summary>
    private static Choice Choose(Choice[] cards, IdeaTrait traits, HashSet<string> ideaStems, uint seed)
    {
        var suiting = cards.Where(c => c.Fit.Suits(traits)).ToList();
        var pool = suiting.Count > 0
            ? suiting
            : [.. cards.GroupBy(c => Clashes(c.Fit, traits)).OrderBy(g => g.Key).First()];
        var scores = pool.Select(c => c.Fit.Score(traits) + (c.IsNamedBy(ideaStems) ? NamedBonus : 0)).ToList();
        var best = scores.Max();
        var candidates = pool.Where((_, i) => scores[i] >= best - FitMargin).ToList();
        return candidates[(int)(seed % (uint)candidates.Count)];
    }

    private static int Clashes(CardFit fit, IdeaTrait traits) =>
        System.Numerics.BitOperations.PopCount((ulong)(fit.Clash & traits)) + (fit.Needs != IdeaTrait.None && (fit.Needs & traits) == 0 ? 1 : 0);

    /// <summary>A card to choose from: its fit (neutral when it has none of its own) and the title words that name it.</summary>
    private sealed record Choice(Enhancement Card, CardFit Fit, string[] NamingWords)
    {
        public static Choice Of(Enhancement card) => new(
            card,
            FitsById.GetValueOrDefault(card.Id) ?? new CardFit(card.Id),
            [.. TextTokens.Tokenize(card.Title).Select(TextTokens.Stem).Where(t => !GenericTitleWords.Contains(t))]);

        public bool IsNamedBy(HashSet<string> ideaStems) => NamingWords.Any(ideaStems.Contains);
    }

    /// <summary>FNV-1a over the idea and the category: stable across runs and machines, unlike string.GetHashCode.</summary>
    private static uint Seed(string idea, string categoryId)
    {
        var hash = 2166136261u;
        foreach (var c in idea + "\n" + categoryId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
