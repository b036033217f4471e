using System.Text.RegularExpressions;
using SoraPromptGenie.Core.Catalog;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Core.Engines.Offline;
using SoraPromptGenie.Core.Lint;
using SoraPromptGenie.Core.Targets;
using Xunit.Abstractions;

namespace SoraPromptGenie.Tests.Engines.Offline;

/// <summary>
/// The offline engine's auto-generate measured on a corpus of unrelated ideas: every result keeps the idea's subject and
/// action ahead of the look, names one camera move, a light source and a palette from cards that fit the idea, paces the
/// action in beats when the idea has several, scores at least <see cref="MinScore"/> by the product's lint (without a
/// target and for each layout family) with no finding in a card's own wording, and fits the target's limit. No two ideas
/// of the corpus share their look, and the same idea always gives the same text.
/// </summary>
public sealed class OfflineShotCorpusTests(ITestOutputHelper output)
{
    public const int MinScore = 80;

    /// <summary>The cards every result is written with: the look that must differ between unrelated ideas.</summary>
    public static readonly string[] LookCategories = ["camera-motion", "lighting", "color-palette", "style"];

    /// <summary>
    /// Unrelated ideas: weather, time of day, indoors and out, city and nature, children, animals, food, sport, night,
    /// science fiction, period. Each names the words of its subject and action, and the cards that would contradict it.
    /// </summary>
    public static readonly ShotIdea[] Corpus =
    [
        new("an old fisherman mends his net on a windy pier at dawn", "fisherman", "mends",
            Misfits: ["lighting/moonlight", "lighting/neon-glow", "lighting/candlelight", "style/neo-noir", "style/sci-fi-epic"]),
        new("Two kids racing paper boats down a flooded street after a storm.", "kids", "racing",
            Misfits: ["lighting/neon-glow", "lighting/low-key-chiaroscuro", "lighting/moonlight", "style/neo-noir", "style/film-noir", "color-palette/cyberpunk-neon", "camera-angles/dutch-angle"]),
        new("a chef in a tiny kitchen plates a dessert", "chef", "plates",
            Misfits: ["camera-motion/steadicam-glide", "camera-motion/drone-flyover", "camera-motion/crane-up", "camera-angles/wide-establishing", "lighting/moonlight", "lighting/golden-hour"]),
        new("a red fox trots across a snowy field at night", "fox", "trots",
            Misfits: ["lighting/golden-hour", "lighting/high-key", "lighting/soft-window-light", "lighting/neon-glow", "style/commercial-polish"]),
        new("a woman walks through rain in a neon alley at midnight", "woman", "walks",
            Misfits: ["lighting/golden-hour", "lighting/soft-window-light", "lighting/high-key", "color-palette/pastel-haze", "style/nature-documentary"]),
        new("a grandmother knits a scarf by the fireplace on a winter evening", "grandmother", "knits",
            Misfits: ["camera-motion/drone-flyover", "camera-motion/tracking-shot", "lighting/neon-glow", "lighting/golden-hour", "style/sci-fi-epic"]),
        new("a surfer rides a huge wave at sunset", "surfer", "rides",
            Misfits: ["lighting/moonlight", "lighting/candlelight", "lighting/soft-window-light", "lighting/practical-lamps"]),
        new("an astronaut floats outside a space station above the earth", "astronaut", "floats",
            Misfits: ["lighting/golden-hour", "lighting/candlelight", "style/nature-documentary", "style/vintage-super-8", "color-palette/forest-greens"]),
        new("a detective lights a cigarette under a streetlamp in the rain", "detective", "lights",
            Misfits: ["lighting/high-key", "lighting/golden-hour", "color-palette/pastel-haze", "color-palette/vibrant-primaries", "style/stop-motion"]),
        new("a toddler takes her first steps across a sunny living room", "toddler", "takes",
            Misfits: ["lighting/low-key-chiaroscuro", "lighting/moonlight", "style/film-noir", "style/neo-noir", "camera-angles/dutch-angle", "color-palette/bleach-bypass", "camera-motion/drone-flyover"]),
        new("a herd of elephants crosses a dusty savanna at noon", "elephants", "crosses",
            Misfits: ["lighting/moonlight", "lighting/candlelight", "lighting/neon-glow", "lighting/soft-window-light", "style/film-noir"]),
        new("a barista pours latte art in a busy café on a rainy morning", "barista", "pours",
            Misfits: ["camera-motion/drone-flyover", "lighting/moonlight", "lighting/neon-glow", "style/sci-fi-epic"]),
        new("a skateboarder jumps a staircase in an empty city plaza", "skateboarder", "jumps",
            Misfits: ["lighting/candlelight", "lighting/soft-window-light", "style/nature-documentary"]),
        new("a couple dances slowly on a rooftop under the stars", "couple", "dances",
            Misfits: ["lighting/golden-hour", "lighting/high-key", "lighting/soft-window-light", "color-palette/bleach-bypass"]),
        new("a boy flies a kite on a windy hill", "boy", "flies",
            Misfits: ["lighting/neon-glow", "lighting/moonlight", "lighting/candlelight", "lighting/low-key-chiaroscuro", "style/film-noir", "style/neo-noir"]),
        new("a rusty robot repairs itself in an abandoned factory", "robot", "repairs",
            Misfits: ["color-palette/pastel-haze", "style/nature-documentary", "style/vintage-super-8"]),
        new("a cat knocks a glass off the kitchen table and watches it fall", "cat", "knocks", Beats: true,
            Misfits: ["camera-motion/drone-flyover", "lighting/neon-glow", "style/film-noir"]),
        new("a marathon runner crosses the finish line and collapses", "runner", "crosses", Beats: true,
            Misfits: ["lighting/candlelight", "lighting/moonlight", "style/stop-motion"]),
        new("a knight rides through a misty forest at dawn", "knight", "rides",
            Misfits: ["lighting/neon-glow", "lighting/moonlight", "style/sci-fi-epic", "style/vhs-camcorder", "style/commercial-polish"]),
        new("a baker slides fresh loaves out of a wood-fired oven", "baker", "slides",
            Misfits: ["camera-motion/drone-flyover", "lighting/neon-glow", "lighting/moonlight"]),
        new("a lighthouse keeper climbs the spiral stairs during a thunderstorm", "keeper", "climbs",
            Misfits: ["lighting/golden-hour", "lighting/high-key", "color-palette/pastel-haze", "color-palette/vibrant-primaries"]),
        new("a deer drinks from a still lake in the early morning", "deer", "drinks",
            Misfits: ["lighting/neon-glow", "lighting/candlelight", "lighting/moonlight", "lighting/practical-lamps", "style/music-video"]),
        new("a street musician plays violin in a subway station", "musician", "plays",
            Misfits: ["lighting/moonlight", "camera-motion/drone-flyover", "style/nature-documentary"]),
        new("a girl reads a book under a tree in a summer meadow", "girl", "reads",
            Misfits: ["lighting/neon-glow", "lighting/moonlight", "lighting/low-key-chiaroscuro", "style/film-noir", "camera-angles/dutch-angle"]),
        new("firefighters battle a blaze in a burning warehouse at night", "firefighters", "battle",
            Misfits: ["lighting/golden-hour", "lighting/soft-window-light", "color-palette/pastel-haze", "style/stop-motion"]),
        new("a monk sweeps the courtyard of a mountain temple", "monk", "sweeps",
            Misfits: ["lighting/neon-glow", "style/music-video", "style/vhs-camcorder", "color-palette/cyberpunk-neon"]),
        new("a pilot lands a small plane on a desert airstrip", "pilot", "lands",
            Misfits: ["lighting/candlelight", "lighting/soft-window-light", "color-palette/forest-greens"]),
        new("a jazz singer performs in a smoky 1920s speakeasy", "singer", "performs",
            Misfits: ["lighting/golden-hour", "camera-motion/drone-flyover", "style/nature-documentary", "style/sci-fi-epic"]),
        new("a whale breaches beside a small boat in the open ocean", "whale", "breaches",
            Misfits: ["lighting/candlelight", "lighting/soft-window-light", "lighting/practical-lamps", "lighting/neon-glow"]),
        new("an old man feeds pigeons on a park bench in autumn", "man", "feeds",
            Misfits: ["lighting/neon-glow", "style/sci-fi-epic", "style/music-video", "camera-angles/dutch-angle"]),
        new("a hacker types furiously in a dark apartment at night", "hacker", "types",
            Misfits: ["lighting/golden-hour", "lighting/high-key", "style/nature-documentary", "color-palette/pastel-haze"]),
        new("children chase bubbles in a sunny backyard", "children", "chase",
            Misfits: ["lighting/neon-glow", "lighting/moonlight", "lighting/low-key-chiaroscuro", "style/film-noir", "style/neo-noir", "color-palette/bleach-bypass"]),
        new("a soldier writes a letter by candlelight in a trench", "soldier", "writes",
            Misfits: ["lighting/high-key", "lighting/golden-hour", "color-palette/vibrant-primaries", "color-palette/pastel-haze", "lighting/neon-glow"]),
        new("a horse gallops along a beach at sunrise", "horse", "gallops",
            Misfits: ["lighting/moonlight", "lighting/neon-glow", "lighting/candlelight", "lighting/soft-window-light"]),
        new("a street food vendor flips noodles in a wok at a night market", "vendor", "flips",
            Misfits: ["lighting/golden-hour", "lighting/soft-window-light", "style/nature-documentary"]),
        new("a hummingbird hovers at a red flower in the rainforest", "hummingbird", "hovers",
            Misfits: ["lighting/neon-glow", "lighting/candlelight", "lighting/practical-lamps", "style/film-noir", "style/commercial-polish"]),
        new("a teenager roller-skates through a crowded mall in the 1980s", "teenager", "roller-skates",
            Misfits: ["style/sci-fi-epic", "style/nature-documentary", "lighting/moonlight"]),
        new("a farmer harvests wheat on a hot afternoon", "farmer", "harvests",
            Misfits: ["lighting/neon-glow", "lighting/moonlight", "lighting/candlelight", "color-palette/cyberpunk-neon"]),
        new("a ballerina spins alone on an empty stage", "ballerina", "spins",
            Misfits: ["camera-motion/drone-flyover", "style/nature-documentary", "lighting/golden-hour"]),
        new("a scientist examines a glowing sample in a futuristic lab", "scientist", "examines",
            Misfits: ["lighting/golden-hour", "style/vintage-super-8", "style/nature-documentary", "color-palette/autumn-amber"]),
        new("a family eats dinner together around a crowded table", "family", "eats",
            Misfits: ["camera-motion/drone-flyover", "lighting/neon-glow", "style/film-noir", "camera-angles/dutch-angle"]),
        new("a climber reaches the summit of a frozen mountain", "climber", "reaches",
            Misfits: ["lighting/candlelight", "lighting/neon-glow", "lighting/soft-window-light", "lighting/practical-lamps"]),
        new("a taxi speeds through a rainy city at night", "taxi", "speeds",
            Misfits: ["lighting/golden-hour", "lighting/high-key", "color-palette/pastel-haze", "style/nature-documentary"]),
        new("a potter shapes clay on a spinning wheel", "potter", "shapes",
            Misfits: ["camera-motion/drone-flyover", "camera-motion/crane-up", "lighting/neon-glow"]),
        new("a dragon circles a medieval castle at dusk", "dragon", "circles",
            Misfits: ["lighting/neon-glow", "style/commercial-polish", "style/vhs-camcorder", "color-palette/cyberpunk-neon"]),
        new("a swimmer dives into an outdoor pool at dawn", "swimmer", "dives",
            Misfits: ["lighting/moonlight", "lighting/neon-glow", "lighting/candlelight"]),
        new("a puppy chases its tail in a snowy garden", "puppy", "chases",
            Misfits: ["lighting/neon-glow", "lighting/low-key-chiaroscuro", "style/film-noir", "color-palette/bleach-bypass"]),
        new("a boy blows out the candles on his birthday cake and laughs", "boy", "blows", Beats: true,
            Misfits: ["style/film-noir", "style/neo-noir", "camera-motion/drone-flyover", "camera-angles/dutch-angle"]),
    ];

    /// <summary>No target, then one target of each layout family (and of each way of writing sound and negatives).</summary>
    private static readonly string?[] TargetIds =
        [null, "sora-2", "veo-3.1", "runway-gen4.5", "gemini-omni-1.1-flash", "luma-ray-3.2", "seedance-2.0", "kling-v3"];

    private static readonly PromptCatalog Catalog = PromptCatalog.LoadEmbedded();
    private static readonly TargetCatalog Targets = TargetCatalog.LoadEmbedded();
    private static readonly PromptLinter Linter = new();
    private readonly OfflinePromptEngine _engine = new(Catalog);

    public static TheoryData<string> Ideas() => [.. Corpus.Select(c => c.Idea)];

    [Fact]
    public void Corpus_HoldsAtLeastFortyDistinctIdeas()
    {
        Assert.True(Corpus.Length >= 40, $"The corpus holds {Corpus.Length} ideas; at least 40 are needed.");
        Assert.Equal(Corpus.Length, Corpus.Select(c => c.Idea).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Corpus.SelectMany(c => c.Misfits), id => Assert.NotNull(Catalog.FindEnhancement(id)));
    }

    [Theory]
    [MemberData(nameof(Ideas))]
    public async Task Expand_CorpusIdea_WritesAShotThatMeetsEveryCriterion(string idea)
    {
        var shot = Corpus.Single(c => c.Idea == idea);
        var cards = new IdeaExpander(Catalog).Pick(idea);
        var failures = new List<string>();

        foreach (var category in LookCategories.Where(category => !cards.Any(c => c.Category == category)))
        {
            failures.Add($"no {category} card was chosen (cards: {Ids(cards)})");
        }

        foreach (var misfit in cards.Where(c => shot.Misfits.Contains(c.Id)))
        {
            failures.Add($"{misfit.Id} does not fit this idea");
        }

        foreach (var targetId in TargetIds)
        {
            var target = targetId is null ? null : Targets.Find(targetId)!;
            var result = await _engine.RunAsync(new TextOperation.Expand(idea) { Target = target }, CancellationToken.None);
            failures.AddRange(Check(shot, cards, result.Text, target).Select(f => $"[{targetId ?? "no target"}] {f}"));
            output.WriteLine($"[{targetId ?? "no target"}] lint {Linter.Lint(result.Text, target).Score}");
        }

        Assert.True(failures.Count == 0, $"\"{idea}\":\n  {string.Join("\n  ", failures)}");
    }

    [Fact]
    public void Pick_UnrelatedIdeas_NeverShareTheirFourLookCards()
    {
        var looks = Corpus
            .Select(c => (c.Idea, Look: string.Join(" + ", LookCategories.Select(category =>
                new IdeaExpander(Catalog).Pick(c.Idea).FirstOrDefault(e => e.Category == category)?.Id ?? $"(no {category})"))))
            .ToList();

        var shared = looks.GroupBy(l => l.Look).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(" | ", g.Select(l => l.Idea))}").ToList();

        var figures = $"{looks.Select(l => l.Look).Distinct().Count()} distinct looks for {looks.Count} ideas";
        output.WriteLine(figures);
        Assert.True(shared.Count == 0, $"{figures}; shared:\n  {string.Join("\n  ", shared)}");
    }

    [Fact]
    public async Task Expand_SameIdeaTwiceAndOnAFreshEngine_GivesTheSameText()
    {
        var fresh = new OfflinePromptEngine(PromptCatalog.LoadEmbedded());
        foreach (var idea in Corpus.Select(c => c.Idea))
        {
            var first = (await _engine.RunAsync(new TextOperation.Expand(idea), CancellationToken.None)).Text;
            var second = (await _engine.RunAsync(new TextOperation.Expand(idea), CancellationToken.None)).Text;
            var other = (await fresh.RunAsync(new TextOperation.Expand(idea), CancellationToken.None)).Text;

            Assert.Equal(first, second);
            Assert.Equal(first, other);
        }
    }

    private static IEnumerable<string> Check(ShotIdea shot, IReadOnlyList<Enhancement> cards, string text, TargetProfile? target)
    {
        var look = cards.Select(c => (Card: c, At: text.IndexOf(c.Phrase, StringComparison.OrdinalIgnoreCase))).ToList();
        foreach (var (card, _) in look.Where(l => l.At < 0))
        {
            yield return $"the phrase of {card.Id} (\"{card.Phrase}\") is not in the text";
        }

        var lookStart = look.Where(l => l.At >= 0).Select(l => l.At).DefaultIfEmpty(text.Length).Min();
        foreach (var (what, word) in new[] { ("subject", shot.Subject), ("action", shot.Action) })
        {
            var at = WordIndex(text, word);
            if (at < 0)
            {
                yield return $"the {what} \"{word}\" is missing";
            }
            else if (at > lookStart)
            {
                yield return $"the {what} \"{word}\" comes after the camera, light or style";
            }
        }

        var report = Linter.Lint(text, target);
        if (report.Score < MinScore)
        {
            yield return $"lint score {report.Score} < {MinScore}: {Describe(report.Findings)}";
        }

        foreach (var (rule, criterion) in new[] { (LintRules.CameraMove, "one camera move"), (LintRules.Light, "a light source"), (LintRules.Palette, "a palette of 3-5 colours") })
        {
            if (report.Findings.FirstOrDefault(f => f.Rule == rule) is { } finding)
            {
                yield return $"does not name {criterion}: {finding.Message}";
            }
        }

        if (shot.Beats && report.Findings.Any(f => f.Rule == LintRules.ActionBeats))
        {
            yield return "the idea has several actions but the result has no beats";
        }

        var phraseSpans = cards.SelectMany(c => Occurrences(text, c.Phrase).Select(at => (Card: c, Start: at, End: at + c.Phrase.Length))).ToList();
        foreach (var finding in report.Findings.Where(f => f.Span is not null))
        {
            var (start, end) = (finding.Span!.Start, finding.Span.Start + finding.Span.Length);
            foreach (var span in phraseSpans.Where(s => start < s.End && end > s.Start))
            {
                yield return $"finding caused by the wording of {span.Card.Id}: {finding.Rule}: {finding.Message}";
            }
        }

        if (text.Length > PromptLength.DefaultMaxPromptChars || (target?.PromptLimit is { } limit && !limit.Fits(text)))
        {
            yield return $"over the prompt limit ({text.Length} characters)";
        }
    }

    private static int WordIndex(string text, string word) =>
        Regex.Match(text, $@"\b{Regex.Escape(word)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant) is { Success: true } match ? match.Index : -1;

    private static IEnumerable<int> Occurrences(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            yield return at;
        }
    }

    private static string Ids(IEnumerable<Enhancement> cards) => string.Join(", ", cards.Select(c => c.Id));

    private static string Describe(IEnumerable<LintFinding> findings) => string.Join("; ", findings.Select(f => $"{f.Rule}: {f.Message}"));

    /// <summary>An idea of the corpus, the words of its subject and action, and the cards that would contradict it.</summary>
    public sealed record ShotIdea(string Idea, string Subject, string Action, bool Beats = false, params string[] Misfits);
}
