using SoraPromptGenie.Core.Catalog;

namespace SoraPromptGenie.Core.Engines.Offline;

/// <summary>
/// The offline engine's model of a prompt: free scene text plus at most one clause per category. Catalog cards are
/// written after the scene as the prose of the shot (<see cref="ShotProse"/>), other cards as labelled lines in catalog
/// order. Rendering and parsing round-trip, which is what lets a second card of a category replace the first, and a card
/// be taken out again, in the current text without touching the rest of it.
/// </summary>
internal sealed record PromptDocument(string Scene, IReadOnlyList<PromptClause> Clauses)
{
    /// <summary>The categories whose cards describe motion: they come first among the clauses for a motion-first target.</summary>
    private static readonly string[] MotionCategories = ["camera-motion", "motion-timing"];

    public static PromptDocument Empty { get; } = new(string.Empty, []);

    public static PromptDocument Parse(string? text, PromptCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        var prose = ShotProse.For(catalog);
        var sceneLines = new List<string>();
        var document = Empty;
        var inCinematography = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd();
            inCinematography = TemplateHeadings.Update(inCinematography, line.Trim());

            // Inside a structured prompt's Cinematography section "Mood: ..." is part of the template, not a card.
            if (!inCinematography && PromptClause.TryParse(line.Trim(), catalog, out var clause))
            {
                document = document.With(clause);
                continue;
            }

            if (!inCinematography && prose.TryTake(line, out var cards, out var rest))
            {
                foreach (var card in cards)
                {
                    document = document.With(PromptClause.ForCard(card, catalog));
                }

                line = rest;
                if (line.Length == 0)
                {
                    continue;
                }
            }

            if (line.Length > 0 || (sceneLines.Count > 0 && sceneLines[^1].Length > 0))
            {
                sceneLines.Add(line);
            }
        }

        while (sceneLines.Count > 0 && sceneLines[^1].Length == 0)
        {
            sceneLines.RemoveAt(sceneLines.Count - 1);
        }

        return document with { Scene = string.Join('\n', sceneLines) };
    }

    /// <summary>Sets the clause of <paramref name="clause"/>'s category, replacing the one already there.</summary>
    public PromptDocument With(PromptClause clause)
    {
        var clauses = Clauses.ToList();
        var existing = clauses.FindIndex(c => string.Equals(c.Key, clause.Key, StringComparison.OrdinalIgnoreCase));
        if (existing >= 0)
        {
            clauses[existing] = clause;
        }
        else
        {
            clauses.Add(clause);
        }

        // OrderBy is stable, so clauses of unknown categories (all ordered last) keep their first-seen order.
        return this with { Clauses = [.. clauses.OrderBy(c => c.Order)] };
    }

    /// <summary>
    /// The rendered prompt within <paramref name="maxChars"/>: when it is longer, the scene loses its last sentences so
    /// that every clause (the cards just applied) stays; <c>Shortened</c> says whether anything was left out.
    /// </summary>
    public (string Text, bool Shortened) RenderWithin(int maxChars)
    {
        var full = Render();
        if (full.Length <= maxChars)
        {
            return (full, false);
        }

        var clauses = (this with { Scene = string.Empty }).Render().Length;
        var sceneBudget = clauses == 0 ? maxChars : maxChars - clauses - 2;
        var scene = sceneBudget > 0 ? PromptLength.Shorten(Scene, sceneBudget).TrimEnd() : string.Empty;
        return (PromptLength.Shorten((this with { Scene = scene }).Render(), maxChars), true);
    }

    /// <summary>
    /// The prompt laid out for a target (see <see cref="Render(TargetStyle)"/>) within <paramref name="budget"/>: while it is
    /// too long the scene loses its last sentences, so the clauses (the cards just applied) stay; a text still too long is
    /// cut. <c>TargetLimitHit</c> says whether the target's own limit was what the text had to be shortened for.
    /// </summary>
    public (string Text, bool Shortened, bool TargetLimitHit) RenderWithin(OfflineBudget budget, TargetStyle style)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var document = this;
        var text = document.Render(style);
        var targetLimitHit = !budget.FitsTarget(text);
        var shortened = false;
        while (!budget.Fits(text) && document.Scene.Length > 0)
        {
            var scene = PromptLength.Shorten(document.Scene, Math.Max(0, document.Scene.Length - budget.Over(text))).TrimEnd();
            document = document with { Scene = scene };
            text = document.Render(style);
            shortened = true;
        }

        if (!budget.Fits(text))
        {
            text = budget.Cut(text);
            shortened = true;
        }

        return (text, shortened, targetLimitHit);
    }

    /// <summary>
    /// The prompt laid out for <paramref name="style"/>: the Sora template family renders as <see cref="Render()"/>; the
    /// prose of the shot opens with the camera after the scene (the subject's motion), so it suits every family, and
    /// Runway's motion-first family also puts the labelled motion lines (camera motion, motion timing) ahead of the other
    /// lines; an <c>Audio:</c> line of the scene always comes last.
    /// </summary>
    public string Render(TargetStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        if (style.Layout == TargetLayout.SoraTemplate)
        {
            return Render();
        }

        var sceneLines = Scene.Split('\n');
        var audio = sceneLines.Where(IsAudioLine).ToList();
        var picture = string.Join('\n', sceneLines.Where(l => !IsAudioLine(l))).Trim();
        var lines = Lines;
        var motion = style.Layout == TargetLayout.MotionFirst ? lines.Where(c => MotionCategories.Contains(c.Key)).ToList() : [];
        var rest = lines.Where(c => !motion.Contains(c)).ToList();
        var blocks = new List<string>
        {
            picture,
            Shot,
            string.Join('\n', [.. motion.Select(c => c.Render()), .. rest.Select(c => c.Render())]),
            string.Join('\n', audio.Select(l => l.Trim())),
        };
        return string.Join("\n\n", blocks.Where(b => b.Length > 0));
    }

    internal static bool IsAudioLine(string line) =>
        line.TrimStart().StartsWith(TargetStyle.AudioLabel, StringComparison.OrdinalIgnoreCase);

    /// <summary>Drops the clause filling slot <paramref name="key"/> (see <see cref="PromptClause.Key"/>), if there is one.</summary>
    public PromptDocument Without(string key) =>
        this with { Clauses = [.. Clauses.Where(c => !string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase))] };

    /// <summary>The scene, then the prose of the shot written from the catalog cards, then the labelled lines.</summary>
    public string Render()
    {
        string[] blocks = [Scene, Shot, string.Join('\n', Lines.Select(c => c.Render()))];
        return string.Join("\n\n", blocks.Where(b => b.Length > 0));
    }

    /// <summary>The catalog cards' sentences: camera, light and palette, style, and the rest in reading order.</summary>
    private string Shot => ShotProse.Write(Clauses.Where(c => c.IsPhrase).Select(c => c.Card!));

    private List<PromptClause> Lines => [.. Clauses.Where(c => !c.IsPhrase)];
}

/// <summary>The section headings of the Sora 2 template, shared by the parser and the structurer.</summary>
internal static class TemplateHeadings
{
    public const string Cinematography = "Cinematography:";
    public const string Actions = "Actions:";
    public const string Dialogue = "Dialogue:";

    /// <summary>Whether the line after <paramref name="line"/> is inside a Cinematography section.</summary>
    public static bool Update(bool inCinematography, string line) =>
        line.Equals(Cinematography, StringComparison.OrdinalIgnoreCase)
        || (inCinematography && !line.Equals(Actions, StringComparison.OrdinalIgnoreCase)
            && !line.Equals(Dialogue, StringComparison.OrdinalIgnoreCase));
}
