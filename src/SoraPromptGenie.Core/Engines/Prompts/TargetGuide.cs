using System.Globalization;
using System.Text;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Core.Engines.Prompts;

/// <summary>
/// The wording system prompts take when a request names a target: the target's model in the role, its layout (see
/// <see cref="TargetStyle"/>), its prompt budget, its sound, negatives and shot rules, and the guidance of its profile.
/// Requests without a target never reach this type, so their prompts stay the Sora 2 ones. Bump <see cref="Version"/>
/// whenever this wording, or the writing facts of a profile in targets.json, change: response caches key target requests
/// on it.
/// </summary>
public static class TargetGuide
{
    public const string Version = "2026-11.t1";

    /// <summary>Name of the system message property that carries <see cref="Version"/> on target requests.</summary>
    public const string VersionProperty = "target_guide_version";

    /// <summary>The share of the limit to aim for: models overshoot a stated length, so the prompt asks for less.</summary>
    private const int AimPercent = 75;

    public static string Role(TargetStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var who = style.Target.Model is null
            ? "text-to-video models in general (no particular model)"
            : $"{style.Target.DisplayName}, a text-to-video model from {style.Target.Provider}";
        return $"You are a cinematographer who writes prompts for {who}. You write prompts, not conversations.\n\n";
    }

    /// <summary>How the prompt is laid out, with the numbered parts the operation's task refers to as "the layout below".</summary>
    public static string Layout(TargetStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var builder = new StringBuilder();
        switch (style.Layout)
        {
            case TargetLayout.SoraTemplate:
                builder.Append(SoraGuide.Template);
                return builder.ToString();
            case TargetLayout.MotionFirst:
                builder.Append("Prompt layout for ").Append(style.Name).Append(" (plain prose, no headings or labels):\n")
                    .Append("1. Open with the essential motion: what the subject does, in general terms (\"the subject\").\n")
                    .Append("2. Then the camera motion, then motion in the scene (wind, water, crowds, light changing).\n")
                    .Append("3. Close with a few style descriptors (look, light, colour). Add one element at a time; simple beats elaborate.\n\n");
                break;
            case TargetLayout.SceneThenAudio:
                builder.Append("Prompt layout for ").Append(style.Name).Append(":\n")
                    .Append("1. Plain prose for the picture: subject and action first, then setting, light, colour and style, ")
                    .Append("then camera position and movement, composition and focus.\n")
                    .Append("2. A last line \"").Append(TargetStyle.AudioLabel).Append("\" with one or two short sentences of sound: dialogue in double ")
                    .Append("quotes with a named speaker (The woman says, \"We're late.\"), sound effects described explicitly, ")
                    .Append("ambience as a soundscape, music if any. Dialogue only when someone speaks.\n\n");
                break;
            default:
                builder.Append("Prompt layout for ").Append(style.Name).Append(" (plain prose, no headings or labels):\n")
                    .Append("1. Subject and action first, then setting, light, colour and style, then camera position and movement.\n\n");
                break;
        }

        return builder.ToString();
    }

    /// <summary>The target's rules: shots, sound, negatives, budget, request parameters, then its own guidance.</summary>
    public static string Rules(TargetStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var builder = new StringBuilder();
        builder.Append("Rules for ").Append(style.Name).Append(":\n");
        builder.Append(ShotRule(style));
        builder.Append(SoundRule(style));
        builder.Append(NegativesRule(style));
        if (BudgetRule(style) is { } budget)
        {
            builder.Append(budget);
        }

        if (style.Layout != TargetLayout.SoraTemplate)
        {
            // The Sora 2 craft rules say these for the Sora template. Request parameters in prose do nothing on any target.
            builder.Append("- Never state resolution, aspect ratio, duration, frame rate or model name in the prompt: those are set in the request.\n");
            builder.Append("- Use concrete nouns and verbs; describe light by quality and source. Avoid vague words such as \"beautiful\", \"stunning\", \"cinematic look\".\n");
        }

        builder.Append('\n');
        if (style.Target.Guidance.Count > 0)
        {
            builder.Append("From ").Append(style.Name).Append("'s own prompting advice:\n");
            foreach (var fact in style.Target.Guidance)
            {
                builder.Append("- ").Append(fact.Text).Append('\n');
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The craft rules of the layout: the Sora 2 ones for the Sora template, else the target rules alone.</summary>
    public static string Craft(TargetStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return style.Layout == TargetLayout.SoraTemplate ? SoraGuide.Craft + Rules(style) : Rules(style);
    }

    /// <summary>Where the detail of <paramref name="what"/> goes in the layout: a bullet of the enhance and merge tasks.</summary>
    public static string Placement(TargetStyle style, string what)
    {
        ArgumentNullException.ThrowIfNull(style);
        return style.Layout switch
        {
            TargetLayout.SoraTemplate =>
                $"- Work {what} into the right part of the template (camera into Camera shot, light and colour into the " +
                "scene prose, motion into Actions) instead of appending sentences.\n",
            TargetLayout.MotionFirst =>
                $"- Work {what} into the right place of the layout (subject and camera motion into the opening, light, " +
                "colour and style into the closing descriptors) instead of appending sentences.\n",
            _ =>
                $"- Work {what} into the right place of the layout (light, colour and style into the picture description, " +
                "camera into the camera sentence) instead of appending sentences.\n",
        };
    }

    /// <summary>
    /// The follow-up message that asks the model to shorten its own answer to the target's limit, in the limit's unit.
    /// </summary>
    public static string ShortenRequest(TargetStyle style, int measured)
    {
        ArgumentNullException.ThrowIfNull(style);
        var limit = style.Limit ?? throw new ArgumentException("The target has no prompt limit.", nameof(style));
        var unit = PromptLimitUnit.Name(limit.Unit);
        return string.Create(CultureInfo.InvariantCulture, $"That prompt is {measured:N0} {unit} long, but {style.Name} accepts at most {PromptLength.LimitText(limit)}. ") +
            string.Create(CultureInfo.InvariantCulture, $"Shorten it to at most {Aim(limit):N0} {unit}: keep the subject, the action, the camera and the layout, ") +
            "and drop the least important details. Answer with the shortened prompt only.";
    }

    private static string ShotRule(TargetStyle style) => style.CutsByDefault
        ? $"- {style.Name} cuts between several shots unless told otherwise. Write one continuous shot and open the prompt with " +
          $"\"{TargetStyle.SingleShotOpening},\", unless the user's text asks for several shots; then give each shot its timing " +
          "(\"After 3 seconds, ...\").\n"
        : "- Describe one continuous shot: one clear camera move and one clear subject action.\n";

    private static string SoundRule(TargetStyle style)
    {
        var advice = style.Target.Audio?.Advice;
        return style.Sound switch
        {
            TargetSound.None =>
                $"- {style.Name} makes silent video: write no dialogue, sound effects, music or audio section. " +
                "Speech, if the scene needs it, is only something seen (lips moving); leave out any part of an enhancement or " +
                "idea that is about sound.\n",
            TargetSound.Section when style.Layout == TargetLayout.SoraTemplate => $"- Sound: {advice}\n",
            TargetSound.Section => $"- Sound goes in the {TargetStyle.AudioLabel} line: {advice}\n",
            _ => "- If someone speaks, put the words in double quotes with a named speaker.\n",
        };
    }

    private static string NegativesRule(TargetStyle style) => style.Negatives switch
    {
        NegativeMode.Field =>
            $"- Keep what the video must not show out of the prompt: {style.Name} takes it in a separate field " +
            $"({style.Target.Negatives?.Path}). Describe only what is on screen.\n",
        NegativeMode.Fold =>
            $"- {style.Name} has no negative-prompt field: write what the video must not show as short sentences " +
            "that start with \"No\" (\"No text on screen.\"), after the picture description.\n",
        _ =>
            "- Phrase everything positively: describe what is on screen, never what is not (no \"no ...\", " +
            "\"without ...\" or \"don't ...\").\n",
    };

    private static string? BudgetRule(TargetStyle style)
    {
        if (style.Limit is not { } limit)
        {
            return null;
        }

        var estimate = limit.Unit == PromptLimitUnit.Tokens ? " (about four characters a token)" : string.Empty;
        return $"- {style.Name} accepts at most {PromptLength.LimitText(limit)} of prompt text{estimate}; " +
            string.Create(CultureInfo.InvariantCulture, $"stay comfortably under it, at most about {Aim(limit):N0} {PromptLimitUnit.Name(limit.Unit)}.\n");
    }

    private static int Aim(TargetPromptLimit limit) => limit.Max * AimPercent / 100;
}
