using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// Offline auto-generate: the idea becomes the scene sentence, and each core category gets one catalog card chosen
/// by the first keyword rule whose theme the idea mentions, or the category's default card.
/// </summary>
internal sealed class IdeaExpander(PromptCatalog catalog)
{
    /// <summary>Rules per core category, most specific first. Ids are catalog ids; a test checks they resolve.</summary>
    internal static readonly IReadOnlyList<CategoryRules> Rules =
    [
        new("camera-angles", "camera-angles/eye-level",
        [
            new(IdeaTheme.Portrait, "camera-angles/close-up"),
            new(IdeaTheme.Action, "camera-angles/low-angle"),
            new(IdeaTheme.Water | IdeaTheme.Forest | IdeaTheme.Nature | IdeaTheme.SciFi, "camera-angles/wide-establishing"),
        ]),
        new("camera-motion", "camera-motion/slow-dolly-in",
        [
            new(IdeaTheme.Action, "camera-motion/tracking-shot"),
            new(IdeaTheme.Portrait, "camera-motion/slow-dolly-in"),
            new(IdeaTheme.Water, "camera-motion/drone-flyover"),
            new(IdeaTheme.Forest | IdeaTheme.Nature, "camera-motion/slow-pan"),
            new(IdeaTheme.City, "camera-motion/steadicam-glide"),
        ]),
        new("lighting", "lighting/golden-hour",
        [
            new(IdeaTheme.City, "lighting/neon-glow"),
            new(IdeaTheme.Night, "lighting/moonlight"),
            new(IdeaTheme.Weather, "lighting/overcast-diffused"),
            new(IdeaTheme.Water, "lighting/backlit-silhouette"),
            new(IdeaTheme.Forest, "lighting/volumetric-light-shafts"),
            new(IdeaTheme.Portrait, "lighting/soft-window-light"),
        ]),
        new("style", "style/cinematic-35mm",
        [
            new(IdeaTheme.SciFi, "style/sci-fi-epic"),
            new(IdeaTheme.City, "style/neo-noir"),
            new(IdeaTheme.Forest | IdeaTheme.Nature, "style/nature-documentary"),
            new(IdeaTheme.Action, "style/anamorphic-widescreen"),
        ]),
    ];

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
        var scene = TextTokens.EnsureSentenceEnd(TextTokens.UpperFirst(TextTokens.CollapseWhitespace(basicPrompt)));
        var document = PromptDocument.Empty with { Scene = scene };
        foreach (var enhancement in Pick(basicPrompt))
        {
            var spec = new EnhancementSpec(enhancement.Title, enhancement.Description, enhancement.Category);
            if (PromptClause.FromEnhancement(spec, catalog) is { } clause)
            {
                document = document.With(clause);
            }
        }

        return document;
    }

    /// <summary>One card per core category, in catalog order.</summary>
    public IReadOnlyList<Enhancement> Pick(string basicPrompt)
    {
        var themes = IdeaThemes.Detect(basicPrompt);
        var picks = new List<Enhancement>();
        foreach (var category in catalog.Categories.Where(c => c.Core && c.Enhancements.Count > 0))
        {
            var rules = Rules.FirstOrDefault(r => string.Equals(r.CategoryId, category.Id, StringComparison.OrdinalIgnoreCase));
            var id = rules?.Rules.FirstOrDefault(r => (r.Themes & themes) != 0)?.EnhancementId ?? rules?.DefaultId;
            picks.Add(catalog.FindEnhancement(id) ?? category.Enhancements[0]);
        }

        return picks;
    }
}

internal sealed record KeywordRule(IdeaTheme Themes, string EnhancementId);

internal sealed record CategoryRules(string CategoryId, string DefaultId, IReadOnlyList<KeywordRule> Rules);
