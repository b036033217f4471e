using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines.Offline;

namespace SoraPromptGenie.Core.Storyboards;

/// <summary>
/// The camera of each shot: one framing and one move from the catalog, chosen for the beat (a wide establishing shot, a
/// closer framing to develop, a more pointed angle and a move for the turn, a pull back to resolve) and, within the
/// beat's cards, for the idea (see <see cref="CardFits"/>). No move is used twice while the catalog has an unused one, and
/// framings repeat only when the beat's own are used up.
/// </summary>
internal sealed class BeatCameras(PromptCatalog catalog)
{
    private static readonly Dictionary<StoryBeat, (string[] Angles, string[] Moves)> Pools = new()
    {
        [StoryBeat.Establish] = (["wide-establishing"], ["slow-pan", "drone-flyover", "crane-up", "locked-off-static"]),
        [StoryBeat.Develop] = (
            ["medium-shot", "close-up", "eye-level", "extreme-close-up", "over-the-shoulder"],
            ["slow-dolly-in", "tracking-shot", "handheld-follow", "steadicam-glide", "locked-off-static"]),
        [StoryBeat.Turn] = (
            ["low-angle", "over-the-shoulder", "high-angle", "dutch-angle", "point-of-view", "worms-eye-view"],
            ["slow-orbit", "whip-pan", "dolly-zoom", "handheld-follow", "tracking-shot", "slow-dolly-in"]),
        [StoryBeat.Resolve] = (["high-angle", "birds-eye-view", "eye-level", "wide-establishing"], ["dolly-out-reveal", "crane-up"]),
    };

    private static readonly Dictionary<string, CardFit> FitsById = CardFits.All.ToDictionary(f => f.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>A framing and a move for each beat, in order.</summary>
    public IReadOnlyList<(Enhancement Angle, Enhancement Move)> Choose(IReadOnlyList<StoryBeat> beats, IdeaTrait traits)
    {
        var usedAngles = new HashSet<string>(StringComparer.Ordinal);
        var usedMoves = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new (Enhancement, Enhancement)[beats.Count];

        // The beats with few cards of their own choose first, so that the developing shots cannot use up the pull back.
        foreach (var i in Enumerable.Range(0, beats.Count).OrderBy(i => beats[i] == StoryBeat.Develop).ThenBy(i => i))
        {
            var (angles, moves) = Pools[beats[i]];
            var angle = Pick("camera-angles", angles, traits, usedAngles);
            var move = Pick("camera-motion", moves, traits | FitOf(angle).Gives, usedMoves);
            usedAngles.Add(angle.Id);
            usedMoves.Add(move.Id);
            chosen[i] = (angle, move);
        }

        return chosen;
    }

    /// <summary>
    /// The best unused card of the beat's pool (cards that suit the idea first, then by fit, then in pool order); once the
    /// pool is used up, the best unused card of the whole category; once that is too, the pool's best.
    /// </summary>
    private Enhancement Pick(string category, string[] pool, IdeaTrait traits, HashSet<string> used)
    {
        var cards = pool.Select(slug => catalog.FindEnhancement($"{category}/{slug}")).OfType<Enhancement>().ToList();
        var everyCard = catalog.FindCategory(category)?.Enhancements.Where(e => e.Phrase.Length > 0).ToList() ?? [];
        return Best(cards.Where(c => !used.Contains(c.Id)), traits)
            ?? Best(everyCard.Where(c => !used.Contains(c.Id)), traits)
            ?? Best(cards, traits)
            ?? throw new InvalidOperationException($"The catalog has no {category} card with a phrase.");
    }

    private static Enhancement? Best(IEnumerable<Enhancement> cards, IdeaTrait traits) => cards
        .Select((card, order) => (Card: card, Fit: FitOf(card), Order: order))
        .OrderByDescending(c => c.Fit.Suits(traits))
        .ThenByDescending(c => c.Fit.Score(traits))
        .ThenBy(c => c.Order)
        .Select(c => c.Card)
        .FirstOrDefault();

    private static CardFit FitOf(Enhancement card) => FitsById.GetValueOrDefault(card.Id) ?? new CardFit(card.Id);
}
